import { InputError } from '@zhizhi/kernel/errors';
import {
  validateDivisionCode,
  validateIdNumber,
  validateMobile,
  validateUscc,
} from '@zhizhi/kernel/identity';
import { z } from 'zod';

/** A quality rule on one data item. */
export const ruleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('required') }),
  z.object({
    kind: z.literal('format'),
    format: z.enum(['id_number', 'uscc', 'mobile', 'phone', 'date', 'division_code', 'email']),
  }),
  z.object({ kind: z.literal('range'), min: z.number().optional(), max: z.number().optional() }),
  z.object({ kind: z.literal('enum'), values: z.array(z.string().max(100)).min(1).max(500) }),
  z.object({ kind: z.literal('unique') }),
  z.object({ kind: z.literal('pattern'), regex: z.string().max(200) }),
]);
export type QualityRule = z.output<typeof ruleSchema>;

export interface ItemRules {
  item: string;
  rules: QualityRule[];
}

/** One failed check: which row (1-based, as loaded), which item, which rule. Never the value. */
export interface Finding {
  row: number;
  item: string;
  rule: QualityRule['kind'];
  code: string;
}

export interface QualityReport {
  rows: number;
  /** Checks run and passed, per item (a rule on an empty optional value is not run). */
  items: Record<string, { checks: number; passed: number }>;
  /** Share of checks passed overall, 0–1 (1 when nothing was checked). */
  passRate: number;
  findings: Finding[];
  /** Findings beyond the cap were counted but not listed. */
  truncated: boolean;
}

const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

type Check = (value: string) => boolean;

function formatCheck(format: Extract<QualityRule, { kind: 'format' }>['format']): Check {
  switch (format) {
    case 'id_number': {
      // Today's Beijing date once per rule set, not once per value.
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      return (v) => validateIdNumber(v, { today }).ok;
    }
    case 'uscc':
      return (v) => validateUscc(v).ok;
    case 'mobile':
      return (v) => validateMobile(v).ok;
    case 'phone':
      return (v) => validateMobile(v).ok || LANDLINE.test(v);
    case 'date':
      return isDate;
    case 'division_code':
      return (v) => validateDivisionCode(v).ok;
    case 'email':
      return (v) => EMAIL.test(v);
  }
}

/** Parses rule sets once (bad regexes and schemas fail here, not per row). */
export function compileRules(sets: unknown): ItemRules[] {
  const parsed = z
    .array(z.object({ item: z.string().min(1).max(64), rules: z.array(ruleSchema).max(20) }))
    .max(500)
    .safeParse(sets);
  if (!parsed.success)
    throw new InputError(
      'data.rules.invalid',
      `Invalid quality rules: ${parsed.error.issues.map((i) => `/${i.path.join('/')} ${i.message}`).join('; ')}`,
    );
  for (const set of parsed.data)
    for (const rule of set.rules)
      if (rule.kind === 'pattern') {
        try {
          new RegExp(rule.regex, 'u');
        } catch {
          throw new InputError(
            'data.rules.invalid',
            `Item ${set.item}: the pattern is not a valid regular expression.`,
          );
        }
      }
  return parsed.data;
}

/**
 * Checks rows against per-item rules in one pass (uniqueness with one set per item). Values are
 * compared as trimmed strings; an empty value is only checked by `required`.
 */
export function checkRows(
  sets: readonly ItemRules[],
  rows: Iterable<Record<string, unknown>>,
  options: { maxFindings?: number } = {},
): QualityReport {
  const maxFindings = options.maxFindings ?? 10_000;
  const compiled = sets.map((set) => ({
    item: set.item,
    required: set.rules.some((r) => r.kind === 'required'),
    unique: set.rules.some((r) => r.kind === 'unique') ? new Set<string>() : null,
    checks: set.rules.flatMap((rule): { rule: QualityRule; code: string; test: Check }[] => {
      switch (rule.kind) {
        case 'format':
          return [{ rule, code: `data.quality.format.${rule.format}`, test: formatCheck(rule.format) }];
        case 'range':
          return [
            {
              rule,
              code: 'data.quality.range',
              test: (v) => {
                const n = Number(v);
                return (
                  v !== '' &&
                  Number.isFinite(n) &&
                  (rule.min === undefined || n >= rule.min) &&
                  (rule.max === undefined || n <= rule.max)
                );
              },
            },
          ];
        case 'enum': {
          const allowed = new Set(rule.values);
          return [{ rule, code: 'data.quality.enum', test: (v) => allowed.has(v) }];
        }
        case 'pattern': {
          const re = new RegExp(rule.regex, 'u');
          return [{ rule, code: 'data.quality.pattern', test: (v) => re.test(v) }];
        }
        default:
          return [];
      }
    }),
    tally: { checks: 0, passed: 0 },
  }));
  const findings: Finding[] = [];
  let failed = 0;
  let count = 0;
  const fail = (row: number, item: string, rule: QualityRule['kind'], code: string) => {
    failed += 1;
    if (findings.length < maxFindings) findings.push({ row, item, rule, code });
  };
  for (const record of rows) {
    count += 1;
    for (const c of compiled) {
      const raw = record[c.item];
      const value = raw === null || raw === undefined ? '' : String(raw).trim();
      if (value === '') {
        if (c.required) {
          c.tally.checks += 1;
          fail(count, c.item, 'required', 'data.quality.required');
        }
        continue;
      }
      if (c.required) {
        c.tally.checks += 1;
        c.tally.passed += 1;
      }
      for (const check of c.checks) {
        c.tally.checks += 1;
        if (check.test(value)) c.tally.passed += 1;
        else fail(count, c.item, check.rule.kind, check.code);
      }
      if (c.unique) {
        c.tally.checks += 1;
        if (c.unique.has(value)) fail(count, c.item, 'unique', 'data.quality.duplicate');
        else {
          c.unique.add(value);
          c.tally.passed += 1;
        }
      }
    }
  }
  const items = Object.fromEntries(compiled.map((c) => [c.item, c.tally]));
  const checks = compiled.reduce((n, c) => n + c.tally.checks, 0);
  const passed = compiled.reduce((n, c) => n + c.tally.passed, 0);
  return {
    rows: count,
    items,
    passRate: checks === 0 ? 1 : passed / checks,
    findings,
    truncated: failed > findings.length,
  };
}
