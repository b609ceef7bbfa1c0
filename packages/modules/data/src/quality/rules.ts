import { InputError } from '@zhizhi/kernel/errors';
import {
  dateCheck,
  divisionCodeCheck,
  idNumberCheck,
  memoised,
  mobileCheck,
  usccCheck,
  type ValueCheck,
} from './fast-checks';
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
  /** The value must exist in another resource's item (checked against that resource's current rows). */
  z.object({
    kind: z.literal('reference'),
    resource: z.string().regex(/^\d{6}(\d{3})?\/\d{6}$/, 'a resource code like 301012001/000001'),
    item: z.string().min(1).max(64),
  }),
  /**
   * The same item (same normalised name) in another department's resources, joined on the key
   * item, must hold the same value.
   */
  z.object({ kind: z.literal('consistency') }),
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
  /** Failures per item and rule, with every count and up to 20 sample row numbers. */
  groups: FindingGroup[];
}

/** All failures of one rule on one item: how many, and the first rows (never values). */
export interface FindingGroup {
  item: string;
  rule: QualityRule['kind'];
  code: string;
  count: number;
  rows: number[];
}

/** Data the database-backed rules check against, gathered by the caller before the run. */
export interface CheckContext {
  /** Per item with a `reference` rule: the values that exist in the referenced item. */
  references?: Record<string, ReadonlySet<string>>;
  /** Per item with a `consistency` rule: the other departments' values by key value. */
  counterparts?: Record<string, { keyItem: string; values: ReadonlyMap<string, string> }[]>;
}

const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SAMPLE_ROWS = 20;

function formatCheck(format: Extract<QualityRule, { kind: 'format' }>['format']): ValueCheck {
  switch (format) {
    case 'id_number':
      // Today's Beijing date once per rule set, not once per value.
      return idNumberCheck(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    case 'uscc':
      return usccCheck;
    case 'mobile':
      return mobileCheck;
    case 'phone':
      return (v) => mobileCheck(v) || LANDLINE.test(v);
    case 'date':
      return memoised(dateCheck);
    case 'division_code':
      return divisionCodeCheck();
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

/** A compiled rule with its failure group (counted in place: no lookup per failure). */
interface CompiledCheck {
  test: (value: string, record: Record<string, unknown>) => boolean;
  group: FindingGroup;
}

function group(item: string, rule: QualityRule['kind'], code: string): FindingGroup {
  return { item, rule, code, count: 0, rows: [] };
}

/** The trimmed string form of a cell; '' for null and undefined. */
function text(raw: unknown): string {
  if (typeof raw === 'string') {
    const n = raw.length;
    if (n === 0) return raw;
    // Trim only when an end could be whitespace (trim allocates otherwise nothing, but costs a call).
    const first = raw.charCodeAt(0);
    const last = raw.charCodeAt(n - 1);
    return first <= 32 || last <= 32 || first >= 0xa0 || last >= 0xa0 ? raw.trim() : raw;
  }
  return raw === null || raw === undefined ? '' : String(raw).trim();
}

function compileCheck(item: string, rule: QualityRule, context: CheckContext): CompiledCheck | null {
  switch (rule.kind) {
    case 'format': {
      const test = formatCheck(rule.format);
      return { test: (v) => test(v), group: group(item, rule.kind, `data.quality.format.${rule.format}`) };
    }
    case 'range': {
      const min = rule.min ?? Number.NEGATIVE_INFINITY;
      const max = rule.max ?? Number.POSITIVE_INFINITY;
      return {
        test: (v) => {
          const n = Number(v);
          return Number.isFinite(n) && n >= min && n <= max;
        },
        group: group(item, rule.kind, 'data.quality.range'),
      };
    }
    case 'enum': {
      const allowed = new Set(rule.values);
      return { test: (v) => allowed.has(v), group: group(item, rule.kind, 'data.quality.enum') };
    }
    case 'pattern': {
      const re = new RegExp(rule.regex, 'u');
      return { test: (v) => re.test(v), group: group(item, rule.kind, 'data.quality.pattern') };
    }
    case 'reference': {
      const known = context.references?.[item];
      if (!known) return null;
      return { test: (v) => known.has(v), group: group(item, rule.kind, 'data.quality.reference') };
    }
    case 'consistency': {
      const sources = context.counterparts?.[item];
      if (!sources?.length) return null;
      return {
        test: (v, record) => {
          for (const source of sources) {
            const other = source.values.get(text(record[source.keyItem]));
            if (other !== undefined && other !== v) return false;
          }
          return true;
        },
        group: group(item, rule.kind, 'data.quality.consistency'),
      };
    }
    default:
      return null;
  }
}

/**
 * Checks rows against per-item rules in one pass (uniqueness with one set per item). Values are
 * compared as trimmed strings; an empty value is only checked by `required`. `reference` and
 * `consistency` rules run only when `context` brings their data.
 */
export function checkRows(
  sets: readonly ItemRules[],
  rows: Iterable<Record<string, unknown>>,
  options: { maxFindings?: number; context?: CheckContext } = {},
): QualityReport {
  const maxFindings = options.maxFindings ?? 10_000;
  const context = options.context ?? {};
  const compiled = sets.map((set) => ({
    item: set.item,
    required: set.rules.some((r) => r.kind === 'required')
      ? group(set.item, 'required', 'data.quality.required')
      : null,
    unique: set.rules.some((r) => r.kind === 'unique') ? new Set<string>() : null,
    duplicate: group(set.item, 'unique', 'data.quality.duplicate'),
    checks: set.rules.flatMap((rule) => compileCheck(set.item, rule, context) ?? []),
    tally: { checks: 0, passed: 0 },
  }));
  const findings: Finding[] = [];
  let failed = 0;
  let count = 0;
  const fail = (row: number, g: FindingGroup) => {
    failed += 1;
    g.count += 1;
    if (g.rows.length < SAMPLE_ROWS) g.rows.push(row);
    if (findings.length < maxFindings) findings.push({ row, item: g.item, rule: g.rule, code: g.code });
  };
  const width = compiled.length;
  for (const record of rows) {
    count += 1;
    for (let i = 0; i < width; i++) {
      const c = compiled[i];
      const value = text(record[c.item]);
      const tally = c.tally;
      if (value === '') {
        if (c.required) {
          tally.checks += 1;
          fail(count, c.required);
        }
        continue;
      }
      if (c.required) {
        tally.checks += 1;
        tally.passed += 1;
      }
      const checks = c.checks;
      for (let j = 0; j < checks.length; j++) {
        tally.checks += 1;
        if (checks[j].test(value, record)) tally.passed += 1;
        else fail(count, checks[j].group);
      }
      if (c.unique) {
        tally.checks += 1;
        if (c.unique.has(value)) fail(count, c.duplicate);
        else {
          c.unique.add(value);
          tally.passed += 1;
        }
      }
    }
  }
  const items = Object.fromEntries(compiled.map((c) => [c.item, c.tally]));
  const checks = compiled.reduce((n, c) => n + c.tally.checks, 0);
  const passed = compiled.reduce((n, c) => n + c.tally.passed, 0);
  const groups = compiled
    .flatMap((c) => [...(c.required ? [c.required] : []), ...c.checks.map((k) => k.group), c.duplicate])
    .filter((g) => g.count > 0);
  return {
    rows: count,
    items,
    passRate: checks === 0 ? 1 : passed / checks,
    findings,
    truncated: failed > findings.length,
    groups,
  };
}
