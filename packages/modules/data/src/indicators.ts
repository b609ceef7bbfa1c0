import type { Kernel } from '@zhizhi/kernel';
import { type Executor, rows } from '@zhizhi/kernel/db';
import type { IndicatorCount } from '@zhizhi/kernel/indicators';
import { type SQL, sql } from 'drizzle-orm';

type Definition = {
  code: string;
  nameZh: string;
  nameEn: string;
  formula: string;
  query: (from: SQL, to: SQL) => SQL;
};

/** Active resources that may be opened (无条件 or 受限开放). */
const OPEN = sql`r.status = 'active' and r.opening_type in ('open', 'restricted')`;

/**
 * The public-data counts the plan tracks (目录数, 数据项数, 开放目录数, 开放数据项数, 共享接口调用量):
 * queries with columns department (provider org code, or null) and n.
 */
export const DATA_INDICATORS: Definition[] = [
  {
    code: 'data.catalogs',
    nameZh: '公共数据目录数',
    nameEn: 'Public data catalogue entries',
    formula: 'active data resources in the catalogue (now)',
    query: () => sql`select d.code as department, count(*)::int as n from data_resource r
      left join org_department d on d.id = r.provider_department_id where r.status = 'active' group by 1`,
  },
  {
    code: 'data.items',
    nameZh: '公共数据项数',
    nameEn: 'Public data items',
    formula: 'data items of active resources (now)',
    query: () => sql`select d.code as department, count(*)::int as n from data_item i
      join data_resource r on r.id = i.resource_id left join org_department d on d.id = r.provider_department_id
      where r.status = 'active' group by 1`,
  },
  {
    code: 'data.open_catalogs',
    nameZh: '开放数据目录数',
    nameEn: 'Open data catalogue entries',
    formula: 'active resources open unconditionally or on application (now)',
    query: () => sql`select d.code as department, count(*)::int as n from data_resource r
      left join org_department d on d.id = r.provider_department_id where ${OPEN} group by 1`,
  },
  {
    code: 'data.open_items',
    nameZh: '开放数据项数',
    nameEn: 'Open data items',
    formula: 'data items of open resources (now)',
    query: () => sql`select d.code as department, count(*)::int as n from data_item i
      join data_resource r on r.id = i.resource_id left join org_department d on d.id = r.provider_department_id
      where ${OPEN} group by 1`,
  },
  {
    code: 'data.share_calls',
    nameZh: '共享数据接口调用量',
    nameEn: 'Calls to shared data interfaces',
    formula: 'calls answered through sharing grants in the period (metered per grant and day)',
    query: (from, to) => sql`select null::text as department, coalesce(sum(u.calls), 0)::int as n
      from data_grant_usage u where u.day >= (${from} at time zone 'UTC' + interval '8 hours')::date
        and u.day < (${to} at time zone 'UTC' + interval '8 hours')::date + 1`,
  },
];

async function count(
  tx: Executor,
  d: Definition,
  from: Date,
  to: Date,
  district: string,
): Promise<IndicatorCount[]> {
  const list = await rows<{ department: string | null; n: number }>(
    tx,
    d.query(sql`${from.toISOString()}::timestamptz`, sql`${to.toISOString()}::timestamptz`),
  );
  const total = list.reduce((s, r) => s + r.n, 0);
  return [
    { scopeType: 'division', scopeCode: district, numerator: total, denominator: 1 },
    ...list
      .filter((r) => r.department)
      .map((r) => ({
        scopeType: 'department' as const,
        scopeCode: r.department as string,
        numerator: r.n,
        denominator: 1,
      })),
  ];
}

/** Defines the public-data indicators (idempotent) and registers how to compute them. */
export async function registerDataIndicators(kernel: Kernel, executor: Executor, district: string) {
  for (const d of DATA_INDICATORS) {
    await kernel.indicators.define(executor, {
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      unit: 'count',
      direction: 'higher_better',
      target: null,
      formula: d.formula,
      owner: 'data',
    });
    kernel.indicators.registerComputer(d.code, ({ tx, from, to }) => count(tx, d, from, to, district));
  }
}
