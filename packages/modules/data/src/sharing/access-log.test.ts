import { createTestKernel } from '@zhizhi/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessEntry, createAccessMeter, verifyAccessLog } from './access-log';
import { decodeMatterHeader } from './gateway';
import { dataAccessLog, dataGrantUsage } from './schema';

const GRANT = '0190a0a0-0000-7000-8000-000000000001';
const entry = (over: Partial<AccessEntry> = {}): AccessEntry => ({
  consumerDepartmentId: null,
  grantId: GRANT,
  resourceId: null,
  items: ['town'],
  rowsReturned: 3,
  latencyMs: 1,
  matterCode: '许可-00001-001',
  accessor: 'a1',
  status: 200,
  code: null,
  ...over,
});

describe('access meter (group commit)', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  beforeAll(async () => {
    t = await createTestKernel();
  });
  afterAll(() => t.close());

  it('writes concurrent calls in few flushes, chained in order, with the day counters', async () => {
    const meter = createAccessMeter({
      clock: t.clock,
      transaction: (work) => t.database.db.transaction(work),
    });
    for (let i = 0; i < 40; i++) meter.begin();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        meter.record(
          entry(i % 10 === 0 ? { status: 403, code: 'data.share.item_not_approved', rowsReturned: 0 } : {}),
        ),
      ),
    );
    expect(meter.stats().flushes).toBeLessThanOrEqual(2);
    const rows = await t.database.db.select().from(dataAccessLog).orderBy(dataAccessLog.seq);
    expect(rows).toHaveLength(40);
    expect(await verifyAccessLog(t.database.db)).toEqual({ ok: true, checked: 40, problems: [] });
    const [usage] = await t.database.db.select().from(dataGrantUsage);
    expect(usage).toMatchObject({ grantId: GRANT, day: '2026-03-02', calls: 36, rows: 108, denied: 4 });
  });

  it('answers no call whose flush failed: every waiting call is rejected and nothing is written', async () => {
    let fail = true;
    const meter = createAccessMeter({
      clock: t.clock,
      transaction: (work) =>
        t.database.db.transaction(async (tx) => {
          const result = await work(tx);
          if (fail) throw new Error('disk full');
          return result;
        }),
    });
    const outcomes = await Promise.allSettled([meter.record(entry()), meter.record(entry())]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(await t.database.db.$count(dataAccessLog)).toBe(40);
    fail = false;
    await meter.record(entry());
    expect((await verifyAccessLog(t.database.db)).checked).toBe(41);
  });

  it('reads the matter code from a percent-encoded or a raw UTF-8 header', () => {
    expect(decodeMatterHeader(encodeURIComponent('许可-00001-001'))).toBe('许可-00001-001');
    expect(decodeMatterHeader(Buffer.from('给付-00003-001', 'utf8').toString('latin1'))).toBe(
      '给付-00003-001',
    );
    expect(decodeMatterHeader('许可-00001-001')).toBe('许可-00001-001');
    expect(decodeMatterHeader('%E4%ZZ')).toBe('%E4%ZZ');
  });
});
