import { desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, divisionCovers, requirePermission } from '../access';
import { recordAudit } from '../audit';
import { canonicalJson } from '../audit/canonical-json';
import { sha256 } from '../audit/hash';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { InputError } from '../errors';
import { orgDepartment } from '../org/schema';
import { type CompiledRule, compileRule, evaluateBoolean } from '../rules';
import { casesCatalogue } from './schema';

export const dispatchRuleSchema = z.object({
  /** Category code, or a prefix ending in `*` (`road.*`). */
  category: z
    .string()
    .regex(/^[a-z0-9_.]+\*?$/)
    .max(96),
  /** Only reports in this division (and below); omitted = anywhere. */
  divisionCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  /** CEL over `data`, `category`, `divisionCode` for anything finer. */
  condition: z.string().max(2000).optional(),
  /** The responsible department's code (按责转办). */
  departmentCode: z.string().min(1).max(32),
  grade: z.enum(['normal', 'major', 'serious']).default('normal'),
  /** Handling limit in working days for cases routed by this rule. */
  limitDays: z.number().int().min(0).max(365).optional(),
});
export type DispatchRule = z.output<typeof dispatchRuleSchema>;

const CONDITION_CONTEXT = { data: 'map', category: 'string', divisionCode: 'string' } as const;

export interface RouteInput {
  category: string;
  divisionCode: string;
  data?: Record<string, unknown>;
}

/**
 * The dispatch catalogue of each case type: an ordered decision table (first matching rule
 * wins), versioned by content and audited. Finer conditions are CEL.
 */
export function createDispatchCatalogue(deps: {
  db: Db;
  clock: Clock;
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
}) {
  const compiled = new Map<string, CompiledRule>();
  const condition = (expression: string) => {
    let rule = compiled.get(expression);
    if (!rule) {
      rule = compileRule(expression, CONDITION_CONTEXT, { expectBoolean: true });
      compiled.set(expression, rule);
    }
    return rule;
  };

  async function current(executor: Executor, typeCode: string) {
    const [row] = await executor
      .select()
      .from(casesCatalogue)
      .where(eq(casesCatalogue.typeCode, typeCode))
      .orderBy(desc(casesCatalogue.version))
      .limit(1);
    return row ?? null;
  }

  /** Replaces the catalogue (a new version unless unchanged). Permission `cases.catalogue.manage`. */
  async function setCatalogue(actor: Actor, typeCode: string, input: unknown[]) {
    requirePermission(actor, 'cases.catalogue.manage');
    const parsed = z.array(dispatchRuleSchema).min(1).max(5000).safeParse(input);
    if (!parsed.success)
      throw new InputError(
        'cases.catalogue.invalid',
        `Invalid dispatch rules: ${parsed.error.issues
          .slice(0, 5)
          .map((i) => `/${i.path.join('/')} ${i.message}`)
          .join('; ')}`,
      );
    const rules = parsed.data;
    for (const r of rules) if (r.condition) condition(r.condition);
    const codes = [...new Set(rules.map((r) => r.departmentCode))];
    const known = new Set(
      (
        await deps.db
          .select({ code: orgDepartment.code })
          .from(orgDepartment)
          .where(inArray(orgDepartment.code, codes))
      ).map((d) => d.code),
    );
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length)
      throw new InputError(
        'cases.catalogue.unknown_department',
        `Unknown department codes: ${unknown.join(', ')}.`,
      );
    const hash = sha256(canonicalJson(rules));
    return deps.transaction(async (tx) => {
      const latest = await current(tx, typeCode);
      if (latest?.hash === hash) return { typeCode, version: latest.version, created: false };
      const version = (latest?.version ?? 0) + 1;
      await tx
        .insert(casesCatalogue)
        .values({ typeCode, version, rules, hash, createdBy: actor.id, createdAt: deps.clock.now() });
      await recordAudit(tx, deps.clock, {
        actor,
        action: 'cases.catalogue.set',
        subjectType: 'catalogue',
        subjectId: typeCode,
        data: { version, rules: rules.length },
      });
      return { typeCode, version, created: true };
    });
  }

  function matches(rule: DispatchRule, input: RouteInput): boolean {
    const category = rule.category.endsWith('*')
      ? input.category.startsWith(rule.category.slice(0, -1))
      : input.category === rule.category;
    if (!category) return false;
    if (rule.divisionCode && !divisionCovers(rule.divisionCode, input.divisionCode)) return false;
    return (
      !rule.condition ||
      evaluateBoolean(condition(rule.condition), {
        data: input.data ?? {},
        category: input.category,
        divisionCode: input.divisionCode,
      })
    );
  }

  /** Where a report goes: the first matching rule's department, grade and limit. */
  async function route(executor: Executor, typeCode: string, input: RouteInput) {
    const catalogue = await current(executor, typeCode);
    if (!catalogue)
      throw new InputError('cases.catalogue.missing', `Case type ${typeCode} has no dispatch catalogue.`);
    const index = catalogue.rules.findIndex((r) => matches(r, input));
    if (index < 0)
      throw new InputError(
        'cases.route.no_match',
        `No dispatch rule covers category ${input.category} in ${input.divisionCode}.`,
      );
    const rule = catalogue.rules[index];
    const [department] = await executor
      .select({ id: orgDepartment.id })
      .from(orgDepartment)
      .where(eq(orgDepartment.code, rule.departmentCode));
    return {
      departmentCode: rule.departmentCode,
      departmentId: department?.id ?? null,
      grade: rule.grade,
      limitDays: rule.limitDays ?? null,
      ruleIndex: index,
      catalogueVersion: catalogue.version,
    };
  }

  return { setCatalogue, route, current: (typeCode: string) => current(deps.db, typeCode) };
}

export type DispatchCatalogue = ReturnType<typeof createDispatchCatalogue>;
