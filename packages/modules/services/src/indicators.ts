import type { Kernel } from '@zhizhi/kernel';
import type { Executor } from '@zhizhi/kernel/db';
import { rows } from '@zhizhi/kernel/db';
import type { IndicatorCount } from '@zhizhi/kernel/indicators';
import { type SQL, sql } from 'drizzle-orm';
import { CASE_TYPES } from './applications/case-types';
import { compressionRatio } from './catalogue/limits';
import type { Matter } from './catalogue/types';

/**
 * One scope's tally: a township (division code of its first nine digits + 000), the district as a
 * whole (catalogue-level indicators, which have no township), or a handling department's org code.
 */
type Tally = { scope: 'town' | 'district' | 'department'; code: string; num: number; den: number };
type Tallier = (tx: Executor, from: Date, to: Date) => Promise<Tally[]>;

type Definition = {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: 'percent';
  direction: 'higher_better' | 'lower_better';
  target: number | null;
  formula: string;
  tally: Tallier;
};

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The newest version of every matter published before `t` (what was on offer at the end of the period). */
const current = (t: SQL) => sql`select distinct on (m.code) m.code, m.department_code, m.definition
  from services_matter m where m.published_at < ${t} order by m.code, m.version desc`;

/**
 * Counts the rows of `base` (columns town, num, den and whatever `departments` reads through the
 * alias b) per township, and per department through `departments`, a lateral query returning one
 * row per distinct department code (column department). `cur` holds the current matters.
 */
async function scoped(tx: Executor, t: SQL, base: SQL, departments: SQL): Promise<Tally[]> {
  return rows<Tally>(
    tx,
    sql`with cur as (${current(t)}), b as (${base})
      select 'town' as scope, b.town as code,
        count(*) filter (where b.num)::int as num, count(*) filter (where b.den)::int as den
      from b group by b.town
      union all
      select 'department' as scope, x.department as code,
        count(*) filter (where b.num)::int as num, count(*) filter (where b.den)::int as den
      from b cross join lateral (${departments}) x group by x.department`,
  );
}

const TOWN = (column: SQL) => sql`substr(${column}, 1, 9) || '000'`;

/** Applications submitted in the period (a); each counts once for every department among its matters. */
function applications(num: SQL, den: SQL = sql`true`): Tallier {
  return (tx, from, to) => {
    const [f, t] = [at(from), at(to)];
    return scoped(
      tx,
      t,
      sql`select ${TOWN(sql`a.division_code`)} as town, (${num}) as num, (${den}) as den, a.matter_codes
        from services_application a where a.submitted_at >= ${f} and a.submitted_at < ${t}`,
      sql`select distinct cur.department_code as department
        from jsonb_array_elements_text(b.matter_codes) as mc(code) join cur on cur.code = mc.code`,
    );
  };
}

/** The required e-certificate materials (column type) of application a's matters, current versions. */
const CERTIFICATE_MATERIALS = sql`select distinct mat -> 'source' ->> 'certificateType' as type
  from jsonb_array_elements_text(a.matter_codes) as mc(code)
  join cur on cur.code = mc.code
  cross join lateral jsonb_array_elements(cur.definition -> 'materials') as mat
  where mat -> 'source' ->> 'kind' = 'certificate' and mat ->> 'required' = 'true'`;
/** Every required e-certificate material was supplied by an e-certificate, with no file uploaded. */
const ALL_BY_CERTIFICATE = sql`not exists (select 1 from (${CERTIFICATE_MATERIALS}) need
  where not exists (select 1 from jsonb_each(a.materials) as e
    where e.value -> 'certificate' ->> 'certificateType' = need.type
      and coalesce(jsonb_array_length(e.value -> 'fileIds'), 0) = 0))`;
const HAS_CERTIFICATE_MATERIAL = sql`exists (${CERTIFICATE_MATERIALS})`;

/** Matter cases closed in the period, by the case's division and its handling department. */
const matterCasesClosed: Tallier = (tx, from, to) => {
  const [f, t] = [at(from), at(to)];
  return scoped(
    tx,
    t,
    sql`select ${TOWN(sql`c.division_code`)} as town, c.late is not true as num, true as den, d.code as department
      from cases_case c left join org_department d on d.id = c.department_id
      where c.type_code = ${CASE_TYPES.matter} and c.closed_at >= ${f} and c.closed_at < ${t}`,
    sql`select b.department where b.department is not null`,
  );
};

/** Ratings given in the period, by the rating's division and each department it names. */
const ratingsGiven: Tallier = (tx, from, to) => {
  const [f, t] = [at(from), at(to)];
  return scoped(
    tx,
    t,
    sql`select ${TOWN(sql`r.division_code`)} as town, r.overall >= 4 as num, true as den, r.department_codes
      from services_rating r where r.rated_at >= ${f} and r.rated_at < ${t}`,
    sql`select distinct dc.department from jsonb_array_elements_text(b.department_codes) as dc(department)`,
  );
};

/** Catalogue-level: each current matter adds [numerator, denominator] to the district and its department. */
function catalogue(score: (matter: Matter) => [number, number]): Tallier {
  return async (tx, _from, to) => {
    const matters = await rows<{ code: string; department_code: string; definition: Matter }>(
      tx,
      current(at(to)),
    );
    const out: Tally[] = [];
    for (const m of matters) {
      const [num, den] = score(m.definition);
      out.push({ scope: 'district', code: '', num, den });
      out.push({ scope: 'department', code: m.department_code, num, den });
    }
    return out;
  };
}

export const SERVICES_INDICATORS: Definition[] = [
  {
    code: 'services.online_rate',
    nameZh: '一网通办率',
    nameEn: 'Applied for online',
    unit: 'percent',
    direction: 'higher_better',
    target: 90,
    formula:
      'applications submitted in the period online (web, mobile app or self-service kiosk) / applications submitted in the period',
    tally: applications(sql`a.channel in ('web', 'mobile', 'kiosk')`),
  },
  {
    code: 'services.mobile_rate',
    nameZh: '掌办率',
    nameEn: 'Applied for on mobile',
    unit: 'percent',
    direction: 'higher_better',
    target: 80,
    formula: 'applications submitted in the period on mobile / applications submitted in the period',
    tally: applications(sql`a.channel = 'mobile'`),
  },
  {
    code: 'services.mobile_availability',
    nameZh: '掌办开通率',
    nameEn: 'Matters available on mobile',
    unit: 'percent',
    direction: 'higher_better',
    target: 100,
    formula:
      'current matters offered on mobile / current matters (newest version published by the end of the period)',
    tally: catalogue((m) => [m.channels.includes('mobile') ? 1 : 0, 1]),
  },
  {
    code: 'services.certificate_coverage',
    nameZh: '一证通办率',
    nameEn: 'Done with e-certificates',
    unit: 'percent',
    direction: 'higher_better',
    target: 100,
    formula:
      'applications submitted in the period whose every required e-certificate material (current matter versions) was supplied by an e-certificate with no file uploaded / applications submitted in the period with at least one such material',
    tally: applications(sql`${HAS_CERTIFICATE_MATERIAL} and ${ALL_BY_CERTIFICATE}`, HAS_CERTIFICATE_MATERIAL),
  },
  {
    code: 'services.immediate_share',
    nameZh: '即办件比例',
    nameEn: 'Done on the spot',
    unit: 'percent',
    direction: 'higher_better',
    target: null,
    formula: 'current 即办件 matters / current matters (newest version published by the end of the period)',
    tally: catalogue((m) => [m.kind === 'immediate' ? 1 : 0, 1]),
  },
  {
    code: 'services.compression',
    nameZh: '承诺期限压缩比',
    nameEn: 'Promised limit compression',
    unit: 'percent',
    direction: 'higher_better',
    target: null,
    formula:
      'average over current matters of (legal limit − promised limit) / legal limit, in comparable days (a working day 7/5 days, a month 30); 0 for a legal limit of 0',
    tally: catalogue((m) => [compressionRatio(m.legalLimit, m.promisedLimit), 1]),
  },
  {
    code: 'services.on_time_rate',
    nameZh: '按期办结率',
    nameEn: 'Closed on time',
    unit: 'percent',
    direction: 'higher_better',
    target: 100,
    formula:
      'matter cases closed in the period within the promised limit / matter cases closed in the period',
    tally: matterCasesClosed,
  },
  {
    code: 'services.satisfaction',
    nameZh: '好评率',
    nameEn: 'Good ratings',
    unit: 'percent',
    direction: 'higher_better',
    target: 99,
    formula:
      'ratings given in the period (every round) with overall 满意 or 非常满意 (4 or 5) / ratings given in the period',
    tally: ratingsGiven,
  },
];

/** Counts per township, for the district and per handling department, for [from, to). */
export async function countServices(
  tx: Executor,
  definition: Definition,
  from: Date,
  to: Date,
  districtCode: string,
): Promise<IndicatorCount[]> {
  const district: [number, number] = [0, 0];
  const towns = new Map<string, [number, number]>();
  const departments = new Map<string, [number, number]>();
  const add = (map: Map<string, [number, number]>, key: string, n: number, d: number) => {
    const [a, b] = map.get(key) ?? [0, 0];
    map.set(key, [a + n, b + d]);
  };
  for (const r of await definition.tally(tx, from, to)) {
    if (r.scope === 'department') {
      add(departments, r.code, r.num, r.den);
      continue;
    }
    district[0] += r.num;
    district[1] += r.den;
    // A district-level record is the district's alone, not a township's.
    if (r.scope === 'town' && r.code !== districtCode) add(towns, r.code, r.num, r.den);
  }
  const out: IndicatorCount[] = [
    { scopeType: 'division', scopeCode: districtCode, numerator: district[0], denominator: district[1] },
  ];
  const sorted = (map: Map<string, [number, number]>) => [...map].sort(([a], [b]) => a.localeCompare(b));
  for (const [scopeCode, [n, d]] of sorted(towns))
    out.push({ scopeType: 'division', scopeCode, numerator: n, denominator: d });
  for (const [scopeCode, [n, d]] of sorted(departments))
    out.push({ scopeType: 'department', scopeCode, numerator: n, denominator: d });
  return out;
}

/** Defines the indicators (idempotent) and registers how to compute them. */
export async function registerServicesIndicators(kernel: Kernel, executor: Executor, districtCode: string) {
  for (const d of SERVICES_INDICATORS) {
    await kernel.indicators.define(executor, {
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      unit: d.unit,
      direction: d.direction,
      target: d.target,
      formula: d.formula,
      owner: 'services',
    });
    kernel.indicators.registerComputer(d.code, ({ tx, from, to }) =>
      countServices(tx, d, from, to, districtCode),
    );
  }
}

/** Live values for a period (not stored): what the services console and the cockpit show. */
export async function liveServicesIndicators(kernel: Kernel, from: Date, to: Date, districtCode: string) {
  const out = [];
  for (const d of SERVICES_INDICATORS) {
    const counts = await countServices(kernel.db, d, from, to, districtCode);
    out.push({
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      unit: d.unit,
      target: d.target,
      direction: d.direction,
      scopes: counts.map((c) => ({
        ...c,
        value: c.denominator === 0 ? null : (100 * c.numerator) / c.denominator,
      })),
    });
  }
  return out;
}
