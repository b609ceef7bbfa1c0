import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
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

import { fmt, log, nextRound, percentile, POLL_MS, WARMUP } from './timers-common';
import { benchProcesses } from './timers-processes';

const RESULTS_PATH = fileURLToPath(new URL('results/timers.json', import.meta.url));
const PLANS_PATH = fileURLToPath(new URL('results/timers-claim-plan.txt', import.meta.url));
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Future timers sitting in the table during the "1M pending" figures. */
const PENDING = envInt('BENCH_PENDING', 1_000_000);
const SEED_CHUNK = 100_000;
/** Milliseconds of timers per round of the firing-delay figure (4 rounds a side). */
const DELAY_WINDOW_MS = 2000;
const ROUNDS = 8;

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
