import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../access';
import { ManualClock } from '../clock';
import type { Database } from '../db';
import { createTestDatabase } from '../testing';
import { listAudit, recordAudit, sealAuditDay, sealAuditDaysUpTo, verifyAudit } from '.';

describe('audit chain', () => {
  let database: Database;
  const clock = new ManualClock('2026-03-02T02:00:00Z');
  beforeEach(async () => {
    database = await createTestDatabase();
    for (let i = 1; i <= 5; i++) {
      await database.db.transaction((tx) =>
        recordAudit(tx, clock, {
          actor: systemActor,
          action: 'test.thing.changed',
          subjectType: 'thing',
          subjectId: String(i),
          data: { i, nested: { b: 2, a: [1, 'x'] }, when: new Date('2026-01-01T00:00:00Z') },
        }),
      );
      clock.advance(1000);
    }
  });
  afterEach(() => database.close());

  it('verifies an untouched chain', async () => {
    const result = await verifyAudit(database.db, clock);
    expect(result).toMatchObject({ ok: true, checked: 5, headSeq: 5, problems: [] });
  });

  it('names an edited entry', async () => {
    await database.db.execute(sql`update audit_entry set data = '{"i": 99}' where seq = 3`);
    const result = await verifyAudit(database.db, clock);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ seq: 3, kind: 'edited' })]);
  });

  it('names a deleted entry by the gap it leaves', async () => {
    await database.db.execute(sql`delete from audit_entry where seq = 2`);
    const result = await verifyAudit(database.db, clock);
    expect(result.problems).toEqual([expect.objectContaining({ seq: 3, kind: 'deleted' })]);
  });

  it('names reordered entries', async () => {
    await database.db.execute(sql`update audit_entry set seq = 100 where seq = 2`);
    await database.db.execute(sql`update audit_entry set seq = 2 where seq = 4`);
    await database.db.execute(sql`update audit_entry set seq = 4 where seq = 100`);
    const result = await verifyAudit(database.db, clock);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.kind)).toContain('reordered');
  });

  it('detects tail deletion against a sealed day', async () => {
    expect(await sealAuditDay(database.db, clock, '2026-03-02')).toMatchObject({ count: 5, lastSeq: 5 });
    await database.db.execute(sql`delete from audit_entry where seq = 5`);
    const result = await verifyAudit(database.db, clock);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'truncated', seq: 5 })]);
  });

  it('pages newest first', async () => {
    const first = await listAudit(database.db, { limit: 2 });
    expect(first.items.map((e) => e.seq)).toEqual([5, 4]);
    const second = await listAudit(database.db, { limit: 2, beforeSeq: first.nextBeforeSeq! });
    expect(second.items.map((e) => e.seq)).toEqual([3, 2]);
  });

  it('writes nothing when the transaction rolls back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await recordAudit(tx, clock, { actor: systemActor, action: 'x', subjectType: 'y' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await verifyAudit(database.db, clock)).checked).toBe(5);
  });

  it('seals every missed day up to yesterday, each once', async () => {
    clock.set('2026-03-04T03:00:00Z');
    await database.db.transaction((tx) =>
      recordAudit(tx, clock, { actor: systemActor, action: 'test.later', subjectType: 'thing' }),
    );
    expect(await sealAuditDaysUpTo(database.db, clock, '2026-03-05')).toBe(2); // 03-02 and 03-04 had entries
    expect(await sealAuditDaysUpTo(database.db, clock, '2026-03-05')).toBe(0);
    expect((await verifyAudit(database.db, clock)).ok).toBe(true);
  });
});
