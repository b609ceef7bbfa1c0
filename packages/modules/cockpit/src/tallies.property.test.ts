import type { Kernel } from '@zhizhi/kernel';
import { newId } from '@zhizhi/kernel/ids';
import { createTestKernel } from '@zhizhi/kernel/testing';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildTallies, recomputeFromSource, refreshFact, storedTallies, type TallyRow } from './tallies';

const DISTRICT = '330213000000';
const DIVISIONS = ['330213001005', '330213100225', '330213001000', '330213100000'];
const CHANNELS = ['window', 'web', 'mobile', 'kiosk'];
const MONTHS = [
  '2025-11-15T02:00:00Z',
  '2025-12-31T17:00:00Z',
  '2026-01-10T03:00:00Z',
  '2026-02-28T16:30:00Z',
];

type Op =
  | { kind: 'open'; division: number; department: number; month: number }
  | { kind: 'close'; target: number; late: boolean; month: number }
  | { kind: 'reopen'; target: number }
  | { kind: 'redispatch'; target: number; department: number }
  | { kind: 'co'; target: number }
  | { kind: 'apply'; division: number; channel: number; matters: number[]; month: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('open' as const),
    division: fc.nat(3),
    department: fc.nat(2),
    month: fc.nat(3),
  }),
  fc.record({
    kind: fc.constant('close' as const),
    target: fc.nat(30),
    late: fc.boolean(),
    month: fc.nat(3),
  }),
  fc.record({ kind: fc.constant('reopen' as const), target: fc.nat(30) }),
  fc.record({ kind: fc.constant('redispatch' as const), target: fc.nat(30), department: fc.nat(2) }),
  fc.record({ kind: fc.constant('co' as const), target: fc.nat(30) }),
  fc.record({
    kind: fc.constant('apply' as const),
    division: fc.nat(3),
    channel: fc.nat(3),
    matters: fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 3 }),
    month: fc.nat(3),
  }),
);

const key = (t: TallyRow) => `${t.measure}|${t.month}|${t.scope_type}|${t.scope_code}`;
const asMap = (list: TallyRow[]) => new Map(list.filter((t) => t.value !== 0).map((t) => [key(t), t.value]));

describe('cockpit counters', () => {
  let kernel: Kernel;
  let close: () => Promise<void>;
  const departments: (string | null)[] = [];
  let serial = 0;

  beforeAll(async () => {
    const t = await createTestKernel();
    kernel = t.kernel;
    close = t.close;
    departments.push(t.departments.rsj.id, t.departments.xikou.id, null);
    // Two matters of rsj and one of the town office; the newest version decides the department.
    for (const [code, version, dep] of [
      ['m1', 1, 'rsj'],
      ['m2', 1, 'rsj'],
      ['m3', 1, 'rsj'],
      ['m3', 2, 'town-330213100'],
    ] as const)
      await kernel.db.execute(sql`insert into services_matter (id, code, version, name_zh, department_code, definition, published_at)
        values (${newId()}, ${code}, ${version}, ${code}, ${dep}, '{}'::jsonb, now())`);
  }, 60_000);
  afterAll(() => close());

  async function reset() {
    await kernel.db.execute(sql`delete from cases_history`);
    await kernel.db.execute(sql`delete from cases_case`);
    await kernel.db.execute(sql`delete from services_application`);
    await kernel.transaction((tx) => rebuildTallies(tx, DISTRICT));
  }

  /** Applies one change to the source tables; returns the rows whose events would be delivered. */
  async function apply(o: Op, events: string[]): Promise<{ source: 'event' | 'application'; id: string }[]> {
    const pick = (n: number) => events[n % Math.max(events.length, 1)];
    if (o.kind === 'open') {
      const id = newId();
      events.push(id);
      await kernel.db.execute(sql`insert into cases_case (id, number, type_code, type_version, state, version, title, data,
          division_code, department_id, opened_at, updated_at)
        values (${id}, ${`SJ${++serial}`}, 'governance_event', 1, 'handling', 1, '测试事件', '{}'::jsonb,
          ${DIVISIONS[o.division]}, ${departments[o.department]}, ${MONTHS[o.month]}::timestamptz, now())`);
      return [{ source: 'event', id }];
    }
    if (o.kind === 'apply') {
      const id = newId();
      await kernel.db.execute(sql`insert into services_application (id, number, matter_codes, applicant_kind, applicant_registry_id,
          channel, division_code, status, created_at, updated_at, submitted_at)
        values (${id}, ${`BJ${++serial}`}, ${JSON.stringify(o.matters.map((m) => `m${m + 1}`))}::jsonb, 'citizen', ${newId()},
          ${CHANNELS[o.channel]}, ${DIVISIONS[o.division]}, 'submitted', now(), now(), ${MONTHS[o.month]}::timestamptz)`);
      return [{ source: 'application', id }];
    }
    const id = pick(o.target);
    if (!id) return [];
    if (o.kind === 'close')
      await kernel.db.execute(sql`update cases_case set closed_at = greatest(opened_at, ${MONTHS[o.month]}::timestamptz),
        late = ${o.late}, state = 'closed' where id = ${id}`);
    if (o.kind === 'reopen')
      await kernel.db.execute(
        sql`update cases_case set closed_at = null, late = null, state = 'handling' where id = ${id}`,
      );
    if (o.kind === 'redispatch') {
      await kernel.db.execute(
        sql`update cases_case set department_id = ${departments[o.department]} where id = ${id}`,
      );
      await kernel.db.execute(sql`insert into cases_history (id, case_id, transition, from_state, to_state, actor_type, at, data)
        values (${newId()}, ${id}, 'redispatch', 'handling', 'handling', 'system', now(), '{}'::jsonb)`);
    }
    if (o.kind === 'co')
      await kernel.db.execute(sql`insert into cases_case (id, number, type_code, type_version, state, version, title, data,
          division_code, department_id, opened_at, updated_at, parent_id, parent_role)
        values (${newId()}, ${`XB${++serial}`}, 'governance_co', 1, 'handling', 1, '协办', '{}'::jsonb,
          ${DIVISIONS[0]}, ${departments[0]}, now(), now(), ${id}, 'co')`);
    return [{ source: 'event', id }];
  }

  it('incremental counters equal a recomputation from source after any series of changes, delivered late, twice or out of order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 25 }),
        fc.array(fc.nat(1000), { maxLength: 40 }),
        async (ops, shuffle) => {
          await reset();
          const events: string[] = [];
          const deliveries: { source: 'event' | 'application'; id: string }[] = [];
          for (const o of ops) deliveries.push(...(await apply(o, events)));
          // Deliver in a scrambled order, some twice (at-least-once delivery).
          const order = [...deliveries];
          shuffle.forEach((s, i) => {
            const j = s % order.length;
            const k = i % order.length;
            [order[j], order[k]] = [order[k], order[j]];
          });
          if (deliveries.length)
            order.push(...shuffle.slice(0, 5).map((s) => deliveries[s % deliveries.length]));
          for (const d of order) await kernel.transaction((tx) => refreshFact(tx, d.source, d.id, DISTRICT));
          const stored = asMap(await storedTallies(kernel.db));
          const fresh = asMap(await recomputeFromSource(kernel.db, DISTRICT));
          expect(stored).toEqual(fresh);
        },
      ),
      { numRuns: 40 },
    );
  }, 240_000);

  it('counts in Beijing months, at the village, town, district and department', async () => {
    await reset();
    const events: string[] = [];
    // 2025-12-31T17:00Z is 2026-01-01 01:00 in Beijing: it counts in January.
    for (const d of await apply({ kind: 'open', division: 0, department: 0, month: 1 }, events))
      await kernel.transaction((tx) => refreshFact(tx, d.source, d.id, DISTRICT));
    const stored = await storedTallies(kernel.db);
    const accepted = stored.filter((t) => t.measure === 'events.accepted');
    expect(accepted.map((t) => `${t.month} ${t.scope_type} ${t.scope_code} ${t.value}`).sort()).toEqual([
      '2026-01-01 department rsj 1',
      '2026-01-01 district 330213000000 1',
      '2026-01-01 town 330213001000 1',
      '2026-01-01 village 330213001005 1',
    ]);
  });
});
