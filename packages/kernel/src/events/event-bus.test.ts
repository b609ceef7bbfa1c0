import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { type Database, rows } from '../db';
import { createTestDatabase } from '../testing';
import { createEventBus, type DeliveredEvent } from '.';

describe('event bus with transactional outbox', () => {
  let database: Database;
  const clock = new ManualClock();
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('delivers an event only when its transaction commits, once, in order', async () => {
    const bus = createEventBus({ db: database.db, clock, dialect: database.dialect });
    const seen: string[] = [];
    bus.subscribe('*', (e: DeliveredEvent) => {
      seen.push(`${e.type}:${(e.payload as { n: number }).n}`);
    });
    await database.db.transaction(async (tx) => {
      await bus.publish(tx, 'test.a' as never, { n: 1 } as never);
      await bus.publish(tx, 'test.b' as never, { n: 2 } as never);
    });
    await expect(
      database.db.transaction(async (tx) => {
        await bus.publish(tx, 'test.rolled_back' as never, { n: 3 } as never);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await bus.dispatch()).toBe(2);
    expect(await bus.dispatch()).toBe(0);
    expect(seen).toEqual(['test.a:1', 'test.b:2']);
  });

  it('keeps a failed event for retry, recording the error, and does not skip past it', async () => {
    const bus = createEventBus({ db: database.db, clock, dialect: database.dialect });
    let fail = true;
    const seen: number[] = [];
    bus.subscribe('*', (e: DeliveredEvent) => {
      if (fail && (e.payload as { n: number }).n === 10) throw new Error('handler down');
      seen.push((e.payload as { n: number }).n);
    });
    await database.db.transaction(async (tx) => {
      await bus.publish(tx, 'test.c' as never, { n: 10 } as never);
      await bus.publish(tx, 'test.d' as never, { n: 11 } as never);
    });
    expect(await bus.dispatch()).toBe(0);
    const [row] = await rows(
      database.db,
      sql`select attempts, last_error from events_outbox where dispatched_at is null order by seq limit 1`,
    );
    expect(row).toEqual({ attempts: 1, last_error: 'handler down' });
    fail = false;
    expect(await bus.dispatch()).toBe(2);
    expect(seen).toEqual([10, 11]);
  });
});
