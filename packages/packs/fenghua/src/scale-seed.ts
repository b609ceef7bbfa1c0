import { InputError, type Kernel, systemActor } from '@zhizhi/kernel';
import { recordAudit } from '@zhizhi/kernel/audit';
import { rows } from '@zhizhi/kernel/db';
import {
  CO_TYPE,
  DEFAULT_CATEGORIES,
  EVENT_TYPE,
  governanceCoType,
  governanceEventType,
} from '@zhizhi/governance';
import { type Bundle, createCatalogue, type Matter } from '@zhizhi/services';
import { type SQL, sql } from 'drizzle-orm';
import { GOVERNANCE_PLATFORMS } from './departments';
import { FENGHUA_DISTRICT_CODE, fenghuaDivisions } from './divisions';
import { fenghuaBundles, fenghuaFieldDictionary, fenghuaMatters } from './services';

export interface SeedScaleActivityOptions {
  /** Synthetic governance events (基层治理事件) to add. */
  events: number;
  /** Synthetic service applications (办件) to add. */
  applications: number;
  /** Called after each chunk: (rows done, rows asked for). */
  onProgress?: (done: number, total: number) => void;
  /** The moment the history ends at (default: the kernel clock). */
  now?: Date;
}

export interface SeedScaleActivityResult {
  events: number;
  /** Of the events: co-handling children (协办件) and re-dispatch steps (改派) added. */
  coCases: number;
  redispatches: number;
  applications: number;
}

/*
 * Numbers. The engine numbers a case `prefix + Beijing date + 6-digit daily counter` (SJ… events,
 * XB… co-handling cases, BJ… applications), from 000001 each day (cases_counter). Seeded rows have
 * the same shape but take the daily sequence from the 900000–999999 block, which the engine would
 * reach only after 900,000 cases of one prefix in one day; they are also all dated before today,
 * while the engine numbers only today. So no seeded number can equal one the engine hands out, and
 * cases_counter is left alone. A run numbers each day of its window from one above the highest
 * seeded sequence on any day of that window: seeding again adds rows and repeats no number. A day
 * holds up to 100,000 seeded rows in all (over 100 million events).
 *
 * Speed. Rows are made inside the database (`insert … select … from generate_series`), a chunk of
 * consecutive days per statement, so their numbers and UUIDv7 ids (time-ordered, as the engine's
 * newId) enter the indexes in order. Choices are deterministic in the row number (hashint8extended,
 * PostgreSQL's own hash, also in PGlite) through lookup tables passed as array parameters. Events
 * get no `open` row in cases_history (indicators read cases_case; skipped for speed) and no
 * governance_report; applications no case (case_id null) and a random applicant_registry_id.
 */
const SEQ_BLOCK = 900_000;
const SEQ_MAX = 999_999;
/** Where seeded rows go, and their volume over the window: growing by `growth` towards now, weekends at `weekend`. */
const EVENTS = { table: 'cases_case', prefix: 'SJ', days: 1096, growth: 0.4, weekend: 0.7 };
const APPLICATIONS = { table: 'services_application', prefix: 'BJ', days: 730, growth: 0.6, weekend: 0.35 };
const CHANNELS = ['window', 'web', 'mobile', 'kiosk'] as const;
const CHANNEL_SHARES = [15, 55, 25, 5];
/** Weighted choices written `value weight …`: value → relative weight. */
const weights = (spec: string): Record<string, number> =>
  Object.fromEntries(spec.split(/\s*,\s*/).map((p) => [p.split(' ')[0], Number(p.split(' ')[1])]));
const EVENT_CHANNELS = weights('grid 50, hotline 25, public 15, open311 5, event 5');
const OPEN_STATES = weights(
  'reported 8, dispatched 20, handling 52, awaiting_info 8, awaiting_co 7, returned 5',
);
const RATINGS = weights(
  'very_satisfied 62, satisfied 25, basically_satisfied 8, dissatisfied 4, very_dissatisfied 1',
);
const STATUSES = weights('approved 68, refused 5, partly_approved 3, supplement 4, submitted 20');
/** Where a platform's events go when the township's own unit does not take them. */
const DISTRICT_UNIT: Record<string, string> = { zz: 'shzl', scjg: 'scjgj', zhzf: 'zhzfj', bmfw: 'zwfw' };
/** Categories reported more often than others (a leaf not listed weighs 2). */
const CATEGORY_WEIGHT = weights(
  'environment.garbage 14, road.parking 12, construction.occupation 10, road.streetlight 8, ' +
    'environment.noise 8, road.pothole 7, dispute.neighbour 6, safety.fire 5, service.consult 5, ' +
    'environment.air 1, safety.monitor 1',
);

/** A PostgreSQL array literal, passed as one text parameter and cast in SQL. */
function pgArray(values: readonly (string | number | null)[]): string {
  const item = (v: string | number | null) =>
    v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  return `{${values.map(item).join(',')}}`;
}
const ints = (values: readonly number[]) => sql`${pgArray(values)}::int[]`;
const texts = (values: readonly (string | null)[]) => sql`${pgArray(values)}::text[]`;
const uuids = (values: readonly string[]) => sql`${pgArray(values)}::uuid[]`;

/** A lookup table for weighted choice: item i + 1 fills slots in proportion to weights[i] (≥ 1 slot each). */
export function weightedTable(weights: readonly number[], size = 1024): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let acc = 0;
  weights.forEach((w, i) => {
    if (w <= 0) return;
    acc += w;
    const end = Math.max(out.length + 1, Math.round((acc / total) * size));
    while (out.length < end) out.push(i + 1);
  });
  return out;
}

/** A weighted pick from `table` (1-based item) with the hash bits `h`. */
const pick = (table: readonly number[], h: SQL) => sql`(${ints(table)})[(1 + (${h}) % ${table.length})::int]`;

/** A weighted pick of one of the keys of `weights` with the hash bits `h`. */
const choose = (weights: Record<string, number>, h: SQL) =>
  sql`(${texts(Object.keys(weights))})[${pick(weightedTable(Object.values(weights)), h)}]`;

/** A UUIDv7 for the epoch second `t` (SQL), with random bits: time-ordered, as the engine's newId. */
const uuidv7 = (t: string) =>
  sql.raw(`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send((${t}) * 1000
    + (random() * 999)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`);

/** The rows of each day of the window (the `days` Beijing days before today), in chunks of
 * consecutive days, and the first sequence number free on every day (see "Numbers"). */
async function plan(run: Run, count: number, { table, prefix, days, growth, weekend }: typeof EVENTS) {
  const today = Math.floor((run.now.getTime() + 8 * 3_600_000) / 86_400_000) * 86_400 - 8 * 3600;
  const epoch = today - days * 86_400;
  const weights = Array.from({ length: days }, (_, d) => {
    const weekday = new Date((epoch + d * 86_400 + 8 * 3600) * 1000).getUTCDay();
    return (1 + (growth * d) / days) * (weekday % 6 === 0 ? weekend : 1);
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const chunks: { di: number[]; cnt: number[]; base: number[]; rows: number }[] = [];
  let [acc, placed, most] = [0, 0, 0];
  weights.forEach((w, d) => {
    acc += w;
    const n = Math.round((count * acc) / sum) - placed;
    if (!n) return;
    if (!chunks.length || chunks[chunks.length - 1].rows >= run.chunk)
      chunks.push({ di: [], cnt: [], base: [], rows: 0 });
    const c = chunks[chunks.length - 1];
    c.di.push(d);
    c.cnt.push(n);
    c.base.push(placed);
    c.rows += n;
    placed += n;
    most = Math.max(most, n);
  });
  const date = new Date((epoch + 8 * 3600) * 1000).toISOString().slice(0, 10);
  // The highest number of each day of the window, found in the unique index (one probe a day).
  const [row] = await rows<{ top: number | null }>(
    run.kernel.db,
    sql`select max(substr(x.m, 11)::int) as top from generate_series(0, ${days - 1}) as d(i)
        cross join lateral (select max(number) as m from ${sql.raw(table)}
          where number >= ${prefix} || to_char(${date}::date + d.i, 'YYYYMMDD')
            and number < ${prefix} || to_char(${date}::date + d.i + 1, 'YYYYMMDD')) as x
        where length(x.m) = 16 and substr(x.m, 11) >= ${String(SEQ_BLOCK)}`,
  );
  const first = row?.top == null ? SEQ_BLOCK : Number(row.top) + 1;
  if (first + most - 1 > SEQ_MAX)
    throw new InputError('seed.activity.too_many', 'The block of seeded numbers 900000–999999 is full.');
  // Hash input: the row's place in this run, shifted per run so that runs differ.
  const offset = (first - SEQ_BLOCK) * 2 ** 27;
  /** The rows of a chunk: g (row in run), day, seq, day0 (its Beijing midnight, epoch s), h1…hN. */
  const series = (c: (typeof chunks)[number], hashes: number) =>
    sql`select k.g, ${date}::date + x.di as day, ${first}::int + k.j as seq, ${epoch}::bigint + x.di * 86400 as day0,
        ${sql.raw(Array.from({ length: hashes }, (_, i) => `hashint8extended(k.g + ${offset}, ${i + 1}) & 1073741823 as h${i + 1}`).join(', '))}
      from unnest(${ints(c.di)}, ${ints(c.cnt)}, ${ints(c.base)}) as x(di, cnt, base)
      cross join lateral (select x.base + j as g, j from generate_series(0, x.cnt - 1) as j) as k`;
  return { chunks, series, nowS: Math.floor(run.now.getTime() / 1000) };
}

/** Current villages and communities of Fenghua, by code; communities (towns' centres) weigh more. */
function villages() {
  const towns = fenghuaDivisions
    .filter((d) => d.level === 'town' && d.validTo === null)
    .map((d) => d.code)
    .sort();
  const list = fenghuaDivisions
    .filter((d) => d.level === 'village' && d.validTo === null)
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    towns,
    codes: list.map((v) => v.code),
    names: list.map((v) => v.name),
    town: list.map((v) => towns.indexOf(v.parentCode ?? '') + 1),
    table: weightedTable(
      list.map((v, i) => (v.kind === '社区' ? 5 : 1) * (1 + ((i * 37) % 9))),
      8192,
    ),
  };
}

async function departments(kernel: Kernel, towns: readonly string[]) {
  const found = await rows<{ id: string; code: string }>(
    kernel.db,
    sql`select id, code from org_department where active order by sort, code`,
  );
  if (!found.length)
    throw new InputError('seed.activity.no_departments', 'Load the Fenghua region first (zhizhi seed).');
  const byCode = new Map(found.map((d) => [d.code, d.id]));
  const any = found.map((d) => d.id);
  const district = GOVERNANCE_PLATFORMS.map((p, i) => byCode.get(DISTRICT_UNIT[p]) ?? any[i % any.length]);
  const townUnits = towns.flatMap((t) =>
    GOVERNANCE_PLATFORMS.map((p, i) => byCode.get(`${p}-${t.slice(0, 9)}`) ?? district[i]),
  );
  return { any, district, townUnits };
}

/**
 * Adds synthetic governance events and service applications at scale (for benchmarks of the
 * indicators): realistic, consistent rows over the last three (events) and two (applications)
 * years. Declares the governance case types (as that module does at start) and loads the Fenghua
 * service catalogue when no matter exists; the region (divisions, departments) must be loaded.
 * Each call adds rows; see "Numbers" above.
 */
export async function seedScaleActivity(kernel: Kernel, options: SeedScaleActivityOptions) {
  const events = Math.max(0, Math.floor(options.events));
  const applications = Math.max(0, Math.floor(options.applications));
  const total = events + applications;
  const now = options.now ?? kernel.clock.now();
  const progress = { done: 0, total, report: options.onProgress };
  const result: SeedScaleActivityResult = { events: 0, coCases: 0, redispatches: 0, applications: 0 };
  if (!total) return result;
  const chunk = kernel.database.dialect === 'postgres' ? 200_000 : 50_000;
  const run: Run = { kernel, now, chunk, v: villages(), progress, result };
  if (events) await seedEvents(run, events);
  if (applications) await seedApplications(run, applications);
  await kernel.transaction((tx) =>
    recordAudit(tx, kernel.clock, {
      actor: systemActor,
      action: 'cases.synthetic.seeded',
      subjectType: 'region',
      subjectId: FENGHUA_DISTRICT_CODE,
      data: { ...result },
    }),
  );
  return result;
}

type Run = {
  kernel: Kernel;
  now: Date;
  chunk: number;
  v: ReturnType<typeof villages>;
  progress: { done: number; total: number; report?: (done: number, total: number) => void };
  result: SeedScaleActivityResult;
};

async function seedEvents(run: Run, count: number) {
  const { kernel, v, progress, result } = run;
  // Declared as the governance module does at every start (an unchanged type adds no version).
  const coVersion = (await kernel.cases.defineCaseType(kernel.db, governanceCoType)).version;
  const eventVersion = (await kernel.cases.defineCaseType(kernel.db, governanceEventType)).version;
  const dept = await departments(kernel, v.towns);
  const leaves = DEFAULT_CATEGORIES.filter((c) => !DEFAULT_CATEGORIES.some((d) => d.parentCode === c.code));
  const platform = (p: string) => Math.max(1, GOVERNANCE_PLATFORMS.indexOf(p as never) + 1);
  const { chunks, series, nowS } = await plan(run, count, EVENTS);
  const h = (k: number) => sql.raw(`h${k}`);
  const village = sql`(${texts(v.codes)})[vi]`;
  const villageName = sql`(${texts(v.names)})[vi]`;
  const catName = sql`(${texts(leaves.map((c) => c.nameZh))})[ci]`;
  const catCode = sql`(${texts(leaves.map((c) => c.code))})[ci]`;
  const title = sql`${catName} || '：' || ${villageName}`;
  const description = sql`${villageName} || ${catName} || '，请核实处置。'`;
  const resultText = sql`'已安排人员现场处置完毕，经复查问题已解决。'`;
  const dueS = 'lim * 120960'; // the promised working days as calendar days (× 7/5), in seconds
  for (const c of chunks) {
    const [done] = await rows<{ n: number; co: number; rd: number }>(
      kernel.db,
      sql`with r as (${series(c, 6)}), a as (
          select r.*, ${pick(v.table, h(1))} as vi,
            ${pick(weightedTable(leaves.map((c) => CATEGORY_WEIGHT[c.code] ?? 2)), sql`h1 >> 13`)} as ci,
            day0 + case when (h2 & 15) < 14 then 27000 + (h2 >> 4) % 45000 else (h2 >> 4) % 77400 end as t0,
            ((h3 >> 10) & 1023) < 72 as late0,
            case when ((h4 >> 7) & 1023) < 31 then 1 when ((h4 >> 7) & 1023) < 51 then 2 else 0 end as x
          from r
        ), b as (
          select a.*, (${ints(leaves.map((c) => c.limitDays))})[ci] as lim,
            (${ints(leaves.map((c) => platform(c.platform)))})[ci] as pi, (${ints(v.town)})[vi] as ti
          from a
        ), c as (
          select b.*, case when late0 then ${sql.raw(dueS)} + 3600 + h5 % (2 * ${sql.raw(dueS)})
              else 1800 + h5 % (${sql.raw(dueS)} - 1800) end as dur
          from b
        ), d as (
          -- ~85% closed: 60% of the last 90 days' events, 88% of older ones.
          select c.*, (h3 & 1023) < case when t0 > ${nowS}::bigint - 7776000 then 614 else 900 end and t0 + dur < ${nowS} as closed,
            (${uuids(dept.townUnits)})[(ti - 1) * 4 + pi] as town_unit, (${uuids(dept.district)})[pi] as district_unit
          from c
        ), src as materialized (
          select d.g, d.day, d.seq, d.vi, d.ci, d.t0, d.dur, d.lim, d.x, d.h5, d.h6, d.closed, d.late0,
            ${uuidv7('t0')} as id,
            case when closed then case when ((h3 >> 20) & 1023) < 460 and t0 + dur + 259200 < ${nowS} then 'rated' else 'closed' end
              else ${choose(OPEN_STATES, h(6))} end as s0,
            case when (h4 & 127) < 90 then town_unit when (h4 & 127) < 115 then district_unit
              else (${uuids(dept.any)})[(1 + (h6 >> 20) % ${dept.any.length})::int] end as dep,
            case when (h4 & 127) < 90 then district_unit else town_unit end as other
          from d
        ), e as (
          select src.*, case when s0 = 'reported' and x > 0 then 'dispatched'
              when s0 = 'awaiting_co' and x <> 1 then 'handling' else s0 end as state
          from src
        ), ev as (
          insert into cases_case (id, number, type_code, type_version, state, version, title, data,
            division_code, department_id, opened_at, updated_at, closed_at, meta, due_at, warn_at, late)
          select id, 'SJ' || to_char(day, 'YYYYMMDD') || seq, ${EVENT_TYPE}::text, ${eventVersion}::int, state,
            case state when 'reported' then 1 when 'dispatched' then 2 when 'handling' then 3 when 'returned' then 3
              when 'closed' then 4 when 'rated' then 5 else 4 end + case when x = 2 then 2 else 0 end,
            ${title},
            jsonb_build_object('category', ${catCode}, 'description', ${description}, 'channel',
              ${choose(EVENT_CHANNELS, sql`h6 >> 10`)})
              || case when closed then jsonb_build_object('result', ${resultText}) else '{}'::jsonb end
              || case when state = 'rated' then jsonb_build_object('rating',
                ${choose(RATINGS, sql`h5 >> 12`)}) else '{}'::jsonb end,
            ${village}, case when state = 'reported' then null else dep end,
            to_timestamp(t0),
            to_timestamp(case when state = 'rated' then t0 + dur + 3600 + h6 % 172800 when closed then t0 + dur
              when state = 'reported' then t0 else least(t0 + 7200 + h6 % 7200, ${nowS}) end),
            case when closed then to_timestamp(t0 + dur) end,
            case when state = 'reported' then '{}'::jsonb else jsonb_build_object('limits', jsonb_build_object('handle', lim)) end,
            case when state in ('dispatched', 'handling', 'awaiting_info', 'awaiting_co') then to_timestamp(t0 + ${sql.raw(dueS)}) end,
            case when state in ('dispatched', 'handling', 'awaiting_co') then to_timestamp(t0 + ${sql.raw(dueS)} * 4 / 5) end,
            case when closed then late0 end
          from e returning 1
        ), co as (
          insert into cases_case (id, number, type_code, type_version, state, version, title, data,
            division_code, department_id, opened_at, updated_at, closed_at, parent_id, parent_role, meta, due_at, warn_at, late)
          select ${uuidv7('t0 + least(600 + h5 % 5400, dur / 2)')}, 'XB' || to_char(day, 'YYYYMMDD') || seq, ${CO_TYPE}::text, ${coVersion}::int,
            case when closed then 'done' when h6 % 3 = 0 then 'open' else 'handling' end,
            case when closed then 3 when h6 % 3 = 0 then 1 else 2 end,
            ${title},
            jsonb_build_object('category', ${catCode}, 'description', ${description})
              || case when closed then jsonb_build_object('result', '已配合完成协办事项。') else '{}'::jsonb end,
            ${village}, case when other = dep then (${uuids(dept.any)})[(1 + (h6 >> 21) % ${dept.any.length})::int] else other end,
            to_timestamp(t0 + least(600 + h5 % 5400, dur / 2)),
            to_timestamp(case when closed then t0 + dur * 9 / 10 else t0 + least(600 + h5 % 5400, dur / 2) end),
            case when closed then to_timestamp(t0 + dur * 9 / 10) end,
            id, 'co', '{}'::jsonb,
            case when not closed then to_timestamp(t0 + least(600 + h5 % 5400, dur / 2) + 604800) end,
            case when not closed then to_timestamp(t0 + least(600 + h5 % 5400, dur / 2) + 483840) end,
            case when closed then dur * 9 / 10 - least(600 + h5 % 5400, dur / 2) > 604800 end
          from e where x = 1 returning 1
        ), rd as (
          insert into cases_history (id, case_id, transition, from_state, to_state, actor_type, actor_name, at, note, data, meta)
          select ${uuidv7('t0 + least(1800 + h5 % 5400, dur / 3)')}, id, 'redispatch', 'returned', 'dispatched', 'system', 'scale-seed',
            to_timestamp(t0 + least(1800 + h5 % 5400, dur / 3)),
            '原承办单位退单：不属于本单位职责，改派至责任单位。', '{}'::jsonb,
            jsonb_build_object('departmentFrom', case when other = dep then null else other end, 'departmentId', dep)
          from e where x = 2 returning 1
        )
        select (select count(*) from ev)::int as n, (select count(*) from co)::int as co, (select count(*) from rd)::int as rd`,
    );
    result.events += done.n;
    result.coCases += done.co;
    result.redispatches += done.rd;
    progress.done += done.n;
    progress.report?.(progress.done, progress.total);
  }
}

const DAYS: Record<string, number> = { working_days: 7 / 5, days: 1, months: 30 };

/** One matter as an application template: who may apply, on which channels, its limit, where, what certificates. */
function matterItem(code: string, m: Matter, i: number) {
  const certificates = m.materials.filter((x) => x.required && x.source.kind === 'certificate');
  return {
    codes: [code],
    bundle: null as string | null,
    mask:
      (m.applicantTypes.includes('person') ? 1 : 0) | (m.applicantTypes.some((t) => t !== 'person') ? 2 : 0),
    channels: CHANNELS.reduce((bits, c, k) => bits | (m.channels.includes(c) ? 1 << k : 0), 0),
    seconds:
      m.kind === 'immediate' ? 0 : Math.round(m.promisedLimit.value * DAYS[m.promisedLimit.unit] * 86_400),
    town: m.divisionCodes.includes(FENGHUA_DISTRICT_CODE) ? null : m.divisionCodes[0].slice(0, 9),
    materials: Object.fromEntries(
      certificates.map(({ source, name }) => {
        const certificateType = source.kind === 'certificate' ? source.certificateType : '';
        const certificate = { kind: 'certificate', certificateType, certificateName: name.zh, at: '__AT__' };
        return [`certificate:${certificateType}`, { fileIds: [], certificate }];
      }),
    ) as Record<string, unknown>,
    weight: 1 + ((i * 37) % 23),
  };
}
type Item = ReturnType<typeof matterItem>;

/** Matters (newest versions) and "one thing" bundles as application templates, from the database. */
async function applicationItems(kernel: Kernel): Promise<Item[]> {
  const load = () =>
    rows<{ code: string; definition: Matter }>(
      kernel.db,
      sql`select distinct on (code) code, definition from services_matter order by code, version desc`,
    );
  let matters = await load();
  if (!matters.length) {
    await createCatalogue(kernel).seed({
      fields: fenghuaFieldDictionary,
      matters: fenghuaMatters,
      bundles: fenghuaBundles,
    });
    matters = await load();
  }
  const items = matters.map(({ code, definition }, i) => matterItem(code, definition, i));
  const byCode = new Map(items.map((it) => [it.codes[0], it]));
  const bundles = await rows<{ code: string; definition: Bundle }>(
    kernel.db,
    sql`select code, definition from services_bundle order by code`,
  );
  for (const b of bundles) {
    const members = b.definition.matters.filter((m) => byCode.has(m.matterCode));
    const always = members.filter((m) => !m.when);
    const chosen = [...always, ...members.filter((m) => m.when)].slice(0, Math.max(2, always.length));
    if (chosen.length < 2) continue;
    const parts = chosen.map((m) => byCode.get(m.matterCode)!);
    const mask = parts.reduce((a, p) => a & p.mask, 3);
    items.push({
      codes: chosen.map((m) => m.matterCode),
      bundle: b.code,
      mask: mask || 1,
      channels: parts.reduce((a, p) => a & p.channels, 15),
      seconds: Math.max(...parts.map((p) => p.seconds)),
      town: parts.find((p) => p.town)?.town ?? null,
      materials: Object.assign({}, ...parts.map((p) => p.materials)),
      weight: 0,
    });
  }
  return items;
}

async function seedApplications(run: Run, count: number) {
  const { kernel, v, progress, result } = run;
  const items = await applicationItems(kernel);
  // Per channel: the items offered on it; "one thing" bundles take about 4% of its applications.
  const tables = CHANNELS.map((_, c) => {
    const on = items.map((it) => (it.channels & (1 << c) ? it : null));
    const matterWeight = on.reduce((a, it) => a + (it && !it.bundle ? it.weight : 0), 0);
    const bundleCount = on.filter((it) => it?.bundle).length;
    return weightedTable(
      on.map((it) => (!it ? 0 : it.bundle ? (matterWeight * 0.04) / 0.96 / bundleCount : it.weight)),
      4096,
    );
  });
  const channelTable = weightedTable(CHANNEL_SHARES.map((share, c) => (tables[c].length ? share : 0)));
  const offsets = tables.map((_, c) => tables.slice(0, c).reduce((a, t) => a + t.length, 0));
  const townRange = items.map((it) => {
    const lo = it.town ? v.codes.findIndex((code) => code.startsWith(it.town!)) : -1;
    return lo < 0 ? [0, 0] : [lo + 1, v.codes.filter((code) => code.startsWith(it.town!)).length];
  });
  const { chunks, series, nowS } = await plan(run, count, APPLICATIONS);
  const concluded = sql`status in ('approved', 'refused', 'partly_approved')`;
  // Each stage is materialized: inlined, its expressions would be evaluated again at every use.
  for (const c of chunks) {
    const [done] = await rows<{ n: number }>(
      kernel.db,
      sql`with r as (${series(c, 4)}), a as materialized (
          select r.*, ${pick(channelTable, sql`h1 & 1023`)} as chi from r
        ), b as materialized (
          select a.*, (${ints(tables.flat())})[((${ints(offsets)})[chi] + 1 + (h1 >> 12) % (${ints(tables.map((t) => t.length))})[chi])::int] as it
          from a
        ), c as materialized (
          select b.*, day0 + case when chi in (1, 4) then 30600 + (h2 >> 4) % 32400
              when (h2 & 15) < 14 then 25200 + (h2 >> 4) % 57600 else (h2 >> 4) % 86400 end as ts,
            (${ints(items.map((it) => it.seconds))})[it]::bigint as pd,
            (${ints(items.map((it) => it.mask))})[it] as mask,
            (${ints(items.map((it) => it.codes.length))})[it] > 1 as multi,
            (${ints(townRange.map(([lo]) => lo))})[it] as tlo, (${ints(townRange.map(([, n]) => n))})[it] as tn,
            ${choose(STATUSES, sql`h4 & 1023`)} as st0
          from b
        ), d as materialized (
          select c.*, case when pd = 0 then 300 + h3 % 3300 else 3600 + (((h3 >> 10) * pd) >> 20) end as dur from c
        ), src as materialized (
          select d.*, case when st0 in ('approved', 'refused', 'partly_approved') and ts + dur < ${nowS}
              then case when st0 = 'partly_approved' and not multi then 'approved' else st0 end
              when st0 = 'supplement' then st0 else 'submitted' end as status
          from d
        ), ins as (
          insert into services_application (id, number, bundle_code, matter_codes, applicant_kind, applicant_registry_id,
            channel, division_code, status, materials, version, created_at, updated_at, submitted_at, concluded_at)
          select ${uuidv7('ts - 60 - h3 % 1740')}, 'BJ' || to_char(day, 'YYYYMMDD') || seq,
            (${texts(items.map((it) => it.bundle))})[it],
            (${texts(items.map((it) => JSON.stringify(it.codes)))})[it]::jsonb,
            case mask when 1 then 'citizen' when 2 then 'enterprise'
              else case when (h1 >> 28) = 0 then 'enterprise' else 'citizen' end end,
            gen_random_uuid(), (${texts([...CHANNELS])})[chi],
            case when tn > 0 then (${texts(v.codes)})[(tlo + (h3 >> 20) % tn)::int]
              else (${texts(v.codes)})[${pick(v.table, sql`h4 >> 10`)}] end,
            status,
            case when (h4 >> 24) % 10 < case when chi = 1 then 4 else 7 end
              then replace((${texts(items.map((it) => JSON.stringify(it.materials)))})[it], '__AT__',
                to_char(to_timestamp(ts - 60) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"'))::jsonb
              else '{}'::jsonb end,
            case status when 'submitted' then 1 when 'supplement' then 2 else 3 end,
            to_timestamp(ts - 60 - h3 % 1740),
            to_timestamp(case when ${concluded} then ts + dur
              when status = 'supplement' then least(ts + 3600 + h4 % 86400, ${nowS}) else ts end),
            to_timestamp(ts), case when ${concluded} then to_timestamp(ts + dur) end
          from src returning 1
        )
        select count(*)::int as n from ins`,
    );
    result.applications += done.n;
    progress.done += done.n;
    progress.report?.(progress.done, progress.total);
  }
}
