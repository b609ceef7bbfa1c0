import { InputError } from '@zhizhi/kernel/errors';
import { type CompiledRule, compileRule, evaluateBoolean } from '@zhizhi/kernel/rules';
import { z } from 'zod';
import type { Licence, SubjectKind, SubjectStatus } from '../subjects/subject';
import {
  activeRecords,
  type CreditRecord,
  monthsBefore,
  RECORD_SOURCES,
  type RecordSource,
  recordStanding,
} from './records';
import { type CreditStats, computeStats, STAT_NAMES } from './stats';

/** Credit risk classes: A 低, B 一般, C 较高, D 高. */
export const CREDIT_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type CreditClass = (typeof CREDIT_CLASSES)[number];
export const CREDIT_CLASS_NAMES: Record<CreditClass, { zh: string; en: string }> = {
  A: { zh: '信用风险低', en: 'low risk' },
  B: { zh: '信用风险一般', en: 'average risk' },
  C: { zh: '信用风险较高', en: 'elevated risk' },
  D: { zh: '信用风险高', en: 'high risk' },
};

/** The fields of `subject` that rules may read in CEL. */
export const SUBJECT_FIELDS = ['kind', 'industryCode', 'status', 'licenceTypes'] as const;

const bilingual = (max: number) =>
  z.object({ zh: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });
const code = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 letters, digits, _ . - starting with a letter');

/** One scoring rule. */
export const creditRuleSchema = z.object({
  code,
  description: bilingual(500),
  /** CEL boolean over `subject` (see SUBJECT_FIELDS) and `stats` (see CreditStats). */
  when: z.string().min(1).max(4096),
  /** Added to the score when `when` holds. */
  points: z.number().int().min(-100).max(100),
  /**
   * The record sources the rule is about. The explanation lists the active records of these
   * sources: adverse ones for a rule with negative points, favourable ones for positive points,
   * all for zero points (see `recordStanding`).
   */
  sources: z
    .array(z.enum(RECORD_SOURCES))
    .max(RECORD_SOURCES.length)
    .refine((s) => new Set(s).size === s.length, 'sources must not repeat')
    .default([]),
  /** Lists only records dated within this many months (for rules over `…12m` figures). */
  withinMonths: z.number().int().min(1).max(120).nullable().default(null),
  /** When the rule holds, the class is no better than this (e.g. D for a revoked licence). */
  cap: z.enum(['B', 'C', 'D']).nullable().default(null),
});

/** A credit rating rule set: a general one (sector null) or one for a sector. */
export const ruleSetSchema = z
  .object({
    code,
    name: bilingual(200),
    /** null for the general rating; a sector code (e.g. food) for a special rating. */
    sector: code.nullable(),
    /** The score before any rule, 0–100. */
    baseScore: z.number().int().min(0).max(100),
    /** The lowest score for A, B and C; lower scores are D. */
    classes: z
      .object({
        A: z.number().int().min(1).max(100),
        B: z.number().int().min(1).max(100),
        C: z.number().int().min(1).max(100),
      })
      .refine((c) => c.A > c.B && c.B > c.C, 'thresholds must fall from A to C'),
    rules: z
      .array(creditRuleSchema)
      .min(1)
      .max(200)
      .refine(
        (rules) => new Set(rules.map((r) => r.code)).size === rules.length,
        'rule codes must not repeat',
      ),
  })
  .strict();
export type RuleSetInput = z.input<typeof ruleSetSchema>;
export type RuleSet = z.output<typeof ruleSetSchema>;
export type CreditRule = z.output<typeof creditRuleSchema>;

/** A rule set whose expressions are compiled; build with `compileRuleSet`. */
export type CompiledRuleSet = Readonly<Omit<RuleSet, 'rules'>> & {
  readonly rules: readonly Readonly<CreditRule & { compiled: CompiledRule }>[];
};

/** The subject as rating sees it. */
export interface RatedSubject {
  id: string;
  kind: SubjectKind;
  industryCode: string;
  status: SubjectStatus;
  licences?: readonly Licence[];
}

/** Why the score is what it is: one entry per rule that held, in rule-set order. */
export interface RatingExplanation {
  rule: string;
  description: { zh: string; en: string };
  points: number;
  cap: CreditClass | null;
  /** Ids of the active records behind the rule, oldest first (see `sources`). */
  records: string[];
}

export interface Rating {
  ruleSet: string;
  sector: string | null;
  /** baseScore plus the points of every rule that held, kept within 0–100. */
  score: number;
  class: CreditClass;
  explanation: RatingExplanation[];
  stats: CreditStats;
}

const CONTEXT = { subject: 'dyn', stats: 'map<string, int>' } as const;
const KNOWN: Record<string, ReadonlySet<string>> = {
  stats: new Set(STAT_NAMES),
  subject: new Set(SUBJECT_FIELDS),
};
const compiledSets = new WeakSet<object>();

interface PathError {
  path: string;
  message: string;
}

/** Fields of `stats` and `subject` the expression reads that do not exist. */
function unknownFields(expression: string): string[] {
  // Blank out string literals so that text inside quotes is not taken for a field.
  const stripped = expression.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, "''");
  const unknown: string[] = [];
  for (const match of stripped.matchAll(/(?<![\w.])(stats|subject)\s*\.\s*([A-Za-z_]\w*)/g)) {
    if (!KNOWN[match[1]].has(match[2])) unknown.push(`${match[1]}.${match[2]}`);
  }
  return [...new Set(unknown)];
}

function invalid(errors: PathError[]): InputError {
  return new InputError(
    'regulation.rules.invalid',
    `The rule set is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`.slice(0, 1000),
    { errors },
  );
}

/**
 * Checks a rule set and compiles every CEL expression once. Throws InputError
 * `regulation.rules.invalid` with `{ errors: [{ path, message }] }` naming every problem, e.g.
 * `rules.2.when` for an expression that does not parse, is not boolean, or reads a figure
 * `stats` does not have.
 */
export function compileRuleSet(ruleSet: unknown): CompiledRuleSet {
  const parsed = ruleSetSchema.safeParse(ruleSet);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const errors: PathError[] = [];
  const rules = parsed.data.rules.map((rule, i) => {
    const path = `rules.${i}.when`;
    try {
      const compiled = compileRule(rule.when, CONTEXT, { expectBoolean: true });
      for (const field of unknownFields(rule.when)) errors.push({ path, message: `${field} does not exist` });
      return Object.freeze({ ...rule, compiled });
    } catch (error) {
      errors.push({ path, message: error instanceof Error ? error.message : String(error) });
      return null;
    }
  });
  if (errors.length > 0) throw invalid(errors);
  const result: CompiledRuleSet = Object.freeze({
    ...parsed.data,
    rules: Object.freeze(rules as NonNullable<(typeof rules)[number]>[]),
  });
  compiledSets.add(result);
  return result;
}

/** The class a score falls in under the rule set's thresholds. */
export function classOfScore(score: number, classes: RuleSet['classes']): CreditClass {
  if (score >= classes.A) return 'A';
  if (score >= classes.B) return 'B';
  if (score >= classes.C) return 'C';
  return 'D';
}

/** The worse (higher-risk) of two classes. */
export function worseClass(a: CreditClass, b: CreditClass): CreditClass {
  return CREDIT_CLASSES.indexOf(a) >= CREDIT_CLASSES.indexOf(b) ? a : b;
}

const DAY = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** What CEL sees as `subject`: no names or people, only what rules need. */
function subjectContext(subject: RatedSubject, asOf: Date) {
  const today = DAY(asOf);
  const licenceTypes = (subject.licences ?? [])
    .filter((l) => l.validFrom <= today && (l.validTo === null || l.validTo >= today))
    .map((l) => l.type);
  return {
    kind: subject.kind,
    industryCode: subject.industryCode,
    status: subject.status,
    licenceTypes: [...new Set(licenceTypes)].sort(),
  };
}

function evidence(rule: CreditRule, active: readonly CreditRecord[], asOf: Date): string[] {
  if (rule.sources.length === 0) return [];
  const sources = new Set<RecordSource>(rule.sources);
  const wanted = rule.points < 0 ? 'adverse' : rule.points > 0 ? 'favourable' : null;
  const since = rule.withinMonths === null ? null : monthsBefore(asOf, rule.withinMonths).getTime();
  return active
    .filter(
      (r) =>
        sources.has(r.source) &&
        (wanted === null || recordStanding(r) === wanted) &&
        (since === null || r.date.getTime() > since),
    )
    .sort((a, b) => a.date.getTime() - b.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => r.id);
}

/**
 * Rates a subject at `asOf` from its credit records under a compiled rule set: the score starts
 * at `baseScore`, each rule whose `when` holds adds its points, the sum is kept within 0–100 and
 * mapped to a class, and the class is made no better than the cap of any rule that held.
 * Records of other subjects are refused (InputError `regulation.credit.foreign_record`); a rule
 * that fails at run time throws InputError `regulation.rules.evaluation_failed` naming it.
 */
export function rate(
  subject: RatedSubject,
  records: readonly CreditRecord[],
  ruleSet: CompiledRuleSet,
  asOf: Date,
): Rating {
  if (!compiledSets.has(ruleSet)) {
    throw new InputError('regulation.rules.not_compiled', 'Rule sets must be built with compileRuleSet.');
  }
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) {
    throw new InputError('regulation.credit.invalid_date', 'The rating needs a valid date.');
  }
  const foreign = records.find((r) => r.subjectId !== subject.id);
  if (foreign) {
    throw new InputError('regulation.credit.foreign_record', 'A record belongs to another subject.', {
      recordId: foreign.id,
    });
  }
  const active = activeRecords(records, asOf);
  const stats = computeStats(active, asOf);
  const context = { subject: subjectContext(subject, asOf), stats: { ...stats } };
  let score = ruleSet.baseScore;
  let cap: CreditClass = 'A';
  const explanation: RatingExplanation[] = [];
  ruleSet.rules.forEach((rule, i) => {
    let holds: boolean;
    try {
      holds = evaluateBoolean(rule.compiled, context);
    } catch (error) {
      throw new InputError(
        'regulation.rules.evaluation_failed',
        `Rule ${rule.code} of ${ruleSet.code} failed: ${error instanceof Error ? error.message : String(error)}`,
        {
          path: `rules.${i}.when`,
          rule: rule.code,
          reason: (error as { code?: unknown })?.code ?? null,
        },
      );
    }
    if (!holds) return;
    score += rule.points;
    if (rule.cap) cap = worseClass(cap, rule.cap);
    explanation.push({
      rule: rule.code,
      description: rule.description,
      points: rule.points,
      cap: rule.cap,
      records: evidence(rule, active, asOf),
    });
  });
  score = Math.max(0, Math.min(100, score));
  return {
    ruleSet: ruleSet.code,
    sector: ruleSet.sector,
    score,
    class: worseClass(classOfScore(score, ruleSet.classes), cap),
    explanation,
    stats,
  };
}
