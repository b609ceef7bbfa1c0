// Exactly-once firing from two server processes sharing PostgreSQL, against one process: the
// multi-process part of the timers bench (bench/timers.bench.ts runs it).
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, rows, runMigrations } from '@zhizhi/kernel/db';
import { type BenchResult, describeLoad, type resultsFor } from './lib';
import { createFiringLog, insertTimers, TIMER_KIND } from './timers-shared';

import {
  fmt,
  log,
  MP_TIMERS,
  MP_WINDOW_MS,
  nextRound,
  percentile,
  POLL_MS,
  REPO_ROOT,
  WARMUP,
  WORKER_PATH,
} from './timers-common';

interface Worker {
  name: string;
  child: ChildProcess;
  lines: string[];
  waiters: { match: (line: string) => boolean; resolve: (line: string) => void }[];
  exited: Promise<number | null>;
}

function spawnWorker(url: string, name: string): Worker {
  // detached: its own process group, so a stuck worker (npx → tsx → node) can be ended by id.
  const child = spawn('npx', ['tsx', WORKER_PATH, url, name, String(POLL_MS)], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: true,
  });
  const worker: Worker = {
    name,
    child,
    lines: [],
    waiters: [],
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  child.stdin!.on('error', () => {}); // a worker that died early: its exit code tells
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const waiter = worker.waiters.find((w) => w.match(line));
    if (waiter) {
      worker.waiters.splice(worker.waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    } else worker.lines.push(line);
  });
  return worker;
}

function expectLine(worker: Worker, match: (line: string) => boolean, timeoutMs = 60_000) {
  const earlier = worker.lines.findIndex(match);
  if (earlier >= 0) return Promise.resolve(worker.lines.splice(earlier, 1)[0]);
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`worker ${worker.name} did not answer in ${timeoutMs} ms`)),
      timeoutMs,
    );
    worker.waiters.push({
      match,
      resolve: (line) => {
        clearTimeout(timer);
        resolve(line);
      },
    });
  });
}

async function tell(workers: readonly Worker[], command: string, answer: string) {
  for (const w of workers) w.child.stdin!.write(`${command}\n`);
  await Promise.all(workers.map((w) => expectLine(w, (line) => line === answer)));
}

/** Asks each worker to exit; reports its exit code, ending its process group if it hangs. */
async function stopWorkers(workers: readonly Worker[]) {
  const summaries: string[] = [];
  await Promise.all(
    workers.map(async (w) => {
      w.child.stdin!.end('exit\n');
      const summary = expectLine(w, (line) => line.startsWith('{'), 30_000).catch(() => '');
      const code = await Promise.race([w.exited, sleep(30_000, 'hung' as const, { ref: false })]);
      if (code === 'hung' && w.child.pid) process.kill(-w.child.pid, 'SIGTERM');
      summaries.push(`${w.name} exited ${code === 'hung' ? 'only when ended (hung)' : `with code ${code}`}`);
      const counts = await summary;
      if (counts) summaries.push(`  ${counts}`);
    }),
  );
  return summaries;
}

interface MpRound {
  processes: number;
  timers: number;
  firings: number;
  distinct: number;
  duplicates: number;
  missing: number;
  perWorker: Record<string, number>;
  delays: number[];
  spanMs: number;
}

async function mpRound(db: Database['db'], active: readonly Worker[], count: number): Promise<MpRound> {
  const round = nextRound();
  await tell(active, 'start', 'started');
  await insertTimers(db, {
    count,
    firstAt: new Date(Date.now() + 500),
    stepMs: MP_WINDOW_MS / count,
    round,
  });
  const deadline = Date.now() + MP_WINDOW_MS + 240_000;
  for (;;) {
    const [left] = await rows<{ pending: number }>(
      db,
      sql`select count(*)::int as pending from jobs_job where kind = ${TIMER_KIND} and status = 'pending'`,
    );
    if (left.pending === 0 || Date.now() > deadline) break;
    await sleep(200);
  }
  await tell(active, 'pause', 'paused');
  const [totals] = await rows<{ firings: number; distinct: number; span_ms: number }>(
    db,
    sql`select count(*)::int as firings, count(distinct job_id)::int as distinct,
               extract(epoch from max(fired_at) - min(run_at)) * 1000 as span_ms
        from bench_timer_firing where round = ${round}`,
  );
  const byWorker = await rows<{ worker: string; firings: number }>(
    db,
    sql`select worker, count(*)::int as firings from bench_timer_firing where round = ${round} group by worker`,
  );
  const delayRows = await rows<{ delay_ms: number }>(
    db,
    sql`select delay_ms from bench_timer_firing where round = ${round}`,
  );
  return {
    processes: active.length,
    timers: count,
    firings: totals.firings,
    distinct: totals.distinct,
    duplicates: totals.firings - totals.distinct,
    missing: count - totals.distinct,
    perWorker: Object.fromEntries(byWorker.map((r) => [r.worker, r.firings])),
    delays: delayRows.map((r) => r.delay_ms),
    spanMs: Number(totals.span_ms),
  };
}

function combine(runs: readonly MpRound[]) {
  const perWorker: Record<string, number> = {};
  for (const run of runs)
    for (const [worker, n] of Object.entries(run.perWorker)) perWorker[worker] = (perWorker[worker] ?? 0) + n;
  const timers = runs.reduce((s, r) => s + r.timers, 0);
  const spanMs = runs.reduce((s, r) => s + r.spanMs, 0);
  const sorted = runs.flatMap((r) => r.delays).sort((a, b) => a - b);
  return {
    timers,
    firings: runs.reduce((s, r) => s + r.firings, 0),
    duplicates: runs.reduce((s, r) => s + r.duplicates, 0),
    missing: runs.reduce((s, r) => s + r.missing, 0),
    perWorker,
    perSecond: (timers * 1000) / spanMs,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

export async function benchProcesses(
  url: string,
  label: string,
  figure: ReturnType<typeof resultsFor>,
): Promise<BenchResult[]> {
  log(
    `\n${label} — ${fmt(MP_TIMERS)} timers per configuration, due over ${MP_WINDOW_MS / 1000} s per round, ` +
      `runner = jobs.start(${POLL_MS}) in separate Node processes; ${describeLoad()}`,
  );
  const database = await openDatabase({ url, poolSize: 2 });
  const workers: Worker[] = [];
  try {
    await runMigrations(database);
    await createFiringLog(database.db);
    workers.push(spawnWorker(url, 'A'), spawnWorker(url, 'B'));
    await Promise.all(workers.map((w) => expectLine(w, (line) => line === 'ready')));
    // Warm-up: each process fires a few timers alone, then both together (untimed).
    for (const active of [[workers[0]], [workers[1]], workers]) await mpRound(database.db, active, WARMUP);
    await database.db.execute(sql`delete from bench_timer_firing`);
    // Rounds alternate one process and two (A, AB, AB, A), half the timers each.
    const one: MpRound[] = [];
    const two: MpRound[] = [];
    const half = Math.ceil(MP_TIMERS / 2);
    for (const processes of [1, 2, 2, 1]) {
      const run = await mpRound(database.db, processes === 1 ? [workers[0]] : workers, half);
      (processes === 1 ? one : two).push(run);
      log(
        `  ${processes} process${processes === 1 ? '' : 'es'}: ${fmt(run.timers)} timers, ${fmt(run.firings)} firings, ` +
          `${run.duplicates} duplicates, ${run.missing} missing, ` +
          `${Object.entries(run.perWorker)
            .map(([w, n]) => `${w} ${fmt(n)}`)
            .join(' / ')}, ${fmt((run.timers * 1000) / run.spanMs)}/s`,
      );
    }
    const [single, pair] = [combine(one), combine(two)];
    const [state] = await rows<{ failed: number; retried: number; pending: number }>(
      database.db,
      sql`select count(*) filter (where status = 'failed')::int as failed,
                 count(*) filter (where attempts > 1)::int as retried,
                 count(*) filter (where status = 'pending')::int as pending
          from jobs_job where kind = ${TIMER_KIND}`,
    );
    const shares = Object.entries(pair.perWorker).map(([w, n]) => ({ w, share: (100 * n) / pair.firings }));
    const busiest = Math.max(...shares.map((s) => s.share));
    for (const [name, run] of [
      ['1 process ', single],
      ['2 processes', pair],
    ] as const)
      log(
        `  ${name}: ${fmt(run.timers)} timers → ${fmt(run.firings)} firings, duplicates ${run.duplicates}, ` +
          `missing ${run.missing}; ${fmt(run.perSecond)} firings/s; delay p50 ${fmt(run.p50)} ms, p99 ${fmt(run.p99)} ms`,
      );
    log(
      `  per-process share with 2: ${shares.map((s) => `${s.w} ${fmt(s.share, 1)}%`).join(', ')}; ` +
        `jobs failed ${state.failed}, retried ${state.retried}, left pending ${state.pending}`,
    );
    log(
      `  ratio 2 processes vs 1: throughput ${fmt(pair.perSecond / single.perSecond, 2)}×, ` +
        `p99 delay ${fmt(pair.p99 / single.p99, 2)}×`,
    );
    const exactlyOnce = single.duplicates + pair.duplicates + single.missing + pair.missing === 0;
    log(`  ${exactlyOnce ? 'every timer fired exactly once' : 'NOT EXACTLY ONCE: see duplicates / missing'}`);
    const stopped = await stopWorkers(workers.splice(0));
    for (const line of stopped) log(`  ${line}`);
    return [
      figure({
        name: 'timers fired, 2 processes',
        unit: 'timers/s',
        value: pair.perSecond,
        baseline: 'timers fired, 1 process',
        baselineValue: single.perSecond,
        target: 'informational: ≤ 2× (both processes and the server share the cores)',
      }),
      figure({
        name: 'timer firing delay p99, 2 processes',
        unit: 'ms',
        value: pair.p99,
        baseline: 'same, 1 process',
        baselineValue: single.p99,
        target: `informational: timers due faster than they fire; poll interval ${POLL_MS} ms`,
      }),
      figure({
        name: 'duplicate firings, 2 processes',
        unit: 'firings',
        value: pair.duplicates,
        baseline: 'duplicate firings, 1 process',
        baselineValue: single.duplicates,
        target: 'exactly once: 0',
      }),
      figure({
        name: 'missing firings, 2 processes',
        unit: 'timers',
        value: pair.missing,
        baseline: 'missing firings, 1 process',
        baselineValue: single.missing,
        target: 'exactly once: 0',
      }),
      figure({
        name: 'busiest process share, 2 processes',
        unit: '%',
        value: busiest,
        baseline: 'even split',
        baselineValue: 50,
        target: 'informational: SKIP LOCKED shares the work',
      }),
    ];
  } finally {
    if (workers.length) await stopWorkers(workers);
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------
