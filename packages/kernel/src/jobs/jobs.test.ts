import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { type Database, rows } from '../db';
import { createTestDatabase } from '../testing';
import { createJobs } from '.';

describe('jobs', () => {
  let database: Database;
  const clock = new ManualClock('2026-03-02T01:00:00Z');
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`create table test_effect (job text primary key, n int not null)`);
  });
  beforeEach(async () => {
    for (const t of ['jobs_job', 'jobs_schedule', 'test_effect'])
      await database.db.execute(sql.raw(`delete from ${t}`));
  });
  afterAll(() => database.close());

  it('runs a due job once and commits its effect with its completion', async () => {
    const jobs = createJobs({ db: database.db, clock });
    jobs.register('test.effect', async (payload, { tx }) => {
      await tx.execute(sql`insert into test_effect values (${String(payload.name)}, 1)`);
    });
    await jobs.enqueue(database.db, { kind: 'test.effect', payload: { name: 'a' } });
    await jobs.enqueue(database.db, {
      kind: 'test.effect',
      payload: { name: 'later' },
      runAt: new Date('2026-03-03T00:00:00Z'),
    });
    expect(await jobs.runDue()).toBe(1);
    expect(await jobs.runDue()).toBe(0);
    expect(await rows(database.db, sql`select job, n from test_effect`)).toEqual([{ job: 'a', n: 1 }]);
  });

  it('ignores a duplicate enqueue with the same dedupe key', async () => {
    const jobs = createJobs({ db: database.db, clock });
    expect(await jobs.enqueue(database.db, { kind: 'x', dedupeKey: 'k' })).not.toBeNull();
    expect(await jobs.enqueue(database.db, { kind: 'x', dedupeKey: 'k' })).toBeNull();
  });

  it('retries with backoff, rolls back a failed attempt, then marks the job failed', async () => {
    const jobs = createJobs({ db: database.db, clock, backoffMs: 1000 });
    jobs.register('test.flaky', async (_p, { tx }) => {
      await tx.execute(sql`insert into test_effect values ('flaky', 1)`);
      throw new Error('downstream unavailable');
    });
    await jobs.enqueue(database.db, { kind: 'test.flaky', maxAttempts: 2 });
    await jobs.runDue();
    const [first] = await jobs.list();
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'downstream unavailable' });
    expect(first.runAt.getTime()).toBe(clock.now().getTime() + 1000);
    expect(await jobs.runDue()).toBe(0); // not yet due
    clock.advance(1000);
    await jobs.runDue();
    const [second] = await jobs.list();
    expect(second).toMatchObject({ status: 'failed', attempts: 2 });
    expect(await rows(database.db, sql`select * from test_effect`)).toEqual([]);
    await jobs.retry(database.db, second.id);
    expect((await jobs.list())[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('fires a cron schedule once per tick, in Beijing time', async () => {
    const jobs = createJobs({ db: database.db, clock });
    let fired = 0;
    jobs.register('test.nightly', async () => {
      fired++;
    });
    clock.set('2026-03-02T15:00:00Z'); // 23:00 Beijing
    await jobs.schedule(database.db, { name: 'nightly', kind: 'test.nightly', cron: '10 0 * * *' });
    const [s] = await jobs.listSchedules();
    expect(s.nextRunAt.toISOString()).toBe('2026-03-02T16:10:00.000Z'); // 00:10 Beijing
    await jobs.runDue();
    expect(fired).toBe(0);
    clock.set('2026-03-04T16:30:00Z'); // two ticks missed while down
    await Promise.all([jobs.runDue(), createJobs({ db: database.db, clock }).runDue()]);
    await jobs.runDue();
    expect(fired).toBe(1);
  });

  it('leaves a job to a runner that has its handler (a node without it never claims it)', async () => {
    const withHandler = createJobs({ db: database.db, clock });
    const without = createJobs({ db: database.db, clock });
    let ran = 0;
    withHandler.register('test.known', async () => {
      ran++;
    });
    without.register('test.other', async () => {});
    await withHandler.enqueue(database.db, { kind: 'test.known' });
    expect(await without.runDue()).toBe(0);
    const pending = (await withHandler.list()).filter((j) => j.kind === 'test.known');
    expect(pending.map((j) => [j.status, j.attempts])).toEqual([['pending', 0]]);
    await withHandler.runDue();
    expect(ran).toBe(1);
  });

  it('rejects an invalid cron expression with a stable code', async () => {
    const jobs = createJobs({ db: database.db, clock });
    await expect(
      jobs.schedule(database.db, { name: 'bad', kind: 'x', cron: 'every day' }),
    ).rejects.toMatchObject({
      code: 'jobs.schedule.invalid_cron',
    });
  });

  it('keeps a pending tick when an unchanged schedule is declared again at start-up', async () => {
    const jobs = createJobs({ db: database.db, clock });
    let fired = 0;
    jobs.register('test.daily', async () => {
      fired++;
    });
    clock.set('2026-03-02T15:00:00Z');
    await jobs.schedule(database.db, { name: 'daily', kind: 'test.daily', cron: '10 0 * * *' });
    clock.set('2026-03-03T09:00:00Z'); // restarted after the 00:10 tick was missed
    await jobs.schedule(database.db, { name: 'daily', kind: 'test.daily', cron: '10 0 * * *' });
    await jobs.runDue();
    expect(fired).toBe(1);
    await jobs.schedule(database.db, { name: 'daily', kind: 'test.daily', cron: '20 0 * * *' });
    const [s] = await jobs.listSchedules();
    expect(s.nextRunAt.toISOString()).toBe('2026-03-03T16:20:00.000Z');
  });
});
