// What timers.bench.ts and its worker processes (timers.worker.ts) share: the bench timer's kind
// and handler, the firing log table, and bulk inserts straight into jobs_job.
import { sql } from 'drizzle-orm';
import type { Executor } from '@zhizhi/kernel/db';
import type { JobHandler } from '@zhizhi/kernel/jobs';

/** The bench's own timer kind; the 1M pending timers use the case engine's `cases.clock.check`. */
export const TIMER_KIND = 'bench.timer.fire';
export const CLOCK_CHECK_KIND = 'cases.clock.check';

/** One row per handler run. No unique constraint: a timer fired twice shows as two rows. */
export async function createFiringLog(executor: Executor) {
  await executor.execute(sql`
    create table if not exists bench_timer_firing (
      job_id uuid not null,
      worker text not null,
      round int not null,
      run_at timestamptz not null,
      fired_at timestamptz not null,
      delay_ms double precision not null
    )`);
}

/**
 * The bench timer's handler: logs the firing and its delay (handler start − runAt) in the job's
 * own transaction, as every kernel job handler must (another connection would wait on it).
 */
export function recordFiring(worker: string, onFired: () => void = () => {}): JobHandler {
  return async (payload, { tx, job }) => {
    const firedAt = Date.now();
    await tx.execute(sql`
      insert into bench_timer_firing (job_id, worker, round, run_at, fired_at, delay_ms)
      values (${job.id}, ${worker}, ${Number(payload.round)}, ${job.runAt.toISOString()},
              ${new Date(firedAt).toISOString()}, ${firedAt - job.runAt.getTime()})`);
    onFired();
  };
}

let batches = 0;

/**
 * A time-ordered id like the kernel's UUIDv7 (`newId`): the insert time in ms, then the batch
 * and row number, so a bulk insert appends to the primary key like real enqueues do.
 */
function orderedId(batch: number) {
  return sql`(lpad(to_hex(${Date.now()}::bigint), 12, '0') || '7' || lpad(to_hex(${batch}::int), 3, '0')
    || lpad(to_hex(i), 16, '0'))::uuid`;
}

/**
 * Enqueues `count` bench timers due from `firstAt`, one every `stepMs`, in one statement. Every
 * column of jobs_job is written as `jobs.enqueue` writes it (no dedupe key, 5 attempts).
 */
export async function insertTimers(
  executor: Executor,
  options: { count: number; firstAt: Date; stepMs: number; round: number },
) {
  const batch = ++batches;
  await executor.execute(sql`
    insert into jobs_job (id, kind, payload, run_at, status, attempts, max_attempts, last_error,
                          dedupe_key, schedule_id, created_at, finished_at)
    select ${orderedId(batch)}, ${TIMER_KIND}, jsonb_build_object('round', ${options.round}::int, 'i', i),
           ${options.firstAt.toISOString()}::timestamptz + (i * ${options.stepMs}::float8) * interval '1 millisecond',
           'pending', 0, 5, null, null, null, now(), null
    from generate_series(0, ${options.count - 1}::int) as i`);
}

/**
 * Enqueues `count` future case-clock timers the way the case engine does (warning and overdue
 * per case, payload and dedupe key in its format), due from one hour ahead, one every 5 s
 * (1M span about 58 days). `offset` keeps the ids and keys of successive chunks distinct.
 */
export async function insertPendingClockChecks(executor: Executor, count: number, offset: number) {
  const batch = ++batches;
  await executor.execute(sql`
    insert into jobs_job (id, kind, payload, run_at, status, attempts, max_attempts, last_error,
                          dedupe_key, schedule_id, created_at, finished_at)
    select ${orderedId(batch)}, ${CLOCK_CHECK_KIND},
           jsonb_build_object('caseId', t.case_id, 'clock', 'promised', 'kind', t.kind),
           t.at, 'pending', 0, 5, null,
           'cases:' || t.case_id || ':promised:' || t.kind || ':'
             || to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           null, now(), null
    from (
      select i,
             md5('bench case ' || (i / 2))::uuid as case_id,
             case when i % 2 = 0 then 'warning' else 'overdue' end as kind,
             now() + interval '1 hour' + i * interval '5 seconds' as at
      from generate_series(${offset}::int, ${offset + count - 1}::int) as i
    ) t`);
}
