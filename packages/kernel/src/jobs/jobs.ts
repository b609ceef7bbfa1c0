import { CronExpressionParser } from 'cron-parser';
import { and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Db, Executor, Tx } from '../db/types';
import { ConflictError, InputError, NotFoundError, safeErrorMessage } from '../errors';
import { newId } from '../ids';
import { jobsJob, jobsSchedule } from './schema';

/** Jobs claimed per batch; the runner keeps going while batches come back full. */
const BATCH = 100;

/**
 * What a handler gets: the job, and the transaction its completion commits in. A handler must do
 * all its database work through `tx`: on PGlite (one connection) any other query waits forever.
 */
export interface JobContext {
  tx: Tx;
  job: typeof jobsJob.$inferSelect;
}
export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;

export interface EnqueueOptions {
  kind: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  /** A second enqueue with the same key is a no-op. */
  dedupeKey?: string;
  maxAttempts?: number;
}

export interface ScheduleOptions {
  name: string;
  kind: string;
  /** Five- or six-field cron expression. */
  cron: string;
  timezone?: string;
  payload?: Record<string, unknown>;
}

export interface JobsOptions {
  db: Db;
  clock: Clock;
  logger?: Logger;
  /** Base of the exponential retry delay. */
  backoffMs?: number;
}

/** Retry delay after the n-th failure: base · 2^(n−1), capped at one hour. */
export function backoffDelay(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** (attempt - 1), 3_600_000);
}

function nextCronRun(cron: string, timezone: string, after: Date): Date {
  try {
    return CronExpressionParser.parse(cron, { currentDate: after, tz: timezone }).next().toDate();
  } catch (error) {
    throw new InputError(
      'jobs.schedule.invalid_cron',
      `Invalid cron expression "${cron}": ${(error as Error).message}`,
    );
  }
}

/**
 * Durable jobs and cron schedules in the database. A due job is claimed with
 * FOR UPDATE SKIP LOCKED and its handler runs in the claiming transaction, so the job's
 * effects and its completion commit together: each job takes effect exactly once, on one node.
 */
export function createJobs(options: JobsOptions) {
  const { db, clock } = options;
  const handlers = new Map<string, JobHandler>();
  const backoffMs = options.backoffMs ?? 5_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  function register(kind: string, handler: JobHandler) {
    handlers.set(kind, handler);
  }

  async function enqueue(executor: Executor, job: EnqueueOptions) {
    const id = newId();
    const inserted = await executor
      .insert(jobsJob)
      .values({
        id,
        kind: job.kind,
        payload: job.payload ?? {},
        runAt: job.runAt ?? clock.now(),
        dedupeKey: job.dedupeKey ?? null,
        maxAttempts: job.maxAttempts ?? 5,
        createdAt: clock.now(),
      })
      .onConflictDoNothing()
      .returning({ id: jobsJob.id });
    return inserted[0]?.id ?? null;
  }

  async function schedule(executor: Executor, s: ScheduleOptions) {
    const timezone = s.timezone ?? 'Asia/Shanghai';
    const nextRunAt = nextCronRun(s.cron, timezone, clock.now());
    await executor
      .insert(jobsSchedule)
      .values({
        id: newId(),
        name: s.name,
        kind: s.kind,
        cron: s.cron,
        timezone,
        payload: s.payload ?? {},
        nextRunAt,
        createdAt: clock.now(),
      })
      .onConflictDoUpdate({
        target: jobsSchedule.name,
        // Re-declaring an unchanged schedule at start-up keeps its pending tick, so a tick missed
        // while the platform was down still fires once.
        set: {
          kind: s.kind,
          cron: s.cron,
          timezone,
          payload: s.payload ?? {},
          nextRunAt: sql`case when ${jobsSchedule.cron} = ${s.cron} and ${jobsSchedule.timezone} = ${timezone} then ${jobsSchedule.nextRunAt} else ${nextRunAt.toISOString()}::timestamptz end`,
        },
      });
  }

  /** Turns due schedule ticks into jobs (one per tick, deduplicated across nodes). */
  async function fireSchedules(): Promise<void> {
    await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(jobsSchedule)
        .where(and(eq(jobsSchedule.enabled, true), lte(jobsSchedule.nextRunAt, clock.now())))
        .for('update', { skipLocked: true });
      for (const s of due) {
        await enqueue(tx, {
          kind: s.kind,
          payload: s.payload,
          runAt: s.nextRunAt,
          dedupeKey: `schedule:${s.id}:${s.nextRunAt.toISOString()}`,
        });
        // Missed ticks while down fire once, not once per missed tick.
        const next = nextCronRun(s.cron, s.timezone, clock.now());
        await tx
          .update(jobsSchedule)
          .set({ lastRunAt: clock.now(), nextRunAt: next })
          .where(eq(jobsSchedule.id, s.id));
      }
    });
  }

  /**
   * Claims and runs one due job of a kind this runner has a handler for; false when none is due.
   * A node without the handler (e.g. an older version during a rolling deploy) leaves the job to
   * one that has it instead of failing it.
   */
  async function runOne(): Promise<boolean> {
    if (!handlers.size) return false;
    let failure: { id: string; attempts: number; maxAttempts: number; message: string } | null = null;
    const ran = await db.transaction(async (tx) => {
      const [job] = await tx
        .select()
        .from(jobsJob)
        .where(
          and(
            eq(jobsJob.status, 'pending'),
            lte(jobsJob.runAt, clock.now()),
            inArray(jobsJob.kind, [...handlers.keys()]),
          ),
        )
        .orderBy(asc(jobsJob.runAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!job) return false;
      const handler = handlers.get(job.kind)!;
      try {
        await tx.transaction(async (inner) => handler(job.payload, { tx: inner, job }));
        await tx
          .update(jobsJob)
          .set({ status: 'done', attempts: job.attempts + 1, finishedAt: clock.now(), lastError: null })
          .where(eq(jobsJob.id, job.id));
      } catch (error) {
        failure = {
          id: job.id,
          attempts: job.attempts + 1,
          maxAttempts: job.maxAttempts,
          message: safeErrorMessage(error),
        };
        const done = failure.attempts >= job.maxAttempts;
        await tx
          .update(jobsJob)
          .set({
            status: done ? 'failed' : 'pending',
            attempts: failure.attempts,
            lastError: failure.message.slice(0, 1000),
            runAt: done
              ? job.runAt
              : new Date(clock.now().getTime() + backoffDelay(failure.attempts, backoffMs)),
            finishedAt: done ? clock.now() : null,
          })
          .where(eq(jobsJob.id, job.id));
      }
      return true;
    });
    if (failure) options.logger?.warn({ jobId: (failure as { id: string }).id }, 'job failed');
    return ran;
  }

  /** Fires due schedules, then runs due jobs until none is left or `limit` ran. */
  function runDue(limit = BATCH): Promise<number> {
    if (running) return running;
    running = (async () => {
      await fireSchedules();
      let n = 0;
      while (n < limit && (await runOne())) n++;
      return n;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  let draining = false;
  /** Runs batches back to back while a backlog lasts (a burst of due timers), yielding between them. */
  async function drain() {
    if (draining) return;
    draining = true;
    try {
      while (timer && (await runDue(BATCH)) === BATCH) await new Promise((resolve) => setImmediate(resolve));
    } catch (error) {
      options.logger?.error({ err: safeErrorMessage(error) }, 'job runner failed');
    } finally {
      draining = false;
    }
  }

  function start(intervalMs = 1000) {
    if (timer) return;
    timer = setInterval(() => void drain(), intervalMs);
    timer.unref();
  }

  /** Deletes finished jobs older than `before` (they are kept a while for the admin page). */
  async function purgeDone(executor: Executor, before: Date): Promise<number> {
    const removed = await executor
      .delete(jobsJob)
      .where(and(eq(jobsJob.status, 'done'), lt(jobsJob.finishedAt, before)))
      .returning({ id: jobsJob.id });
    return removed.length;
  }

  async function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    await running;
  }

  async function list(filter: { status?: string; limit?: number } = {}) {
    return db
      .select()
      .from(jobsJob)
      .where(filter.status ? eq(jobsJob.status, filter.status) : undefined)
      .orderBy(desc(jobsJob.createdAt))
      .limit(Math.min(filter.limit ?? 200, 1000));
  }

  async function listSchedules() {
    return db.select().from(jobsSchedule).orderBy(asc(jobsSchedule.name));
  }

  async function retry(executor: Executor, id: string) {
    const [job] = await executor.select().from(jobsJob).where(eq(jobsJob.id, id));
    if (!job) throw new NotFoundError('jobs.job.not_found', 'No such job.');
    if (job.status !== 'failed')
      throw new ConflictError('jobs.job.not_failed', 'Only a failed job can be retried.');
    await executor
      .update(jobsJob)
      .set({
        status: 'pending',
        attempts: 0,
        runAt: clock.now(),
        finishedAt: null,
        maxAttempts: sql`greatest(${jobsJob.maxAttempts}, 1)`,
      })
      .where(eq(jobsJob.id, id));
  }

  return { register, enqueue, schedule, runDue, start, stop, list, listSchedules, retry, purgeDone };
}

export type Jobs = ReturnType<typeof createJobs>;
