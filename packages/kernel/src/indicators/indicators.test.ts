import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access';
import { casesCase } from '../cases';
import { ManualClock } from '../clock';
import { createTestKernel } from '../testing';
import { periodBounds } from '.';

describe('indicator registry', () => {
  const clock = new ManualClock('2026-03-02T02:00:00Z');
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  beforeAll(async () => {
    t = await createTestKernel({ clock });
    await t.kernel.cases.defineCaseType(t.kernel.db, {
      code: 'test_ticket',
      name: { zh: '工单', en: 'Ticket' },
      numberPrefix: 'GD',
      openPermission: 'x.open',
      readPermission: 'x.read',
      fields: [],
      states: [
        { code: 'open', name: { zh: '处理中', en: 'Open' } },
        { code: 'closed', name: { zh: '已办结', en: 'Closed' }, final: true },
      ],
      initialState: 'open',
      transitions: [
        {
          code: 'close',
          name: { zh: '办结', en: 'Close' },
          from: ['open'],
          to: 'closed',
          permission: 'x.handle',
        },
      ],
    });
    await t.kernel.indicators.define(t.kernel.db, {
      code: 'test.ticket_completion',
      nameZh: '工单办结率',
      nameEn: 'Ticket completion rate',
      unit: 'percent',
      direction: 'higher_better',
      target: 95,
      formula: 'closed ÷ opened in the period, by town',
      owner: 'test',
    });
    // Opened in the period, by township (first 9 digits of the division code), and how many of them are closed.
    t.kernel.indicators.registerComputer('test.ticket_completion', async ({ tx, from, to }) => {
      const town = sql<string>`substr(${casesCase.divisionCode}, 1, 9) || '000'`;
      const found = await tx
        .select({ town, opened: count(), closed: sql<number>`count(${casesCase.closedAt})` })
        .from(casesCase)
        .where(
          and(
            eq(casesCase.typeCode, 'test_ticket'),
            gte(casesCase.openedAt, from),
            lt(casesCase.openedAt, to),
          ),
        )
        .groupBy(town);
      return found.map((r) => ({
        scopeType: 'division' as const,
        scopeCode: r.town,
        numerator: Number(r.closed),
        denominator: Number(r.opened),
      }));
    });
  });
  afterAll(() => t.close());

  it('knows Beijing-time period bounds', () => {
    expect(periodBounds('day', '2026-03-02')).toEqual({
      from: new Date('2026-03-01T16:00:00Z'),
      to: new Date('2026-03-02T16:00:00Z'),
    });
    expect(periodBounds('month', '2026-12-01').to).toEqual(new Date('2026-12-31T16:00:00Z'));
  });

  it('computes per-scope values, and a recomputation replaces them', async () => {
    const open = (divisionCode: string) =>
      t.kernel.cases.openCase(systemActor, {
        typeCode: 'test_ticket',
        title: '工单',
        divisionCode,
        data: {},
      });
    const a = await open('330213100225');
    await open('330213100225');
    await open('330213001005');
    await t.kernel.cases.transition(systemActor, a.id, { transition: 'close', expectedVersion: 1 });
    await t.kernel.db.transaction((tx) =>
      t.kernel.indicators.compute(tx, 'test.ticket_completion', 'day', '2026-03-02'),
    );
    const values = await t.kernel.indicators.latest('test.ticket_completion', 'day', 'division');
    expect(values.map((v) => [v.scopeCode, v.value])).toEqual([
      ['330213001000', 0],
      ['330213100000', 50],
    ]);
    const c = await open('330213001005');
    await t.kernel.cases.transition(systemActor, c.id, { transition: 'close', expectedVersion: 1 });
    await t.kernel.db.transaction((tx) =>
      t.kernel.indicators.compute(tx, 'test.ticket_completion', 'day', '2026-03-02'),
    );
    const [jinping] = await t.kernel.indicators.series('test.ticket_completion', {
      period: 'day',
      scopeType: 'division',
      scopeCode: '330213001000',
    });
    expect(jinping).toMatchObject({ numerator: 1, denominator: 2, value: 50, revisions: 1 });
  });

  it('runs every registered indicator from the nightly job for yesterday and this month', async () => {
    clock.set('2026-03-03T01:00:00Z'); // 09:00 Beijing on 3 March; the 01:30 tick of the 3rd is due
    await t.kernel.jobs.runDue();
    expect((await t.kernel.indicators.latest('test.ticket_completion', 'month', 'division')).length).toBe(2);
  });

  it('refuses a malformed definition', async () => {
    await expect(
      t.kernel.indicators.define(t.kernel.db, { code: 'X', nameZh: '', unit: 'furlongs' }),
    ).rejects.toMatchObject({ code: 'indicators.definition.invalid' });
  });
});
