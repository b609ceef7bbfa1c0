import { createKernel, startKernel } from '@zhizhi/kernel';
import { rows } from '@zhizhi/kernel/db';
import { createTestDatabase } from '@zhizhi/kernel/testing';
import { CO_TYPE, EVENT_TYPE } from '@zhizhi/governance';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fenghuaDivisions } from './divisions';
import { seedScaleActivity } from './scale-seed';
import { seedFenghua } from './seed';

const NOW = new Date('2026-03-02T04:00:00Z');
const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const VILLAGES = new Set(
  fenghuaDivisions.filter((d) => d.level === 'village' && d.validTo === null).map((d) => d.code),
);

describe('seedScaleActivity', () => {
  let kernel: ReturnType<typeof createKernel>;
  let first: Awaited<ReturnType<typeof seedScaleActivity>>;
  const progress: [number, number][] = [];
  const q = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => rows<T>(kernel.db, query);
  const one = async (query: ReturnType<typeof sql>) => Number(Object.values((await q(query))[0])[0]);

  beforeAll(async () => {
    const database = await createTestDatabase();
    kernel = createKernel({ database });
    await startKernel(kernel, { migrate: false });
    await seedFenghua(kernel, { dataCatalog: false });
    first = await seedScaleActivity(kernel, {
      events: 2000,
      applications: 500,
      now: NOW,
      onProgress: (done, total) => progress.push([done, total]),
    });
  }, 180_000);
  afterAll(() => kernel.database.close());

  it('adds the rows asked for and reports progress up to the total', async () => {
    expect(first.events).toBe(2000);
    expect(first.applications).toBe(500);
    expect(await one(sql`select count(*) from cases_case where type_code = ${EVENT_TYPE}`)).toBe(2000);
    expect(await one(sql`select count(*) from services_application`)).toBe(500);
    expect(progress.at(-1)).toEqual([2500, 2500]);
  });

  it('places everything in current villages of Fenghua, unevenly', async () => {
    const codes = await q<{ code: string; n: number }>(
      sql`select division_code as code, count(*)::int as n from (
            select division_code from cases_case union all select division_code from services_application) x
          group by 1 order by 2 desc`,
    );
    for (const { code } of codes) expect(VILLAGES.has(code), code).toBe(true);
    expect(codes.length).toBeGreaterThan(150);
    expect(codes[0].n).toBeGreaterThan(4 * codes.at(-1)!.n);
  });

  it('closes about 85% of events, about 7% of them late, in the states the case type knows as final', async () => {
    const [s] = await q<{ closed: number; late: number; bad: number; open_bad: number; depts: number }>(
      sql`select count(*) filter (where closed_at is not null)::int as closed,
            count(*) filter (where late)::int as late,
            count(*) filter (where closed_at is not null and (state not in ('closed', 'rated') or late is null
              or closed_at <= opened_at or closed_at > ${NOW.toISOString()}::timestamptz))::int as bad,
            count(*) filter (where closed_at is null and (state in ('closed', 'rated') or late is not null))::int as open_bad,
            count(*) filter (where department_id is not null
              and department_id not in (select id from org_department))::int as depts
          from cases_case where type_code = ${EVENT_TYPE}`,
    );
    expect(s.closed / 2000).toBeGreaterThan(0.8);
    expect(s.closed / 2000).toBeLessThan(0.9);
    expect(s.late / s.closed).toBeGreaterThan(0.04);
    expect(s.late / s.closed).toBeLessThan(0.1);
    expect(s).toMatchObject({ bad: 0, open_bad: 0, depts: 0 });
    const states = await q<{ state: string }>(
      sql`select distinct state from cases_case where type_code = ${EVENT_TYPE} order by 1`,
    );
    expect(states.map((r) => r.state)).toEqual(
      expect.arrayContaining(['closed', 'rated', 'handling', 'dispatched']),
    );
  });

  it('numbers events and applications like the engine, in the 900000 block, dated on their Beijing day', async () => {
    const numbered = await q<{ number: string; at: string }>(
      sql`select number, opened_at as at from cases_case where type_code = ${EVENT_TYPE}
          union all select number, submitted_at from services_application`,
    );
    const numbers = new Set(numbered.map((r) => r.number));
    expect(numbers.size).toBe(2500);
    for (const { number, at } of numbered) {
      expect(number).toMatch(/^(SJ|BJ)\d{8}9\d{5}$/);
      expect(number.slice(2, 10)).toBe(beijingDate(new Date(at)).replaceAll('-', ''));
      expect(beijingDate(new Date(at)) < beijingDate(NOW)).toBe(true);
    }
    const days = new Set(numbered.filter((r) => r.number.startsWith('SJ')).map((r) => r.number.slice(2, 10)));
    expect(days.size).toBeGreaterThan(800); // spread over three years
  });

  it('gives time-ordered UUIDv7 ids (as the engine does) and more events in the last year than the first', async () => {
    const [x] = await q<{ bad: number; first_year: number; last_year: number }>(
      sql`select count(*) filter (where substr(id::text, 15, 1) <> '7'
              or abs(('x' || lpad(replace(substr(id::text, 1, 13), '-', ''), 16, '0'))::bit(64)::bigint
                - (extract(epoch from opened_at) * 1000)::bigint) > 1000)::int as bad,
            count(*) filter (where opened_at < ${NOW.toISOString()}::timestamptz - interval '2 years')::int as first_year,
            count(*) filter (where opened_at >= ${NOW.toISOString()}::timestamptz - interval '1 year')::int as last_year
          from cases_case where type_code = ${EVENT_TYPE}`,
    );
    expect(x.bad).toBe(0);
    expect(x.last_year).toBeGreaterThan(x.first_year * 1.15);
  });

  it('makes about 5% of events cross-department: a co-handling case or a re-dispatch', async () => {
    const [x] = await q<{ co: number; rd: number; same: number; open_done: number }>(
      sql`select (select count(*) from cases_case k join cases_case p on p.id = k.parent_id
                  where k.type_code = ${CO_TYPE} and k.parent_role = 'co' and p.type_code = ${EVENT_TYPE})::int as co,
            (select count(*) from cases_history h join cases_case p on p.id = h.case_id
              where h.transition = 'redispatch' and p.type_code = ${EVENT_TYPE})::int as rd,
            (select count(*) from cases_case k join cases_case p on p.id = k.parent_id
              where k.parent_role = 'co' and k.department_id = p.department_id)::int as same,
            (select count(*) from cases_case k join cases_case p on p.id = k.parent_id
              where k.parent_role = 'co' and (k.state = 'done') <> (p.closed_at is not null))::int as open_done`,
    );
    expect(x.co).toBe(first.coCases);
    expect(x.rd).toBe(first.redispatches);
    expect(x.co).toBeGreaterThan(20);
    expect(x.rd).toBeGreaterThan(10);
    expect((x.co + x.rd) / 2000).toBeGreaterThan(0.03);
    expect((x.co + x.rd) / 2000).toBeLessThan(0.08);
    expect(x).toMatchObject({ same: 0, open_done: 0 });
  });

  it('gives applications valid channels (mostly web), statuses and matters of the catalogue', async () => {
    const channels = await q<{ channel: string; n: number }>(
      sql`select channel, count(*)::int as n from services_application group by 1 order by 2 desc`,
    );
    expect(channels.map((c) => c.channel).sort()).toEqual(['kiosk', 'mobile', 'web', 'window']);
    expect(channels[0].channel).toBe('web');
    expect(channels[0].n / 500).toBeGreaterThan(0.45);
    const [a] = await q<{ unknown: number; bad_status: number; concluded_bad: number; bundles: number }>(
      sql`select
            count(*) filter (where exists (select 1 from jsonb_array_elements_text(a.matter_codes) m(code)
              where m.code not in (select code from services_matter)))::int as unknown,
            count(*) filter (where status not in ('submitted', 'supplement', 'approved', 'partly_approved', 'refused')
              or applicant_kind not in ('citizen', 'enterprise'))::int as bad_status,
            count(*) filter (where (concluded_at is null) = (status in ('approved', 'partly_approved', 'refused'))
              or concluded_at < submitted_at)::int as concluded_bad,
            count(*) filter (where bundle_code is not null)::int as bundles
          from services_application a`,
    );
    expect(a).toMatchObject({ unknown: 0, bad_status: 0, concluded_bad: 0 });
    expect(a.bundles).toBeGreaterThan(0);
    const approved = await one(sql`select count(*) from services_application where status = 'approved'`);
    expect(approved / 500).toBeGreaterThan(0.5);
  });

  it('adds more rows when run again, numbered above the earlier ones', async () => {
    const before = await one(
      sql`select max(substr(number, 11)::int) from cases_case where type_code = ${EVENT_TYPE}`,
    );
    const again = await seedScaleActivity(kernel, { events: 300, applications: 100, now: NOW });
    expect(again).toMatchObject({ events: 300, applications: 100 });
    expect(
      await one(sql`select count(distinct number) from cases_case where type_code = ${EVENT_TYPE}`),
    ).toBe(2300);
    expect(await one(sql`select count(distinct number) from services_application`)).toBe(600);
    expect(
      await one(sql`select min(substr(number, 11)::int) from cases_case
                    where type_code = ${EVENT_TYPE} and opened_at > ${NOW.toISOString()}::timestamptz - interval '3 years'
                    and substr(number, 11)::int > ${before}`),
    ).toBe(before + 1);
  });
});
