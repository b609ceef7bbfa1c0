import { type SQL, sql } from 'drizzle-orm';
import type { MeasureName } from './definitions';

/** A source of incremental facts: governance events (cases) and service applications. */
export type FactSource = 'event' | 'application';

export type MeasureSpec = {
  source: FactSource;
  /** The fact's bit for this measure. */
  bit: number;
  /** Which month the measure counts in: when the row was opened/submitted or when it closed. */
  basis: 'opened' | 'closed';
};

/** Measure definitions: each mirrors the governance and services indicators' SQL definitions. */
export const MEASURE_SPECS: Record<MeasureName, MeasureSpec> = {
  'events.accepted': { source: 'event', bit: 1, basis: 'opened' },
  'events.closed': { source: 'event', bit: 2, basis: 'closed' },
  'events.closed_on_time': { source: 'event', bit: 4, basis: 'closed' },
  'events.cross': { source: 'event', bit: 8, basis: 'opened' },
  'events.cross_closed': { source: 'event', bit: 16, basis: 'opened' },
  'applications.submitted': { source: 'application', bit: 1, basis: 'opened' },
  'applications.online': { source: 'application', bit: 2, basis: 'opened' },
  'applications.mobile': { source: 'application', bit: 4, basis: 'opened' },
};

export const EVENT_CASE_TYPE = 'governance_event';
export const CO_CASE_TYPE = 'governance_co';

/** The first day of the Beijing-time month of a timestamp column, as a date. */
const month = (column: SQL) =>
  sql`date_trunc('month', (${column} at time zone 'UTC') + interval '8 hours')::date`;

/** Events that involved more than one department: a co-handling child, or a re-dispatch (one event). */
const CROSS_ONE = sql`(exists (select 1 from cases_case k where k.parent_id = c.id and k.parent_role = 'co')
  or exists (select 1 from cases_history h where h.case_id = c.id and h.transition = 'redispatch'))`;
/** The same over every event: one hashed set instead of two probes per row. */
const CROSS_ALL = sql`(c.id in (select k.parent_id from cases_case k where k.parent_role = 'co' and k.parent_id is not null
  union all select h.case_id from cases_history h where h.transition = 'redispatch'))`;

/**
 * Facts of events as a query (columns source_id, opened_month, closed_month, division,
 * departments jsonb, flags), optionally for one case. The same expressions serve the incremental
 * path (one row) and the rebuild (every row).
 */
export function eventFacts(caseId?: string, asOf?: Date): SQL {
  const CROSS = caseId ? CROSS_ONE : CROSS_ALL;
  const closedAt = asOf
    ? sql`(case when c.closed_at < ${asOf.toISOString()}::timestamptz then c.closed_at end)`
    : sql`c.closed_at`;
  return sql`select c.id as source_id, ${month(sql`c.opened_at`)} as opened_month,
      case when ${closedAt} is null then null else ${month(closedAt)} end as closed_month,
      c.division_code as division,
      case when d.code is null then '[]'::jsonb else jsonb_build_array(d.code) end as departments,
      (1
        | case when ${closedAt} is not null then 2 else 0 end
        | case when ${closedAt} is not null and c.late is not true then 4 else 0 end
        | case when ${CROSS} then 8 else 0 end
        | case when ${closedAt} is not null and ${CROSS} then 16 else 0 end) as flags
    from cases_case c left join org_department d on d.id = c.department_id
    where c.type_code = ${EVENT_CASE_TYPE} ${caseId ? sql`and c.id = ${caseId}` : sql``}
      ${asOf ? sql`and c.opened_at < ${asOf.toISOString()}::timestamptz` : sql``}`;
}

/**
 * Facts of submitted applications; departments are those of the application's matters (the
 * newest version of each matter), as the services indicators count them.
 */
export function applicationFacts(applicationId?: string, asOf?: Date): SQL {
  return sql`select a.id as source_id, ${month(sql`a.submitted_at`)} as opened_month, null::date as closed_month,
      a.division_code as division,
      coalesce((select jsonb_agg(distinct m.department_code order by m.department_code)
        from jsonb_array_elements_text(a.matter_codes) as mc(code)
        join services_matter m on m.code = mc.code
          and m.version = (select max(v.version) from services_matter v where v.code = mc.code)), '[]'::jsonb) as departments,
      (1 | case when a.channel in ('web', 'mobile', 'kiosk') then 2 else 0 end
         | case when a.channel = 'mobile' then 4 else 0 end) as flags
    from services_application a
    where a.submitted_at is not null ${applicationId ? sql`and a.id = ${applicationId}` : sql``}
      ${asOf ? sql`and a.submitted_at < ${asOf.toISOString()}::timestamptz` : sql``}`;
}

/** Facts of one source (one row when `id` is given); `asOf` sees the data as it stood at that time. */
export function factsOf(source: FactSource, id?: string, asOf?: Date): SQL {
  return source === 'event' ? eventFacts(id, asOf) : applicationFacts(id, asOf);
}

/**
 * Counters from a facts query `f` (every measure, month and scope): the recomputation from source
 * the incremental counters must always equal. `district` is the code the district scope carries.
 */
export function talliesFromFacts(source: FactSource, facts: SQL, district: string): SQL {
  const specs = Object.entries(MEASURE_SPECS).filter(([, s]) => s.source === source);
  const values = sql.join(
    specs.map(
      ([name, s]) =>
        sql`(${name}, ${s.basis === 'opened' ? sql`f.opened_month` : sql`f.closed_month`}, (f.flags & ${s.bit}) <> 0)`,
    ),
    sql`, `,
  );
  return sql`with f as (${facts})
    select m.measure, m.month::text as month, s.scope_type, s.scope_code, count(*)::int as value
    from f
    cross join lateral (values ${values}) as m(measure, month, hit)
    cross join lateral (
      select 'district' as scope_type, ${district}::text as scope_code
      union all select 'town', substr(f.division, 1, 9) || '000' where substr(f.division, 7, 6) <> '000000'
      union all select 'village', f.division where substr(f.division, 10, 3) <> '000'
      union all select 'department', dep from jsonb_array_elements_text(f.departments) as dep
    ) as s
    where m.hit and m.month is not null
    group by 1, 2, 3, 4`;
}
