import { InputError } from '@zhizhi/kernel/errors';
import { compileRule } from '@zhizhi/kernel/rules';
import { z } from 'zod';
import { RULE_CONTEXT, ruleParams } from '../alarms/rule-types';
import { type RuleSeed, STATION_KINDS } from './types';

// What the registry accepts: stations, devices and alarm rules, from the API or a region pack.

export const stationInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,64}$/),
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  kind: z.enum(STATION_KINDS),
  lng: z.number().min(73).max(136),
  lat: z.number().min(3).max(54),
  divisionCode: z.string().regex(/^\d{12}$/),
  departmentCode: z.string().min(1).max(32),
  attributes: z.record(
    z.string().regex(/^[a-z][a-z0-9_]*$/),
    z.union([z.number().finite(), z.string().max(200)]),
  ),
});

export const deviceInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:-]{2,64}$/),
  name: z.string().trim().min(1).max(100),
  protocol: z.enum(['json', 'hj212', 'sl651', 'gateway']),
  protocolAddress: z
    .string()
    .regex(/^[0-9A-Za-z]{1,32}$/)
    .nullish(),
  metrics: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).max(64),
});

export function invalid(code: string, error: z.ZodError): InputError {
  const errors = error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message }));
  return new InputError(code, `Invalid input: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, {
    errors,
  });
}

export const ruleInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:-]{2,96}$/),
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  alarmType: z
    .string()
    .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/)
    .max(64),
  severity: z.enum(['critical', 'major', 'minor', 'warning']),
  active: z.boolean().default(true),
  params: ruleParams,
});

export type RuleInput = z.infer<typeof ruleInput>;

/** A checked rule: its fields, its parameters, and its CEL (if any) compiled once to refuse bad ones. */
export function parseRule(input: unknown): RuleInput {
  const parsed = ruleInput.safeParse(input);
  if (!parsed.success) throw invalid('sensing.rule.invalid', parsed.error);
  if (parsed.data.params.kind === 'expression') compileRule(parsed.data.params.expression, RULE_CONTEXT);
  return parsed.data;
}

/** A region pack's flat rule as the API's shape (`params` apart). */
export function ruleFromSeed(seed: RuleSeed): unknown {
  const { code, nameZh, nameEn, alarmType, severity, ...params } = seed;
  return { code, nameZh, nameEn, alarmType, severity, params };
}
