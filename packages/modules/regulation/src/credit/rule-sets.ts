import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { REGULATION_PERMISSIONS as P } from '../permissions';
import { regulationRuleSet, type RuleSetScope } from '../schema';
import { DEFAULT_RULE_SETS } from './default-rules';
import { type CompiledRuleSet, compileRuleSet } from './rating';

/** Default scopes of the sector sets shipped with the platform. */
const DEFAULT_SCOPES: Record<string, RuleSetScope> = {
  food: { industryPrefixes: ['H62', 'F5123', 'F522'], licenceTypes: ['食品经营许可证'] },
};

/** Rating rule sets as data: every version kept, the newest compiled and cached; edits re-rate everyone. */
export function createRuleSets(kernel: Kernel) {
  const { db, clock } = kernel;
  let cache: { key: string; sets: { set: CompiledRuleSet; version: number; scope: RuleSetScope }[] } | null =
    null;

  async function installDefaults(executor: Executor = db) {
    for (const set of DEFAULT_RULE_SETS) {
      await executor
        .insert(regulationRuleSet)
        .values({
          code: set.code,
          version: 1,
          definition: stripCompiled(compileRuleSet(set)) as never,
          appliesTo: DEFAULT_SCOPES[set.code] ?? { industryPrefixes: [], licenceTypes: [] },
          savedAt: clock.now(),
          savedBy: 'system',
        })
        .onConflictDoNothing();
    }
  }

  /** The newest version of every rule set, compiled (cached until a version changes). */
  async function currentSets(executor: Executor = db) {
    const rows = await executor
      .select()
      .from(regulationRuleSet)
      .where(
        sql`(${regulationRuleSet.code}, ${regulationRuleSet.version}) in (select code, max(version) from regulation_rule_set group by code)`,
      )
      .orderBy(asc(regulationRuleSet.code));
    const key = rows.map((r) => `${r.code}@${r.version}`).join(',');
    if (cache?.key !== key) {
      cache = {
        key,
        sets: rows.map((r) => ({
          set: compileRuleSet(stripCompiled(r.definition)),
          version: r.version,
          scope: r.appliesTo,
        })),
      };
    }
    return cache.sets;
  }

  async function list(actor: Actor) {
    requirePermission(actor, P.read);
    const sets = await currentSets();
    return sets.map(({ set, version, scope }) => ({ ...stripCompiled(set), version, appliesTo: scope }));
  }

  /** Saves a new version of a rule set (checked first) and queues a re-rating of everyone. */
  async function save(actor: Actor, input: unknown, appliesTo?: RuleSetScope) {
    requirePermission(actor, P.manageRules);
    const compiled = compileRuleSet(input);
    return kernel.transaction(async (tx) => {
      const [last] = await tx
        .select()
        .from(regulationRuleSet)
        .where(eq(regulationRuleSet.code, compiled.code))
        .orderBy(desc(regulationRuleSet.version))
        .limit(1);
      const version = (last?.version ?? 0) + 1;
      await tx.insert(regulationRuleSet).values({
        code: compiled.code,
        version,
        definition: stripCompiled(compiled) as never,
        appliesTo: appliesTo ?? last?.appliesTo ?? { industryPrefixes: [], licenceTypes: [] },
        savedAt: clock.now(),
        savedBy: actor.name,
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'regulation.rules.saved',
        subjectType: 'regulation_rule_set',
        subjectId: compiled.code,
        data: { version },
      });
      await kernel.jobs.enqueue(tx, { kind: 'regulation.rerate_all', payload: { reason: 'rules' } });
      return { code: compiled.code, version };
    });
  }

  return { installDefaults, currentSets, list, save };
}

/** A rule set as stored and shown: the definition without compiled expressions. */
function stripCompiled(set: unknown) {
  const s = set as CompiledRuleSet;
  return {
    code: s.code,
    name: s.name,
    sector: s.sector,
    baseScore: s.baseScore,
    classes: s.classes,
    rules: s.rules.map(({ compiled: _compiled, ...rule }) => rule),
  };
}

export type RuleSets = ReturnType<typeof createRuleSets>;
