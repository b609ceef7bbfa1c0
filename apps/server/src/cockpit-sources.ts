import { type Cockpit, type MeasureName, type ScopeRef, scopeKey } from '@zhizhi/cockpit';
import type { Kernel } from '@zhizhi/kernel';
import { rows } from '@zhizhi/kernel/db';
import { type SQL, sql } from 'drizzle-orm';

/**
 * What the big screen shows beside the plan's targets, read from the modules' tables: the promise
 * panels' headline figures, the map's live layers and the live feed. Each query is bounded.
 */

/** A division filter on a 12-digit code column for a scope (departments filter by department id). */
function divisionFilter(column: SQL, scope: ScopeRef): SQL {
  if (scope.type === 'town') return sql`${column} like ${`${scope.code.slice(0, 9)}%`}`;
  if (scope.type === 'village') return sql`${column} = ${scope.code}`;
  return sql`true`;
}

function departmentFilter(column: SQL, scope: ScopeRef): SQL {
  return scope.type === 'department'
    ? sql`${column} = (select id from org_department where code = ${scope.code})`
    : sql`true`;
}

/** A scope's warnings: all of them for the district, a town's own and its villages'. */
function warningFilter(scope: ScopeRef): SQL {
  if (scope.type === 'district') return sql`true`;
  if (scope.type === 'town')
    return sql`(w.scope = ${scopeKey(scope)} or w.scope like ${`village:${scope.code.slice(0, 9)}%`})`;
  return sql`w.scope = ${scopeKey(scope)}`;
}

async function one(kernel: Kernel, query: SQL): Promise<number> {
  const [row] = await rows<{ n: number }>(kernel.db, query);
  return row?.n ?? 0;
}

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export function registerCockpitSources(kernel: Kernel, cockpit: Cockpit) {
  const figure = cockpit.service.registerFigure;
  const total = async (measure: MeasureName, scope: ScopeRef, period: { from: Date; to: Date } | null) =>
    (await cockpit.service.measureTotals([measure], { scope }, period)).get(scope.code)?.[measure] ?? 0;
  figure({
    panel: 'services',
    key: 'applications',
    nameZh: '本期办件量',
    nameEn: 'Applications this period',
    unit: 'count',
    indicatorCode: 'plan.online_service_rate',
    compute: (scope, p) => total('applications.submitted', scope, p),
  });
  figure({
    panel: 'services',
    key: 'certificates',
    nameZh: '本期签发电子证照',
    nameEn: 'E-certificates issued this period',
    unit: 'count',
    compute: (_scope, p) =>
      one(
        kernel,
        sql`select count(*)::int as n from services_certificate where issued_at >= ${at(p.from)} and issued_at < ${at(p.to)}`,
      ),
  });
  figure({
    panel: 'governance',
    key: 'events_open',
    nameZh: '在办事件',
    nameEn: 'Events being handled',
    unit: 'count',
    indicatorCode: 'plan.events_on_time',
    // Every event counts once in events.accepted and, once closed, once in events.closed.
    compute: async (scope) =>
      (await total('events.accepted', scope, null)) - (await total('events.closed', scope, null)),
  });
  figure({
    panel: 'governance',
    key: 'events_accepted',
    nameZh: '本期受理事件',
    nameEn: 'Events accepted this period',
    unit: 'count',
    indicatorCode: 'plan.cross_department_completion',
    compute: (scope, p) => total('events.accepted', scope, p),
  });
  figure({
    panel: 'governance',
    key: 'alarms_active',
    nameZh: '未消除告警',
    nameEn: 'Active alarms',
    unit: 'count',
    compute: (scope) =>
      one(
        kernel,
        sql`select count(*)::int as n from sensing_alarm a where a.status = 'active'
          and ${divisionFilter(sql`a.township_code`, scope.type === 'village' ? { type: 'town', code: `${scope.code.slice(0, 9)}000` } : scope)}
          and ${departmentFilter(sql`a.department_id`, scope)}`,
      ),
  });
  figure({
    panel: 'governance',
    key: 'inspections',
    nameZh: '本期双随机检查',
    nameEn: 'Random inspections this period',
    unit: 'count',
    indicatorCode: 'plan.supervision_on_platform',
    compute: (scope, p) =>
      one(
        kernel,
        sql`select count(*)::int as n from regulation_inspection i join regulation_subject s on s.id = i.subject_id
          where i.created_at >= ${at(p.from)} and i.created_at < ${at(p.to)} and ${divisionFilter(sql`s.division_code`, scope)}
          ${scope.type === 'department' ? sql`and i.department_codes @> ${JSON.stringify([scope.code])}::jsonb` : sql``}`,
      ),
  });
  figure({
    panel: 'overview',
    key: 'warnings_open',
    nameZh: '待督办预警',
    nameEn: 'Warnings to dispatch',
    unit: 'count',
    compute: () =>
      one(
        kernel,
        sql`select count(*)::int as n from cockpit_warning where resolved_at is null and task_id is null`,
      ),
  });
  figure({
    panel: 'overview',
    key: 'tasks_open',
    nameZh: '督办中任务',
    nameEn: 'Supervision tasks open',
    unit: 'count',
    compute: () => one(kernel, sql`select count(*)::int as n from governance_task where closed_at is null`),
  });
  figure({
    panel: 'codes',
    key: 'codes_issued',
    nameZh: '已赋码（人、企、店、门牌、设备）',
    nameEn: 'Codes issued (people, firms, shops, doorplates, devices)',
    unit: 'count',
    compute: () => one(kernel, sql`select count(*)::int as n from kernel_code where revoked_at is null`),
  });
  figure({
    panel: 'codes',
    key: 'shop_codes',
    nameZh: '众安码商户',
    nameEn: 'Shops with a 众安码',
    unit: 'count',
    compute: () =>
      one(
        kernel,
        sql`select count(*)::int as n from kernel_code where kind = 'regulation.shop' and revoked_at is null`,
      ),
  });
  figure({
    panel: 'codes',
    key: 'doorplates',
    nameZh: '数字门牌',
    nameEn: 'Digital doorplates',
    unit: 'count',
    compute: () =>
      one(
        kernel,
        sql`select count(*)::int as n from kernel_code where kind like 'places.%' and revoked_at is null`,
      ),
  });
}

export type MapPoint = {
  id: string;
  kind: 'event' | 'alarm' | 'inspection';
  status: string;
  lng: number;
  lat: number;
  title: string;
  href: string;
};

/** Live points for the map (the newest 500 of each layer) and per-town counts. */
export async function cockpitMap(kernel: Kernel, cockpit: Cockpit, scope: ScopeRef) {
  const events = await rows<{
    id: string;
    state: string;
    title: string;
    lng: number | null;
    lat: number | null;
  }>(
    kernel.db,
    sql`select c.id, c.state, c.title, (c.data -> 'location' ->> 'lng')::float8 as lng, (c.data -> 'location' ->> 'lat')::float8 as lat
      from cases_case c where c.type_code = 'governance_event'
        and ${divisionFilter(sql`c.division_code`, scope)} and ${departmentFilter(sql`c.department_id`, scope)}
      order by c.opened_at desc limit 500`,
  );
  const alarms = await rows<{
    id: string;
    severity: string;
    name: string;
    lng: number;
    lat: number;
    station_id: string;
  }>(
    kernel.db,
    sql`select a.id, a.severity, s.name_zh as name, s.lng, s.lat, s.id as station_id from sensing_alarm a
      join sensing_station s on s.id = a.station_id where a.status = 'active'
        and ${divisionFilter(sql`a.township_code`, scope.type === 'village' ? { type: 'town', code: `${scope.code.slice(0, 9)}000` } : scope)}
      order by a.start_ts desc limit 500`,
  );
  const inspections = await rows<{
    id: string;
    status: string;
    name: string;
    lng: number;
    lat: number;
    subject_id: string;
  }>(
    kernel.db,
    sql`select i.id, i.status, s.name, s.lng, s.lat, s.id as subject_id from regulation_inspection i
      join regulation_subject s on s.id = i.subject_id where s.lng is not null and i.status <> 'published'
        and ${divisionFilter(sql`s.division_code`, scope)}
      order by i.created_at desc limit 500`,
  );
  // Open and total events per town from the counters: scanning the cases would not scale.
  const counters = await cockpit.service.measureTotals(
    ['events.accepted', 'events.closed'],
    { level: 'town' },
    null,
  );
  const towns = await rows<{ code: string; alarms: number; inspections: number }>(
    kernel.db,
    sql`select t.code,
        (select count(*) from sensing_alarm a where a.status = 'active' and a.township_code = t.code)::int as alarms,
        (select count(*) from regulation_inspection i join regulation_subject s on s.id = i.subject_id
          where i.status <> 'published' and s.division_code like substr(t.code, 1, 9) || '%')::int as inspections
      from org_division t where t.level = 'town' and t.valid_to is null`,
  );
  const points: MapPoint[] = [
    ...events
      .filter((e): e is typeof e & { lng: number; lat: number } => e.lng !== null && e.lat !== null)
      .map((e) => ({
        id: e.id,
        kind: 'event' as const,
        status: e.state,
        lng: e.lng,
        lat: e.lat,
        title: e.title,
        href: `/cases/${e.id}`,
      })),
    ...alarms.map((a) => ({
      id: a.id,
      kind: 'alarm' as const,
      status: a.severity,
      lng: a.lng,
      lat: a.lat,
      title: a.name,
      href: `/sensing/stations/${a.station_id}`,
    })),
    ...inspections.map((i) => ({
      id: i.id,
      kind: 'inspection' as const,
      status: i.status,
      lng: i.lng,
      lat: i.lat,
      title: i.name,
      href: `/regulation/subjects/${i.subject_id}`,
    })),
  ];
  return {
    points,
    towns: Object.fromEntries(
      towns.map((t) => {
        const c = counters.get(t.code) ?? {};
        const accepted = c['events.accepted'] ?? 0;
        return [
          t.code,
          {
            eventsOpen: accepted - (c['events.closed'] ?? 0),
            eventsTotal: accepted,
            alarms: t.alarms,
            inspections: t.inspections,
          },
        ];
      }),
    ),
  };
}

/** The newest happenings across the modules. */
/**
 * The newest events, applications, alarms, inspections and warnings within a scope: a town or
 * village sees what happened there, a department what it handles or owns (applications and
 * inspections carry no department here, so a department's feed has events and its warnings).
 */
export async function cockpitFeed(kernel: Kernel, scope: ScopeRef, limit: number) {
  const department = scope.type === 'department';
  const town: ScopeRef =
    scope.type === 'village' ? { type: 'town', code: `${scope.code.slice(0, 9)}000` } : scope;
  const list = await rows<{
    id: string;
    kind: string;
    title: string;
    at: string;
    division: string | null;
    href: string;
  }>(
    kernel.db,
    sql`(select c.id, 'event' as kind, c.title, c.opened_at as at, c.division_code as division, '/cases/' || c.id as href
        from cases_case c where c.type_code = 'governance_event'
          and ${divisionFilter(sql`c.division_code`, scope)} and ${departmentFilter(sql`c.department_id`, scope)}
        order by c.opened_at desc limit ${limit})
      union all
      (select a.id, 'application', coalesce(a.number, ''), a.submitted_at, a.division_code, '/services/cases/' || a.case_id
        from services_application a where a.submitted_at is not null and ${sql.raw(department ? 'false' : 'true')}
          and ${divisionFilter(sql`a.division_code`, scope)}
        order by a.submitted_at desc limit ${limit})
      union all
      (select a.id, 'alarm', s.name_zh, a.start_ts, a.township_code, '/sensing/stations/' || s.id
        from sensing_alarm a join sensing_station s on s.id = a.station_id
        where ${departmentFilter(sql`s.department_id`, scope)} and ${divisionFilter(sql`a.township_code`, town)}
        order by a.start_ts desc limit ${limit})
      union all
      (select i.id, 'inspection', s.name, coalesce(i.published_at, i.created_at), s.division_code, '/regulation/subjects/' || s.id
        from regulation_inspection i join regulation_subject s on s.id = i.subject_id
        where ${sql.raw(department ? 'false' : 'true')} and ${divisionFilter(sql`s.division_code`, scope)}
        order by coalesce(i.published_at, i.created_at) desc limit ${limit})
      union all
      (select w.id, 'warning', i.name_zh, w.raised_at, null, '/cockpit/indicators/' || w.code
        from cockpit_warning w join cockpit_indicator i on i.code = w.code
        where w.resolved_at is null and ${warningFilter(scope)}
        order by w.raised_at desc limit ${limit})
      order by at desc limit ${limit}`,
  );
  const names = new Map(
    (
      await rows<{ code: string; name: string }>(
        kernel.db,
        sql`select code, name from org_division where valid_to is null`,
      )
    ).map((d) => [d.code, d.name]),
  );
  return {
    items: list.map((r) => ({
      id: r.id,
      kind: r.kind as 'event' | 'application' | 'alarm' | 'inspection' | 'warning',
      title: r.title,
      at: new Date(r.at).toISOString(),
      divisionName: r.division
        ? (names.get(r.division) ?? names.get(`${r.division.slice(0, 9)}000`) ?? '')
        : '',
      href: r.href,
    })),
  };
}
