import { z } from 'zod';

/** ThingsBoard's severities; the Chinese warning colours map onto them (红 橙 黄 蓝). */
export const SEVERITIES = ['critical', 'major', 'minor', 'warning', 'indeterminate'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is more severe. */
export const severityRank: Record<Severity, number> = {
  critical: 4,
  major: 3,
  minor: 2,
  warning: 1,
  indeterminate: 0,
};

const thresholdValue = z.union([z.number().finite(), z.string().regex(/^[a-z][a-z0-9_]*$/)]);

/** A threshold on one metric, with hysteresis and a duration before it raises. */
export const thresholdParams = z.object({
  kind: z.literal('threshold'),
  metric: z.string().min(1).max(64),
  op: z.enum(['>', '<']),
  /** A number, or the name of a station attribute (e.g. `warning_level`). */
  value: thresholdValue,
  hysteresis: z.number().min(0).default(0),
  durationSeconds: z.number().int().min(0).max(86_400).default(0),
});

/** Rate of change: rising (or falling, when negative) faster than this per hour. */
export const rateParams = z.object({
  kind: z.literal('rate'),
  metric: z.string().min(1).max(64),
  ratePerHour: z
    .number()
    .finite()
    .refine((v) => v !== 0, 'must not be 0'),
  /** The window the rate is measured over. */
  windowMinutes: z.number().int().min(5).max(360).default(30),
});

/** No reading from a device of the station for this many minutes (offline). */
export const nodataParams = z.object({
  kind: z.literal('nodata'),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
});

/** CEL over `m` (latest value of each of the station's metrics) and `attr` (its attributes). */
export const expressionParams = z.object({
  kind: z.literal('expression'),
  expression: z.string().min(1).max(2000),
  durationSeconds: z.number().int().min(0).max(86_400).default(0),
});

export const ruleParams = z.discriminatedUnion('kind', [
  thresholdParams,
  rateParams,
  nodataParams,
  expressionParams,
]);
export type RuleParams = z.infer<typeof ruleParams>;

/** What a CEL rule sees: `m`, the station's latest value per metric, and `attr`, its attributes. */
export const RULE_CONTEXT = { m: 'map<string, double>', attr: 'map<string, dyn>' } as const;
