import type { Executor } from '@zhizhi/kernel/db';
import { rows } from '@zhizhi/kernel/db';
import type { IndicatorCount } from '@zhizhi/kernel/indicators';
import type { Kernel } from '@zhizhi/kernel';
import { type SQL, sql } from 'drizzle-orm';
import { EVENT_TYPE, GOOD_RATINGS } from './case-types';

type Bound = (from: SQL, to: SQL) => SQL;

type Definition = {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: 'percent' | 'count';
  direction: 'higher_better' | 'lower_better';
  target: number | null;
  formula: string;
  /** Per case (cases_case c): the numerator and denominator conditions for [from, to). */
  numerator: Bound;
  denominator: Bound;
};

const opened: Bound = (f, t) => sql`c.opened_at >= ${f} and c.opened_at < ${t}`;
const closed: Bound = (f, t) => sql`c.closed_at >= ${f} and c.closed_at < ${t}`;
const always: Bound = () => sql`true`;
const GOOD = sql.join(
  GOOD_RATINGS.map((r) => sql`${r}`),
  sql`, `,
);

/** Events that involved more than one department: co-handling children, or a re-dispatch. */
const CROSS_DEPARTMENT = sql`(exists (select 1 from cases_case k where k.parent_id = c.id and k.parent_role = 'co')
  or exists (select 1 from cases_history h where h.case_id = c.id and h.transition = 'redispatch'))`;

export const GOVERNANCE_INDICATORS: Definition[] = [
  {
    code: 'governance.events.accepted',
    nameZh: '事件受理数',
    nameEn: 'Events accepted',
    unit: 'count',
    direction: 'higher_better',
    target: null,
    formula: 'events opened in the period',
    numerator: opened,
    denominator: always,
  },
  {
    code: 'governance.events.closed',
    nameZh: '事件办结数',
    nameEn: 'Events closed',
    unit: 'count',
    direction: 'higher_better',
    target: null,
    formula: 'events closed in the period',
    numerator: closed,
    denominator: always,
  },
  {
    code: 'governance.events.on_time_rate',
    nameZh: '按期办结率',
    nameEn: 'Closed on time',
    unit: 'percent',
    direction: 'higher_better',
    target: 95,
    formula: 'closed in the period within the promised limit / closed in the period',
    numerator: (f, t) => sql`${closed(f, t)} and c.late is not true`,
    denominator: closed,
  },
  {
    code: 'governance.events.overdue',
    nameZh: '超期事件数',
    nameEn: 'Overdue events',
    unit: 'count',
    direction: 'lower_better',
    target: 0,
    formula: 'open past the promised limit at the end of the period, plus closed late in the period',
    numerator: (f, t) =>
      sql`(c.closed_at is null and c.due_at < ${t} and c.opened_at < ${t}) or (${closed(f, t)} and c.late)`,
    denominator: always,
  },
  {
    code: 'governance.events.satisfaction',
    nameZh: '群众满意率',
    nameEn: 'Satisfaction',
    unit: 'percent',
    direction: 'higher_better',
    target: 95,
    formula: 'rated 非常满意/满意/基本满意 / rated, among events closed in the period',
    numerator: (f, t) => sql`${closed(f, t)} and c.data ->> 'rating' in (${GOOD})`,
    denominator: (f, t) => sql`${closed(f, t)} and c.data ->> 'rating' is not null`,
  },
  {
    code: 'governance.events.cross_department_completion',
    nameZh: '跨部门事件办结率',
    nameEn: 'Cross-department completion',
    unit: 'percent',
    direction: 'higher_better',
    target: 95,
    formula:
      'cross-department events opened in the period and closed / cross-department events opened in the period',
    numerator: (f, t) => sql`${opened(f, t)} and c.closed_at is not null and ${CROSS_DEPARTMENT}`,
    denominator: (f, t) => sql`${opened(f, t)} and ${CROSS_DEPARTMENT}`,
  },
];

/** Counts per township (division) and per responsible department, plus the district total. */
export async function countEvents(
  tx: Executor,
  definition: Definition,
  from: Date,
  to: Date,
  districtCode: string,
): Promise<IndicatorCount[]> {
  const f = sql`${from.toISOString()}::timestamptz`;
  const t = sql`${to.toISOString()}::timestamptz`;
  const numerator = definition.numerator(f, t);
  const denominator = definition.denominator(f, t);
  const result = await rows<{ town: string; department: string | null; num: number; den: number }>(
    tx,
    sql`select substr(c.division_code, 1, 9) || '000' as town, d.code as department,
          count(*) filter (where ${numerator})::int as num,
          count(*) filter (where ${denominator})::int as den
        from cases_case c left join org_department d on d.id = c.department_id
        where c.type_code = ${EVENT_TYPE}
        group by 1, 2`,
  );
  const division = new Map<string, [number, number]>();
  const department = new Map<string, [number, number]>();
  const add = (map: Map<string, [number, number]>, key: string, n: number, d: number) => {
    const [a, b] = map.get(key) ?? [0, 0];
    map.set(key, [a + n, b + d]);
  };
  for (const r of result) {
    add(division, r.town, r.num, r.den);
    add(division, districtCode, r.num, r.den);
    if (r.department) add(department, r.department, r.num, r.den);
  }
  const counts = definition.unit === 'count';
  const out: IndicatorCount[] = [];
  for (const [scopeType, map] of [
    ['division', division],
    ['department', department],
  ] as const)
    for (const [scopeCode, [n, d]] of map)
      out.push({ scopeType, scopeCode, numerator: n, denominator: counts ? 1 : d });
  return out;
}

/** Defines the indicators (idempotent) and registers how to compute them. */
export async function registerGovernanceIndicators(kernel: Kernel, executor: Executor, districtCode: string) {
  for (const d of GOVERNANCE_INDICATORS) {
    await kernel.indicators.define(executor, {
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      unit: d.unit,
      direction: d.direction,
      target: d.target,
      formula: d.formula,
      owner: 'governance',
    });
    kernel.indicators.registerComputer(d.code, ({ tx, from, to }) =>
      countEvents(tx, d, from, to, districtCode),
    );
  }
}

/** Live values for a period (not stored): what the dispatcher console and the cockpit show. */
export async function liveIndicators(kernel: Kernel, from: Date, to: Date, districtCode: string) {
  const out = [];
  for (const d of GOVERNANCE_INDICATORS) {
    const counts = await countEvents(kernel.db, d, from, to, districtCode);
    out.push({
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      unit: d.unit,
      target: d.target,
      direction: d.direction,
      scopes: counts.map((c) => ({
        ...c,
        value:
          c.denominator === 0
            ? null
            : d.unit === 'percent'
              ? (100 * c.numerator) / c.denominator
              : c.numerator,
      })),
    });
  }
  return out;
}
