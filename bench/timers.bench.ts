// Durable timers (kernel jobs) at scale: claiming and firing due timers while 1,000,000 future
// timers wait in jobs_job (against an empty table, same run), and exactly-once firing from two
// server processes sharing PostgreSQL (against one process). Writes bench/results/timers.json.
// See bench/README.md for how to read the figures. Benchmarks never pass or fail.
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import pg from 'pg';
import { systemClock } from '@zhizhi/kernel/clock';
import { type Database, openDatabase, rows, runMigrations } from '@zhizhi/kernel/db';
import { createJobs, type Jobs, jobsJob } from '@zhizhi/kernel/jobs';
import {
  type BenchResult,
  describeLoad,
  describeMachine,
  envInt,
  formatTable,
  interleave,
  measure,
  ratioSpread,
  resultsFor,
  timing,
  writeResults,
} from './lib';
import {
  createFiringLog,
  insertPendingClockChecks,
  insertTimers,
  recordFiring,
  TIMER_KIND,
} from './timers-shared';

const RESULTS_PATH = fileURLToPath(new URL('results/timers.json', import.meta.url));
const PLANS_PATH = fileURLToPath(new URL('results/timers-claim-plan.txt', import.meta.url));
const WORKER_PATH = fileURLToPath(new URL('timers.worker.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Future timers sitting in the table during the "1M pending" figures. */
const PENDING = envInt('BENCH_PENDING', 1_000_000);
const SEED_CHUNK = 100_000;
/** The runner's poll interval (`jobs.start(ms)`) in the delay and multi-process figures. */
const POLL_MS = envInt('BENCH_POLL_MS', 10);
/** Milliseconds of timers per round of the firing-delay figure (4 rounds a side). */
const DELAY_WINDOW_MS = 2000;
/** Timers per configuration in the multi-process figure, spread over `MP_WINDOW_MS`. */
const MP_TIMERS = envInt('BENCH_TIMERS', 20_000);
const MP_WINDOW_MS = 4000;
const ROUNDS = 8;
const WARMUP = 100;

const log = (line: string) => console.log(line);
const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

let rounds = 0;
const nextRound = () => ++rounds;

/** One database with its own job runner: the empty baseline or the one holding 1M future timers. */
interface Side {
  name: string;
  database: Database;
  jobs: Jobs;
  fired: number;
  /** Firing-log rounds that belong to this side's delay figure. */
  delayRounds: number[];
  enqueued: number;
}

async function openSide(name: string, database: Database): Promise<Side> {
  await runMigrations(database);
  await createFiringLog(database.db);
  const jobs = createJobs({ db: database.db, clock: systemClock });
  const side: Side = { name, database, jobs, fired: 0, delayRounds: [], enqueued: 0 };
  jobs.register(
    TIMER_KIND,
    recordFiring(name, () => {
      side.fired++;
    }),
  );
  return side;
}

async function seedPending(side: Side) {
  const seeded = await measure(async () => {
    for (let offset = 0; offset < PENDING; offset += SEED_CHUNK)
      await insertPendingClockChecks(side.database.db, Math.min(SEED_CHUNK, PENDING - offset), offset);
  });
  const [size] = await rows<{ size: string }>(
    side.database.db,
    sql`select pg_size_pretty(pg_total_relation_size('jobs_job')) as size`,
  );
  log(
    `  seeded ${fmt(PENDING)} future cases.clock.check timers in ${fmt(seeded.ms / 1000, 1)} s ` +
      `(${fmt((PENDING * 1000) / seeded.ms)} rows/s; jobs_job with indexes ${size.size})`,
  );
}

/** Runs due jobs with `runDue` until `count` ran (how kernel.bench.ts times firing). */
async function runAll(side: Side, count: number) {
  let done = 0;
  while (done < count) {
    const ran = await side.jobs.runDue(count - done);
    if (ran === 0) throw new Error(`${side.name}: only ${done} of ${count} due timers ran`);
    done += ran;
  }
}

async function enqueueDue(side: Side, count: number) {
  await insertTimers(side.database.db, {
    count,
    firstAt: new Date(Date.now() - 1000),
    stepMs: 0,
    round: nextRound(),
  });
  side.enqueued += count;
}

/** Subject of the throughput figure: a backlog of `count` due timers, claimed and run one by one. */
async function drainBacklog(side: Side, count: number) {
  await enqueueDue(side, count); // untimed: the figure is claiming and running, not enqueueing
  const ran = await measure(() => runAll(side, count));
  return timing(count, ran.ms);
}

/**
 * One round of the firing-delay figure: `count` timers due one after another over
 * DELAY_WINDOW_MS, fired by the kernel's polling runner (`jobs.start(POLL_MS)`).
 */
async function fireSpread(side: Side, count: number) {
  const round = nextRound();
  const target = side.fired + count;
  side.jobs.start(POLL_MS);
  await insertTimers(side.database.db, {
    count,
    firstAt: new Date(Date.now() + 300),
    stepMs: DELAY_WINDOW_MS / count,
    round,
  });
  side.enqueued += count;
  const deadline = Date.now() + DELAY_WINDOW_MS + 120_000;
  while (side.fired < target && Date.now() < deadline) await sleep(20);
  await side.jobs.stop();
  side.delayRounds.push(round);
}

async function delays(side: Side): Promise<number[]> {
  const found = await rows<{ delay_ms: number }>(
    side.database.db,
    sql`select delay_ms from bench_timer_firing where round = any(${`{${side.delayRounds.join(',')}}`}::int[])`,
  );
  return found.map((r) => r.delay_ms).sort((a, b) => a - b);
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Every bench timer enqueued on this side ran exactly once: one log row each, all done. */
async function checkExactlyOnce(side: Side) {
  const [log_] = await rows<{ total: number; distinct: number }>(
    side.database.db,
    sql`select count(*)::int as total, count(distinct job_id)::int as distinct from bench_timer_firing`,
  );
  const [state] = await rows<{ done: number; pending: number; failed: number; retried: number }>(
    side.database.db,
    sql`select count(*) filter (where status = 'done')::int as done,
               count(*) filter (where status = 'pending')::int as pending,
               count(*) filter (where status = 'failed')::int as failed,
               count(*) filter (where attempts > 1)::int as retried
        from jobs_job where kind = ${TIMER_KIND}`,
  );
  const ok =
    log_.total === side.enqueued &&
    log_.distinct === side.enqueued &&
    state.done === side.enqueued &&
    state.pending === 0 &&
    state.failed === 0;
  log(
    `  ${side.name}: ${fmt(side.enqueued)} timers enqueued, ${fmt(log_.total)} firings ` +
      `(${fmt(log_.distinct)} distinct), ${fmt(state.done)} done, ${state.pending} pending, ` +
      `${state.failed} failed, ${state.retried} retried — ${ok ? 'each fired exactly once' : 'NOT exactly once'}`,
  );
  return ok;
}

/** The claim query exactly as `jobs.runDue` builds it (same Drizzle expression). */
function claimQuery(side: Side) {
  return side.database.db
    .select()
    .from(jobsJob)
    .where(and(eq(jobsJob.status, 'pending'), lte(jobsJob.runAt, systemClock.now())))
    .orderBy(asc(jobsJob.runAt))
    .limit(1)
    .for('update', { skipLocked: true })
    .toSQL();
}

/** EXPLAIN (ANALYZE, BUFFERS) of the claim, in a transaction rolled back (it locks a row). */
async function explainClaim(side: Side): Promise<string[]> {
  const claim = claimQuery(side);
  const text = `explain (analyze, buffers) ${claim.sql}`;
  const { pool, pglite } = side.database;
  let plan: Record<string, unknown>[] = [];
  if (pool) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      plan = (await client.query(text, claim.params)).rows;
    } finally {
      await client.query('rollback');
      client.release();
    }
  } else if (pglite) {
    await pglite.transaction(async (tx) => {
      plan = (await tx.query<Record<string, unknown>>(text, claim.params)).rows;
      await tx.rollback();
    });
  }
  return plan.map((row) => String(Object.values(row)[0]));
}

function describePlan(plan: readonly string[]) {
  const scan = plan.find((line) => /Scan/.test(line)) ?? 'no scan node';
  const usesIndex = /Index (Only )?Scan using/.test(scan);
  return { usesIndex, node: scan.trim().replace(/\s+\(cost.*$/, '') };
}

interface Target {
  label: string;
  empty: Side;
  loaded: Side;
  backlog: number;
}

interface TimerFigures {
  results: BenchResult[];
  plan: string[];
}

async function benchPending(target: Target, figure: ReturnType<typeof resultsFor>): Promise<TimerFigures> {
  const { empty, loaded } = target;
  log(`\n${target.label} — 1M pending timers; ${describeLoad()}`);
  await seedPending(loaded);

  // Warm-up (untimed), and EXPLAIN of the claim while due timers wait behind the 1M future ones.
  for (const side of [empty, loaded]) await enqueueDue(side, WARMUP);
  const plan = await explainClaim(loaded);
  const emptyPlan = await explainClaim(empty);
  for (const side of [empty, loaded]) await runAll(side, WARMUP);
  const found = describePlan(plan);
  log(
    `  claim query plan with ${fmt(PENDING)} pending: ${found.node} — ` +
      (found.usesIndex ? 'uses an index' : 'DOES NOT use an index'),
  );
  for (const line of plan) log(`    ${line}`);
  log(`  claim query plan on the empty table: ${describePlan(emptyPlan).node}`);

  // Throughput: a backlog of due timers, claimed and run back to back.
  const drained = await interleave(
    target.backlog * ROUNDS,
    ROUNDS,
    (ops) => drainBacklog(empty, ops),
    (ops) => drainBacklog(loaded, ops),
  );
  log(
    `  due timers claimed and run: empty table ${fmt(drained.baseline.perSecond)}/s, ` +
      `with ${fmt(PENDING)} pending ${fmt(drained.subject.perSecond)}/s (ratio per round ${ratioSpread(drained)})`,
  );

  // Firing delay: timers falling due one by one at a quarter of the empty table's rate (headroom,
  // so the figure is claim latency, not a backlog), fired by the polling runner. Rounds
  // alternate (A B B A) like interleave's.
  const rate = drained.baseline.perSecond / 4;
  const perRound = Math.max(50, Math.round((rate * DELAY_WINDOW_MS) / 1000));
  for (let round = 0; round < ROUNDS / 2; round++)
    for (const side of round % 2 === 0 ? [empty, loaded] : [loaded, empty]) await fireSpread(side, perRound);
  const [emptyDelays, loadedDelays] = [await delays(empty), await delays(loaded)];
  const p = (sorted: number[]) => ({
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  });
  const [e, l] = [p(emptyDelays), p(loadedDelays)];
  log(
    `  firing delay (handler start − runAt), ${fmt((perRound * ROUNDS) / 2)} timers per side at ${fmt(rate)}/s, ` +
      `runner polling every ${POLL_MS} ms:`,
  );
  log(`    empty table    p50 ${fmt(e.p50, 1)} ms, p95 ${fmt(e.p95, 1)} ms, p99 ${fmt(e.p99, 1)} ms`);
  log(
    `    ${fmt(PENDING)} pending p50 ${fmt(l.p50, 1)} ms, p95 ${fmt(l.p95, 1)} ms, p99 ${fmt(l.p99, 1)} ms`,
  );
  log(
    `  ratio with ${fmt(PENDING)} pending vs empty: throughput ${fmt(drained.subject.perSecond / drained.baseline.perSecond, 2)}×, ` +
      `p99 delay ${fmt(l.p99 / e.p99, 2)}×`,
  );

  const onceEmpty = await checkExactlyOnce(empty);
  const onceLoaded = await checkExactlyOnce(loaded);
  if (!onceEmpty || !onceLoaded) throw new Error('timers were lost or fired twice');

  const baseline = 'same, empty jobs table';
  const results = [
    figure({
      name: 'due timers claimed and run, 1M pending',
      unit: 'timers/s',
      value: drained.subject.perSecond,
      baseline,
      baselineValue: drained.baseline.perSecond,
      target: 'informational: ≈ 1× (claim walks the (status, run_at) index)',
    }),
  ];
  for (const q of ['p50', 'p95', 'p99'] as const)
    results.push(
      figure({
        name: `timer firing delay ${q}, 1M pending`,
        unit: 'ms',
        value: l[q],
        baseline,
        baselineValue: e[q],
        target: `informational: ≈ 1×; poll interval ${POLL_MS} ms`,
      }),
    );
  return { results, plan };
}

// ---------------------------------------------------------------------------------------------
// Two server processes sharing PostgreSQL.

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

async function benchProcesses(
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

async function serverVersion(database: Database) {
  const [row] = await rows<{ server_version: string }>(database.db, sql`show server_version`);
  return row.server_version.split(' ')[0];
}

async function onPglite(machine: string, date: string): Promise<TimerFigures> {
  const emptyDb = await openDatabase();
  const loadedDb = await openDatabase();
  try {
    const empty = await openSide('PGlite, empty table', emptyDb);
    const loaded = await openSide('PGlite, 1M pending', loadedDb);
    const label = `PGlite in memory (PostgreSQL ${await serverVersion(emptyDb)})`;
    return await benchPending(
      { label, empty, loaded, backlog: envInt('BENCH_BACKLOG', 250) },
      resultsFor(label, machine, date),
    );
  } finally {
    await emptyDb.close();
    await loadedDb.close();
  }
}

/** Runs on fresh scratch databases on the server, or returns null when it can't be reached. */
async function onPostgres(machine: string, date: string): Promise<TimerFigures | null> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    log(`\nPostgreSQL not reachable at ${redact(POSTGRES_URL)} (${(error as Error).message}): skipped.`);
    return null;
  }
  const names = ['empty', 'pending', 'processes'].map((s) => `zhizhi_bench_timers_${process.pid}_${s}`);
  const urlOf = (name: string) => {
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const opened: Database[] = [];
  try {
    for (const name of names) await admin.query(`create database ${name}`);
    const emptyDb = await openDatabase({ url: urlOf(names[0]), poolSize: 2 });
    opened.push(emptyDb);
    const loadedDb = await openDatabase({ url: urlOf(names[1]), poolSize: 2 });
    opened.push(loadedDb);
    const [settings] = await rows<{ synchronous_commit: string; autovacuum: string }>(
      emptyDb.db,
      sql`select current_setting('synchronous_commit') as synchronous_commit, current_setting('autovacuum') as autovacuum`,
    );
    const label = `PostgreSQL ${await serverVersion(emptyDb)} at ${new URL(POSTGRES_URL).host} (synchronous_commit=${settings.synchronous_commit})`;
    log(`\n${label}: autovacuum=${settings.autovacuum} (no ANALYZE is run after seeding)`);
    const figure = resultsFor(label, machine, date);
    const empty = await openSide('PostgreSQL, empty table', emptyDb);
    const loaded = await openSide('PostgreSQL, 1M pending', loadedDb);
    const pending = await benchPending(
      { label, empty, loaded, backlog: envInt('BENCH_BACKLOG', 500) },
      figure,
    );
    const processes = await benchProcesses(urlOf(names[2]), label, figure);
    return { results: [...pending.results, ...processes], plan: pending.plan };
  } finally {
    for (const database of opened) await database.close();
    for (const name of names)
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  }
}

function redact(url: string) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function main() {
  const started = performance.now();
  const machine = describeMachine();
  const date = new Date().toISOString();
  log(`timers bench on ${machine}, ${date}; ${describeLoad()}`);
  const embedded = await onPglite(machine, date);
  const server = await onPostgres(machine, date);
  const results = [...embedded.results, ...(server?.results ?? [])];
  log(formatTable(results));
  writeResults(RESULTS_PATH, results);
  const plans = [
    `Claim query plan (EXPLAIN ANALYZE, BUFFERS) with ${PENDING} pending future timers, ${date}`,
    '',
    'PGlite:',
    ...embedded.plan,
    ...(server ? ['', 'PostgreSQL:', ...server.plan] : []),
  ];
  writeFileSync(PLANS_PATH, `${plans.join('\n')}\n`);
  log(
    `\nwrote ${results.length} results to bench/results/timers.json (claim plans in timers-claim-plan.txt) ` +
      `in ${fmt((performance.now() - started) / 1000, 1)} s`,
  );
  log('Ratios compare figures from this run only; see bench/README.md. Benchmarks never pass or fail.');
}

await main();
