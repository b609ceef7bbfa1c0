import { z } from 'zod';

/** Counters kept incrementally (events update them); see `measures.ts`. */
export const MEASURES = [
  'events.accepted',
  'events.closed',
  'events.closed_on_time',
  'events.cross',
  'events.cross_closed',
  'applications.submitted',
  'applications.online',
  'applications.mobile',
] as const;
export type MeasureName = (typeof MEASURES)[number];

/**
 * How an indicator is computed, as data:
 * - `ratio`: numerator ÷ denominator of two incremental measures (× 100 for percent);
 * - `count`: one incremental measure;
 * - `indicator`: a module's indicator from the kernel registry, computed from source on demand;
 * - `reported`: entered by the owner department with evidence.
 */
export const formulaSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('ratio'), numerator: z.enum(MEASURES), denominator: z.enum(MEASURES) }),
  z.object({ op: z.literal('count'), measure: z.enum(MEASURES) }),
  z.object({ op: z.literal('indicator'), code: z.string().regex(/^[a-z][a-z0-9_.]{2,95}$/) }),
  z.object({ op: z.literal('reported') }),
]);
export type Formula = z.output<typeof formulaSchema>;

export const LEVELS = ['district', 'town', 'village', 'department'] as const;
export type Level = (typeof LEVELS)[number];
export const PROMISES = ['services', 'governance', 'overview', 'codes', 'data'] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const targetDefinitionSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_.]{2,95}$/),
    nameZh: z.string().min(1).max(100),
    nameEn: z.string().min(1).max(200),
    unit: z.enum(['percent', 'count', 'days', 'hours', 'score', 'yuan']),
    direction: z.enum(['higher_better', 'lower_better']),
    promise: z.enum(PROMISES),
    target: z.number().finite().nullable(),
    warningLine: z.number().finite().nullable(),
    baseline: z.number().finite().nullable(),
    baselineDate: day.nullable().default('2020-12-31'),
    deadline: day.nullable().default('2025-12-31'),
    ownerDepartmentCode: z.string().min(1).max(40).nullable(),
    levels: z.array(z.enum(LEVELS)).min(1),
    formula: formulaSchema,
    formulaText: z.string().min(1).max(500),
    formulaTextEn: z.string().min(1).max(500),
    sort: z.number().int().default(0),
  })
  .superRefine((d, ctx) => {
    if (d.formula.op === 'ratio' && d.unit !== 'percent')
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'a ratio is a percent' });
    if (d.formula.op === 'count' && d.unit !== 'count')
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'a count measure has unit count' });
    if (d.baselineDate && d.deadline && d.baselineDate >= d.deadline)
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'the deadline follows the baseline date' });
  });
export type TargetDefinition = z.output<typeof targetDefinitionSchema>;
export type TargetInput = z.input<typeof targetDefinitionSchema>;

export type Status = 'on_track' | 'behind' | 'below_warning' | 'no_data';

/** True when `a` is worse than `b` for the direction. */
export function worse(direction: string, a: number, b: number): boolean {
  return direction === 'lower_better' ? a > b : a < b;
}

/**
 * Where the straight trajectory from the baseline (at its date) to the target (at the deadline)
 * stands on `today`; the target itself once the deadline has passed. Null without both ends.
 */
export function expectedAt(
  d: Pick<TargetDefinition, 'baseline' | 'target' | 'baselineDate' | 'deadline'>,
  today: string,
): number | null {
  if (d.target === null) return d.baseline;
  if (d.baseline === null || !d.baselineDate || !d.deadline) return d.target;
  const start = Date.parse(d.baselineDate);
  const end = Date.parse(d.deadline);
  const share = Math.min(1, Math.max(0, (Date.parse(today) - start) / (end - start)));
  return d.baseline + (d.target - d.baseline) * share;
}

/** On track, behind the trajectory, or below (worse than) the warning line. */
export function statusOf(
  d: Pick<TargetDefinition, 'direction' | 'warningLine'>,
  value: number | null,
  expected: number | null,
): Status {
  if (value === null) return 'no_data';
  if (d.warningLine !== null && worse(d.direction, value, d.warningLine)) return 'below_warning';
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  if (expected !== null && worse(d.direction, round(value), round(expected))) return 'behind';
  return 'on_track';
}

/**
 * Share of the way from the baseline to the target (0..1), null without a target. A value that has
 * reached the target is 1, whatever the baseline (a target may sit below a 2020 baseline that was
 * already better); without a usable baseline the value is measured from zero.
 */
export function progressOf(
  d: Pick<TargetDefinition, 'baseline' | 'target' | 'direction'>,
  value: number | null,
): number | null {
  if (value === null || d.target === null) return null;
  if (!worse(d.direction, value, d.target)) return 1;
  const from = d.baseline !== null && worse(d.direction, d.baseline, d.target) ? d.baseline : 0;
  if (from === d.target) return 0;
  return Math.min(1, Math.max(0, (value - from) / (d.target - from)));
}
