import type { Kernel } from '@zhizhi/kernel';
import { type Actor, can, requirePermission, scopeOf } from '@zhizhi/kernel/access';
import { rows } from '@zhizhi/kernel/db';
import { InputError, NotAllowedError } from '@zhizhi/kernel/errors';
import { type SQL, sql } from 'drizzle-orm';
import type { Level, MeasureName } from './definitions';
import { MEASURE_SPECS } from './measures';
import { COCKPIT_PERMISSIONS as P } from './permissions';
import {
  beijingDay,
  type PeriodKind,
  parseScope,
  periodOf,
  type ScopeRef,
  scopeKey,
  scopeNameOf,
} from './scope';
import { sumTallies } from './tallies';
import type { IndicatorValue, ValueReader } from './values';

/** A headline figure on a promise panel, computed by whoever registered it (module or app). */
export type Figure = {
  panel: 'services' | 'governance' | 'overview' | 'codes';
  key: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  indicatorCode?: string;
  compute: (scope: ScopeRef, period: { from: Date; to: Date }) => Promise<number | null>;
};

type OpenWarning = { id: string; code: string; scope: string; kind: string; task_id: string | null };

export function createCockpitService(kernel: Kernel, deps: { district: string; reader: ValueReader }) {
  const { district, reader } = deps;
  const figures: Figure[] = [];

  async function departmentId(code: string): Promise<string | null> {
    const [row] = await rows<{ id: string }>(
      kernel.db,
      sql`select id from org_department where code = ${code}`,
    );
    return row?.id ?? null;
  }

  /** May the actor see this scope? A department scope needs a grant for that department or an unlimited one. */
  async function assertScope(actor: Actor, scope: ScopeRef) {
    if (scope.type === 'department') {
      const id = await departmentId(scope.code);
      if (!id) throw new InputError('cockpit.scope.unknown_department', `No department ${scope.code}.`);
      requirePermission(actor, P.view, { divisionCode: district, departmentId: id });
    } else requirePermission(actor, P.view, { divisionCode: scope.code });
  }

  /** What a leader sees first: the district, their town, or their department. */
  async function defaultScope(actor: Actor): Promise<string> {
    const grants = actor.grants.filter((g) => can({ ...actor, grants: [g] }, P.view));
    if (
      grants.some(
        (g) => !g.departmentId && can({ ...actor, grants: [g] }, P.view, { divisionCode: district }),
      )
    )
      return 'district';
    const dep = grants.find((g) => g.departmentId)?.departmentId;
    if (dep) {
      const [row] = await rows<{ code: string }>(
        kernel.db,
        sql`select code from org_department where id = ${dep}`,
      );
      if (row) return `department:${row.code}`;
    }
    const town = grants.find((g) => /^\d{9}000$/.test(g.divisionCode) && !g.divisionCode.endsWith('000000'));
    if (town) return `town:${town.divisionCode}`;
    requirePermission(actor, P.view, { divisionCode: district });
    return 'district';
  }

  async function scopeName(scope: ScopeRef): Promise<string> {
    return (await scopeNameOf(kernel.db, scope)) ?? scope.code;
  }

  async function openWarnings(): Promise<OpenWarning[]> {
    return rows<OpenWarning>(
      kernel.db,
      sql`select id, code, scope, kind, task_id from cockpit_warning where resolved_at is null`,
    );
  }

  function withWarning(v: IndicatorValue, scope: ScopeRef, open: OpenWarning[]) {
    const w = open.find((o) => o.code === v.code && o.scope === scopeKey(scope));
    return { ...v, openWarning: w ? { id: w.id, kind: w.kind, taskId: w.task_id } : null };
  }

  async function overview(actor: Actor, query: { scope?: string; period?: PeriodKind }) {
    const defaultText = await defaultScope(actor);
    const scope = parseScope(query.scope ?? defaultText, district);
    await assertScope(actor, scope);
    const period = periodOf(query.period ?? 'year', kernel.clock.now());
    const defs = await reader.indicators();
    const open = await openWarnings();
    const indicators = [];
    for (const v of await reader.valuesAt(defs, scope, period)) indicators.push(withWarning(v, scope, open));
    // Figures are independent: on PostgreSQL they run side by side on the pool.
    const values = await Promise.all(figures.map((f) => f.compute(scope, period)));
    // The 一屏通览 panel leads with how many targets are on track at this scope.
    const onTrack = {
      key: 'targets_on_track',
      nameZh: '进度正常的指标',
      nameEn: 'Targets on track',
      unit: 'count',
      indicatorCode: null,
      value: indicators.filter((v) => v.status === 'on_track').length,
    };
    const panels = (['services', 'governance', 'overview', 'codes'] as const).map((key) => ({
      key,
      figures: [
        ...(key === 'overview' ? [onTrack] : []),
        ...figures
          .map((f, i) => ({ f, value: values[i] }))
          .filter(({ f }) => f.panel === key)
          .map(({ f, value }) => ({
            key: f.key,
            nameZh: f.nameZh,
            nameEn: f.nameEn,
            unit: f.unit,
            indicatorCode: f.indicatorCode ?? null,
            value,
          })),
      ],
    }));
    const dispatched = open.filter((w) => w.task_id).length;
    return {
      scope: { type: scope.type, code: scope.code, name: await scopeName(scope), key: scopeKey(scope) },
      period: { kind: period.kind, from: period.from.toISOString(), to: period.to.toISOString() },
      generatedAt: kernel.clock.now().toISOString(),
      defaultScope: defaultText,
      indicators,
      panels,
      warnings: { open: open.length - dispatched, dispatched },
    };
  }

  async function names(level: Level, parent?: ScopeRef): Promise<Map<string, string>> {
    const list =
      level === 'department'
        ? await rows<{ code: string; name: string }>(
            kernel.db,
            sql`select code, name from org_department where active order by sort, code`,
          )
        : await rows<{ code: string; name: string }>(
            kernel.db,
            sql`select code, name from org_division where level = ${level} and valid_to is null
              ${parent && parent.type !== 'district' ? sql`and parent_code = ${parent.code}` : sql``}
              order by sort, code`,
          );
    return new Map(list.map((r) => [r.code, r.name]));
  }

  /** The indicator at the parent and its value in every scope one level below. */
  async function breakdown(
    actor: Actor,
    code: string,
    query: { level: 'town' | 'village' | 'department'; parent?: string; period?: PeriodKind },
  ) {
    const parent = parseScope(query.parent, district);
    await assertScope(actor, parent);
    if (query.level === 'village' && parent.type !== 'town')
      throw new InputError('cockpit.breakdown.invalid', 'Villages are listed under a town.');
    if (query.level !== 'village' && parent.type !== 'district')
      throw new InputError(
        'cockpit.breakdown.invalid',
        'Towns and departments are listed under the district.',
      );
    const def = await reader.indicator(code);
    const period = periodOf(query.period ?? 'year', kernel.clock.now());
    const open = await openWarnings();
    const at = withWarning(await reader.valueAt(def, parent, period), parent, open);
    const label = await names(query.level, parent);
    const values = def.levels.includes(query.level)
      ? await reader.scopeValues(def, period, query.level, {
          parentPrefix: parent.type === 'town' ? parent.code.slice(0, 9) : undefined,
        })
      : [];
    const byCode = new Map(values.map((v) => [v.scope.code, v]));
    const codes = new Set([...label.keys(), ...(query.level === 'department' ? byCode.keys() : [])]);
    const list = [...codes].map((c) => {
      const scope = { type: query.level, code: c } as ScopeRef;
      const v = reader.present(def, scope, byCode.get(c));
      return {
        scope: scopeKey(scope),
        name: label.get(c) ?? c,
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        status: v.status,
        drillLevels: v.drillLevels,
      };
    });
    // Departments without a figure are noise; places without one are shown (a gap is information).
    const filtered = query.level === 'department' ? list.filter((r) => r.value !== null) : list;
    return { indicator: at, level: query.level, rows: filtered };
  }

  /** The source rows behind an indicator's figure at a scope, if the caller may read them. */
  async function records(
    actor: Actor,
    code: string,
    query: { scope?: string; period?: PeriodKind; page?: number; pageSize?: number },
  ) {
    const scope = parseScope(query.scope, district);
    await assertScope(actor, scope);
    const def = await reader.indicator(code);
    const f = def.formula;
    if (f.op !== 'ratio' && f.op !== 'count') return { kind: 'none' as const, total: 0, items: [] };
    const measure = f.op === 'ratio' ? f.denominator : f.measure;
    const numeratorBit = f.op === 'ratio' ? MEASURE_SPECS[f.numerator].bit : MEASURE_SPECS[f.measure].bit;
    const spec = MEASURE_SPECS[measure];
    const permission = spec.source === 'event' ? 'governance.case.read' : 'services.application.read';
    const readable = scopeOf(actor, permission);
    if (readable.divisionPrefixes.length === 0)
      throw new NotAllowedError(
        'cockpit.records.forbidden',
        'You may not read the records behind this figure.',
      );
    const period = periodOf(query.period ?? 'year', kernel.clock.now());
    const monthCol = spec.basis === 'opened' ? sql`f.opened_month` : sql`f.closed_month`;
    const where: SQL[] = [
      sql`f.source = ${spec.source}`,
      sql`(f.flags & ${spec.bit}) <> 0`,
      sql`${monthCol} <= ${period.toMonth}::date`,
    ];
    if (period.fromMonth) where.push(sql`${monthCol} >= ${period.fromMonth}::date`);
    if (scope.type === 'town') where.push(sql`f.division like ${`${scope.code.slice(0, 9)}%`}`);
    if (scope.type === 'village') where.push(sql`f.division = ${scope.code}`);
    if (scope.type === 'department') where.push(sql`f.departments @> ${JSON.stringify([scope.code])}::jsonb`);
    if (!readable.divisionPrefixes.includes(''))
      where.push(
        sql`(${sql.join(
          readable.divisionPrefixes.map((p) => sql`f.division like ${`${p}%`}`),
          sql` or `,
        )})`,
      );
    const cond = sql.join(where, sql` and `);
    const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100);
    const page = Math.max(query.page ?? 1, 1);
    const [count] = await rows<{ n: number }>(
      kernel.db,
      sql`select count(*)::int as n from cockpit_fact f where ${cond}`,
    );
    const body =
      spec.source === 'event'
        ? sql`select f.source_id as id, c.number, c.title, c.state, c.opened_at as at, dv.name as division_name,
              d.name as department_name, (f.flags & ${numeratorBit}) <> 0 as counted, '/cases/' || c.id as href
            from cockpit_fact f join cases_case c on c.id = f.source_id
            left join org_department d on d.id = c.department_id`
        : sql`select f.source_id as id, a.number, a.number as title, a.status as state, a.submitted_at as at,
              dv.name as division_name, a.channel as department_name, (f.flags & ${numeratorBit}) <> 0 as counted,
              '/services/cases/' || a.case_id as href
            from cockpit_fact f join services_application a on a.id = f.source_id`;
    const items = await rows<Record<string, unknown>>(
      kernel.db,
      sql`${body} left join lateral (select name from org_division where code = f.division order by valid_from desc limit 1) dv on true
        where ${cond} order by at desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
    );
    return {
      kind: spec.source === 'event' ? ('events' as const) : ('applications' as const),
      total: count.n,
      items: items.map((r) => ({
        id: r.id as string,
        number: (r.number as string | null) ?? '',
        title: r.title as string,
        state: r.state as string,
        at: new Date(r.at as string).toISOString(),
        divisionName: (r.division_name as string | null) ?? '',
        departmentName: (r.department_name as string | null) ?? '',
        counted: Boolean(r.counted),
        href: (r.href as string | null) ?? null,
      })),
    };
  }

  /** Daily year-to-date values (snapshots) and today's live value. */
  async function trend(actor: Actor, code: string, query: { scope?: string; days?: number }) {
    const scope = parseScope(query.scope, district);
    await assertScope(actor, scope);
    const def = await reader.indicator(code);
    const days = Math.min(Math.max(query.days ?? 90, 7), 730);
    const today = beijingDay(kernel.clock.now());
    const since = beijingDay(new Date(Date.parse(today) - days * 86_400_000));
    const points = await rows<{ day: string; value: number | null }>(
      kernel.db,
      sql`select day::text as day, value from cockpit_snapshot
        where code = ${code} and scope = ${scopeKey(scope)} and day >= ${since}::date and day < ${today}::date order by day`,
    );
    const live = await reader.valueAt(def, scope, periodOf('year', kernel.clock.now()));
    return {
      points: [...points.map((p) => ({ date: p.day, value: p.value })), { date: today, value: live.value }],
    };
  }

  /**
   * Counter totals for figures and maps: per measure at one scope (or every scope of a level),
   * over the period's months, or over all time when `period` is null.
   */
  async function measureTotals(
    measures: MeasureName[],
    where: { scope: ScopeRef } | { level: Level },
    period: { from: Date; to: Date } | null,
  ) {
    const months = period
      ? {
          fromMonth: `${beijingDay(period.from).slice(0, 7)}-01`,
          toMonth: `${beijingDay(period.to).slice(0, 7)}-01`,
        }
      : { fromMonth: null, toMonth: '9999-12-01' };
    const level = 'scope' in where ? where.scope.type : where.level;
    const list = await sumTallies(kernel.db, { measures, ...months, scopeType: level });
    const out = new Map<string, Record<string, number>>();
    for (const r of list) {
      if ('scope' in where && r.scope_code !== where.scope.code) continue;
      const e = out.get(r.scope_code) ?? {};
      e[r.measure] = (e[r.measure] ?? 0) + r.value;
      out.set(r.scope_code, e);
    }
    return out;
  }

  return {
    measureTotals,
    overview,
    breakdown,
    records,
    trend,
    defaultScope,
    assertScope,
    scopeName,
    registerFigure: (figure: Figure) => {
      figures.push(figure);
    },
  };
}

export type CockpitService = ReturnType<typeof createCockpitService>;
