import type { Kernel } from '@zhizhi/kernel';
import type { Executor } from '@zhizhi/kernel/db';
import { rows } from '@zhizhi/kernel/db';
import { NotFoundError } from '@zhizhi/kernel/errors';
import { desc, eq, sql } from 'drizzle-orm';
import {
  expectedAt,
  type Formula,
  type Level,
  type MeasureName,
  progressOf,
  type Status,
  statusOf,
  type TargetDefinition,
} from './definitions';
import { cockpitReported } from './schema';
import { beijingDay, type Period, type ScopeRef } from './scope';
import { sumTallies } from './tallies';

export type Indicator = TargetDefinition & {
  ownerDepartment: { id: string; code: string; name: string; nameEn: string } | null;
  source: 'measured' | 'reported';
};

/** One value of an indicator at one scope. */
export type ScopeValue = {
  scope: ScopeRef;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  computedAt: Date;
  freshness: 'live' | 'computed' | 'reported';
};

export type IndicatorValue = Omit<Indicator, 'formula' | 'levels' | 'sort' | 'ownerDepartmentCode'> & {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  expected: number | null;
  progress: number | null;
  status: Status;
  computedAt: string;
  freshness: 'live' | 'computed' | 'reported';
  drillLevels: Level[];
};

const REGISTRY_TTL_MS = 60_000;

/** Reads indicator definitions and computes their values at any scope from counters, modules' computers or reports. */
export function createValueReader(kernel: Kernel, district: string) {
  const registryCache = new Map<
    string,
    { at: number; computedAt: Date; counts: Awaited<ReturnType<typeof kernel.indicators.evaluate>> }
  >();

  async function indicators(executor: Executor = kernel.db): Promise<Indicator[]> {
    const list = await rows<Record<string, unknown>>(
      executor,
      sql`select i.*, d.id as dep_id, d.name as dep_name, d.name_en as dep_name_en from cockpit_indicator i
        left join org_department d on d.code = i.owner_department_code order by i.sort, i.code`,
    );
    return list.map((r) => ({
      code: r.code as string,
      nameZh: r.name_zh as string,
      nameEn: r.name_en as string,
      unit: r.unit as Indicator['unit'],
      direction: r.direction as Indicator['direction'],
      promise: r.promise as Indicator['promise'],
      target: r.target as number | null,
      warningLine: r.warning_line as number | null,
      baseline: r.baseline as number | null,
      baselineDate: r.baseline_date ? String(r.baseline_date).slice(0, 10) : null,
      deadline: r.deadline ? String(r.deadline).slice(0, 10) : null,
      ownerDepartmentCode: r.owner_department_code as string | null,
      ownerDepartment: r.dep_id
        ? {
            id: r.dep_id as string,
            code: r.owner_department_code as string,
            name: r.dep_name as string,
            nameEn: (r.dep_name_en as string) || (r.dep_name as string),
          }
        : null,
      levels: r.levels as Level[],
      source: r.source as 'measured' | 'reported',
      formula: r.formula as Formula,
      formulaText: r.formula_text as string,
      formulaTextEn: r.formula_text_en as string,
      sort: r.sort as number,
    }));
  }

  async function indicator(code: string, executor: Executor = kernel.db) {
    const found = (await indicators(executor)).find((i) => i.code === code);
    if (!found) throw new NotFoundError('cockpit.indicator.not_found', `No cockpit indicator ${code}.`);
    return found;
  }

  const refreshing = new Map<string, Promise<unknown>>();

  /**
   * A module indicator's counts for the period, from source. Cached: a value older than a minute is
   * served while a fresh one is computed in the background, so only the first request waits.
   */
  async function registryCounts(code: string, period: Period) {
    const k = `${code}|${period.kind}|${period.fromMonth}`;
    if (!kernel.indicators.has(code)) return null;
    const compute = async () => {
      const counts = await kernel.indicators.evaluate(kernel.db, code, period.from, period.to);
      const entry = { at: Date.now(), computedAt: kernel.clock.now(), counts };
      registryCache.set(k, entry);
      return entry;
    };
    const hit = registryCache.get(k);
    if (hit) {
      if (Date.now() - hit.at >= REGISTRY_TTL_MS && !refreshing.has(k))
        refreshing.set(
          k,
          compute()
            .catch(() => undefined)
            .finally(() => refreshing.delete(k)),
        );
      return hit;
    }
    return compute();
  }

  /** Values of one indicator for every scope of a level (or one scope), in one round trip. */
  async function scopeValues(
    def: Indicator,
    period: Period,
    level: Level,
    only?: { code?: string; parentPrefix?: string },
  ): Promise<ScopeValue[]> {
    const now = kernel.clock.now();
    const f = def.formula;
    const wantScope = (type: Level, code: string) =>
      type === level &&
      (!only?.code || code === only.code) &&
      (!only?.parentPrefix || code.startsWith(only.parentPrefix));
    if (f.op === 'ratio' || f.op === 'count') {
      const measures: MeasureName[] = f.op === 'ratio' ? [f.numerator, f.denominator] : [f.measure];
      const sums = await sumTallies(kernel.db, {
        measures,
        fromMonth: period.fromMonth,
        toMonth: period.toMonth,
        scopeType: level,
        scopeCode: only?.code,
        parentPrefix: only?.parentPrefix,
      });
      const byScope = new Map<string, { n: number; d: number }>();
      for (const s of sums) {
        if (!wantScope(s.scope_type as Level, s.scope_code)) continue;
        const e = byScope.get(s.scope_code) ?? { n: 0, d: 0 };
        if (f.op === 'ratio') {
          if (s.measure === f.numerator) e.n += s.value;
          if (s.measure === f.denominator) e.d += s.value;
        } else e.n += s.value;
        byScope.set(s.scope_code, e);
      }
      return [...byScope].map(([code, { n, d }]) => ({
        scope: { type: level, code },
        numerator: n,
        denominator: f.op === 'ratio' ? d : 1,
        value: f.op === 'ratio' ? (d === 0 ? null : (100 * n) / d) : n,
        computedAt: now,
        freshness: 'live' as const,
      }));
    }
    if (f.op === 'indicator') {
      const entry = await registryCounts(f.code, period);
      if (!entry) return [];
      const out: ScopeValue[] = [];
      for (const c of entry.counts) {
        const type: Level =
          c.scopeType === 'department'
            ? 'department'
            : c.scopeCode === district
              ? 'district'
              : c.scopeCode.endsWith('000')
                ? 'town'
                : 'village';
        if (!wantScope(type, c.scopeCode)) continue;
        const ratio = c.denominator === 0 ? null : c.numerator / c.denominator;
        out.push({
          scope: { type, code: c.scopeCode },
          numerator: c.numerator,
          denominator: c.denominator,
          value: ratio === null ? null : def.unit === 'percent' ? ratio * 100 : ratio,
          computedAt: entry.computedAt,
          freshness: 'computed',
        });
      }
      return out;
    }
    if (level !== 'district') return [];
    const [latest] = await kernel.db
      .select()
      .from(cockpitReported)
      .where(eq(cockpitReported.code, def.code))
      .orderBy(desc(cockpitReported.asOf), desc(cockpitReported.reportedAt))
      .limit(1);
    if (!latest) return [];
    return [
      {
        scope: { type: 'district', code: district },
        value: latest.value,
        numerator: latest.value,
        denominator: 1,
        computedAt: latest.reportedAt,
        freshness: 'reported',
      },
    ];
  }

  /** Levels one can drill to from a scope for an indicator. */
  function drillLevels(def: Indicator, scope: ScopeRef): Level[] {
    const below: Level[] =
      scope.type === 'district' ? ['town', 'department'] : scope.type === 'town' ? ['village'] : [];
    return below.filter((l) => def.levels.includes(l));
  }

  /** The indicator's value at one scope, with trajectory and status. */
  function present(def: Indicator, scope: ScopeRef, v: ScopeValue | undefined): IndicatorValue {
    const today = beijingDay(kernel.clock.now());
    const expected = expectedAt(def, today);
    const value = v?.value ?? null;
    const { formula: _f, levels: _l, sort: _s, ownerDepartmentCode: _o, ...rest } = def;
    return {
      ...rest,
      value,
      numerator: v?.numerator ?? null,
      denominator: v?.denominator ?? null,
      expected,
      progress: progressOf(def, value),
      status: statusOf(def, value, expected),
      computedAt: (v?.computedAt ?? kernel.clock.now()).toISOString(),
      freshness:
        v?.freshness ??
        (def.formula.op === 'reported' ? 'reported' : def.formula.op === 'indicator' ? 'computed' : 'live'),
      drillLevels: drillLevels(def, scope),
    };
  }

  async function valueAt(def: Indicator, scope: ScopeRef, period: Period): Promise<IndicatorValue> {
    const applies = def.levels.includes(scope.type);
    const values = applies ? await scopeValues(def, period, scope.type, { code: scope.code }) : [];
    return present(def, scope, values[0]);
  }

  /**
   * Every indicator's value at one scope: the counter-based ones from a single query over the
   * counters, the others each from their cache or latest report.
   */
  async function valuesAt(defs: Indicator[], scope: ScopeRef, period: Period): Promise<IndicatorValue[]> {
    const counted = defs.filter(
      (d) => (d.formula.op === 'ratio' || d.formula.op === 'count') && d.levels.includes(scope.type),
    );
    const measures = [
      ...new Set(
        counted.flatMap((d) =>
          d.formula.op === 'ratio'
            ? [d.formula.numerator, d.formula.denominator]
            : d.formula.op === 'count'
              ? [d.formula.measure]
              : [],
        ),
      ),
    ];
    const sums = new Map(
      (
        await sumTallies(kernel.db, {
          measures,
          fromMonth: period.fromMonth,
          toMonth: period.toMonth,
          scopeType: scope.type,
          scopeCode: scope.code,
        })
      ).map((r) => [r.measure, r.value]),
    );
    const now = kernel.clock.now();
    const out: IndicatorValue[] = [];
    for (const def of defs) {
      const f = def.formula;
      if (!counted.includes(def) || (f.op !== 'ratio' && f.op !== 'count')) {
        out.push(await valueAt(def, scope, period));
        continue;
      }
      const n = sums.get(f.op === 'ratio' ? f.numerator : f.measure) ?? 0;
      const d = f.op === 'ratio' ? (sums.get(f.denominator) ?? 0) : 1;
      const any = f.op === 'ratio' ? sums.has(f.denominator) : sums.has(f.measure);
      out.push(
        present(
          def,
          scope,
          any
            ? {
                scope,
                numerator: n,
                denominator: d,
                value: f.op === 'ratio' ? (d === 0 ? null : (100 * n) / d) : n,
                computedAt: now,
                freshness: 'live',
              }
            : undefined,
        ),
      );
    }
    return out;
  }

  return { indicators, indicator, scopeValues, valueAt, valuesAt, present, drillLevels };
}

export type ValueReader = ReturnType<typeof createValueReader>;
