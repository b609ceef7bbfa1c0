// Kernel write paths: audited writes, audit verification and timer firing, each against a plain
// baseline measured in the same run. See bench/README.md for how to read the figures.
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import {
  type Database,
  type Executor,
  newId,
  openDatabase,
  rows,
  runMigrations,
  systemActor,
  systemClock,
} from '@zhizhi/kernel';
import { recordAudit, verifyAudit } from '@zhizhi/kernel/audit';
import { createJobs } from '@zhizhi/kernel/jobs';
import {
  type BenchResult,
  add,
  describeLoad,
  describeMachine,
  envInt,
  formatTable,
  interleave,
  measure,
  ratioSpread,
  resultsFor,
  timeOps,
  timing,
  writeResults,
} from './lib';

const RESULTS_PATH = fileURLToPath(new URL('results/kernel.json', import.meta.url));
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WARMUP = 100;
const ROUNDS = 8;
const WRITERS = 8;
const M = envInt('BENCH_M', 1000);

interface Target {
  database: Database;
  label: string;
  n: number;
  concurrent: boolean;
}

const log = (line: string) => console.log(line);

// The jsonb payload of a bench row; the same object is the audit entry's data.
function thingData(i: number) {
  return {
    name: `Bench thing ${i}`,
    divisionCode: '330106001001',
    status: 'open',
    tags: ['bench', 'kernel'],
  };
}

function insertThing(executor: Executor, kind: string, title: string, data: object, id = newId()) {
  return executor.execute(sql`
    insert into bench_thing (id, kind, title, data, at)
    values (${id}, ${kind}, ${title}, ${JSON.stringify(data)}::jsonb, ${systemClock.now().toISOString()})`);
}

async function prepare(database: Database) {
  await runMigrations(database);
  await database.db.execute(sql`
    create table bench_thing (
      id uuid primary key,
      kind text not null,
      title text not null,
      data jsonb not null,
      at timestamptz not null
    )`);
}

async function benchWrites(target: Target, figure: ReturnType<typeof resultsFor>): Promise<BenchResult[]> {
  const { db } = target.database;
  const plain = (i: number) =>
    db.transaction(async (tx) => {
      await insertThing(tx, 'plain', `plain ${i}`, thingData(i));
    });
  const audited = (i: number) =>
    db.transaction(async (tx) => {
      const id = newId();
      const data = thingData(i);
      await insertThing(tx, 'audited', `audited ${i}`, data, id);
      await recordAudit(tx, systemClock, {
        actor: systemActor,
        action: 'bench.thing.created',
        subjectType: 'thing',
        subjectId: id,
        data,
      });
    });
  await timeOps(WARMUP, plain);
  await timeOps(WARMUP, audited);

  const results: BenchResult[] = [];
  const single = await interleave(
    target.n,
    ROUNDS,
    (ops) => timeOps(ops, plain),
    (ops) => timeOps(ops, audited),
  );
  results.push(
    figure({
      name: 'audited writes, 1 writer',
      unit: 'writes/s',
      value: single.subject.perSecond,
      baseline: 'plain inserts, 1 writer',
      baselineValue: single.baseline.perSecond,
      target: 'audited ≥ 0.3× plain',
    }),
  );
  log(
    `  1 writer:  plain ${fmt(single.baseline.perSecond)}/s, audited ${fmt(single.subject.perSecond)}/s ` +
      `(ratio per round ${ratioSpread(single)})`,
  );
  if (!target.concurrent) return results;

  const parallel = await interleave(
    target.n,
    ROUNDS,
    (ops) => timeOps(ops, plain, WRITERS),
    (ops) => timeOps(ops, audited, WRITERS),
  );
  results.push(
    figure({
      name: `plain inserts, ${WRITERS} writers`,
      unit: 'inserts/s',
      value: parallel.baseline.perSecond,
      baseline: 'plain inserts, 1 writer',
      baselineValue: single.baseline.perSecond,
      target: 'informational: how far plain writes scale',
    }),
    figure({
      name: `audited writes, ${WRITERS} writers`,
      unit: 'writes/s',
      value: parallel.subject.perSecond,
      baseline: `plain inserts, ${WRITERS} writers`,
      baselineValue: parallel.baseline.perSecond,
      target: 'informational: the chain lock serialises appends',
    }),
  );
  const scaling = parallel.subject.perSecond / single.subject.perSecond;
  log(
    `  ${WRITERS} writers: plain ${fmt(parallel.baseline.perSecond)}/s, audited ${fmt(parallel.subject.perSecond)}/s ` +
      `(ratio per round ${ratioSpread(parallel)}; audited ${scaling.toFixed(2)}× its 1-writer rate)`,
  );
  return results;
}

async function benchVerify(target: Target, figure: ReturnType<typeof resultsFor>): Promise<BenchResult> {
  const { db } = target.database;
  await rows(db, sql`select * from audit_entry`); // warm the cache; untimed
  let scan = timing(0, 0);
  let verify = timing(0, 0);
  let checked = 0;
  let ok = true;
  // Three short rounds each, summed: one pass over a few thousand rows is too brief to time alone.
  for (let round = 0; round < 3; round++) {
    const scanned = await measure(() => rows(db, sql`select * from audit_entry order by seq`));
    scan = add(scan, timing(scanned.value.length, scanned.ms));
    const verified = await measure(() => verifyAudit(db, systemClock));
    checked = verified.value.checked;
    ok &&= verified.value.ok;
    verify = add(verify, timing(checked, verified.ms));
  }
  log(`  verify: ${checked} entries, chain ${ok ? 'intact' : 'BROKEN'}; ${fmt(verify.perSecond)} entries/s`);
  if (!ok) throw new Error('verifyAudit found problems in a chain the bench just wrote');
  return figure({
    name: 'audit verify',
    unit: 'entries/s',
    value: verify.perSecond,
    baseline: 'select * scan of audit_entry',
    baselineValue: scan.perSecond,
    target: 'informational: cost of rehashing every entry',
  });
}

async function benchJobs(target: Target, figure: ReturnType<typeof resultsFor>): Promise<BenchResult> {
  const { db } = target.database;
  const jobs = createJobs({ db, clock: systemClock });
  jobs.register('bench.thing.create', async (payload, { tx, job }) => {
    // The job id goes into `title`, so the exactly-once check below can count distinct ids.
    await insertThing(tx, 'job', job.id, thingData(Number(payload.n)));
  });
  const enqueue = (count: number) =>
    db.transaction(async (tx) => {
      for (let i = 0; i < count; i++)
        await jobs.enqueue(tx, { kind: 'bench.thing.create', payload: { n: i } });
    });
  const runAll = async (count: number) => {
    let done = 0;
    while (done < count) {
      const ran = await jobs.runDue(count - done);
      if (ran === 0) throw new Error(`only ${done} of ${count} due jobs ran`);
      done += ran;
    }
  };
  const fire = async (ops: number) => {
    await enqueue(ops); // untimed: the figure is firing, not enqueueing
    const ran = await measure(() => runAll(ops));
    return timing(ops, ran.ms);
  };
  const plain = (i: number) =>
    db.transaction(async (tx) => {
      await insertThing(tx, 'job-baseline', `job-baseline ${i}`, thingData(i));
    });

  await fire(WARMUP);
  await timeOps(WARMUP, plain);
  await db.execute(sql`delete from bench_thing where kind = 'job'`);
  await db.execute(sql`delete from jobs_job`);

  const measured = await interleave(M, ROUNDS, (ops) => timeOps(ops, plain), fire);
  const [effects] = await rows<{ total: number; distinct: number }>(
    db,
    sql`select count(*)::int as total, count(distinct title)::int as distinct from bench_thing where kind = 'job'`,
  );
  const [state] = await rows<{ done: number; pending: number; failed: number; retried: number }>(
    db,
    sql`select count(*) filter (where status = 'done')::int as done,
               count(*) filter (where status = 'pending')::int as pending,
               count(*) filter (where status = 'failed')::int as failed,
               count(*) filter (where attempts <> 1)::int as retried
        from jobs_job`,
  );
  const exactlyOnce =
    effects.total === M &&
    effects.distinct === M &&
    state.done === M &&
    state.pending === 0 &&
    state.failed === 0;
  log(
    `  jobs: ${M} enqueued, ${effects.total} effect rows (${effects.distinct} distinct jobs), ` +
      `${state.done} done, ${state.pending} pending, ${state.failed} failed, ${state.retried} retried — ` +
      (exactlyOnce ? 'each ran exactly once' : 'NOT exactly once'),
  );
  if (!exactlyOnce) throw new Error('timer firing lost or repeated jobs');
  log(
    `  jobs: fired ${fmt(measured.subject.perSecond)}/s, plain ${fmt(measured.baseline.perSecond)}/s ` +
      `(ratio per round ${ratioSpread(measured)})`,
  );
  return figure({
    name: 'timer firing, 1 runner',
    unit: 'jobs/s',
    value: measured.subject.perSecond,
    baseline: 'same inserts as plain transactions',
    baselineValue: measured.baseline.perSecond,
    target: 'jobs ≥ 0.25× plain',
  });
}

async function benchTarget(target: Target, machine: string, date: string): Promise<BenchResult[]> {
  const writers = target.concurrent ? `1 and ${WRITERS} writers` : '1 writer (one connection)';
  log(`\n${target.label} — N = ${target.n}, M = ${M}, ${writers}; ${describeLoad()}`);
  const figure = resultsFor(target.label, machine, date);
  const writes = await benchWrites(target, figure);
  const verify = await benchVerify(target, figure);
  const jobs = await benchJobs(target, figure);
  return [...writes, verify, jobs];
}

async function serverVersion(database: Database) {
  const [row] = await rows<{ server_version: string }>(database.db, sql`show server_version`);
  return row.server_version.split(' ')[0];
}

async function withPglite<T>(run: (target: Target) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  try {
    await prepare(database);
    const label = `PGlite in memory (PostgreSQL ${await serverVersion(database)})`;
    return await run({ database, label, n: envInt('BENCH_N', 2000), concurrent: false });
  } finally {
    await database.close();
  }
}

/** Runs against a fresh database on the server, or returns null when it can't be reached. */
async function withPostgres<T>(run: (target: Target) => Promise<T>): Promise<T | null> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    log(`\nPostgreSQL not reachable at ${redact(POSTGRES_URL)} (${(error as Error).message}): skipped.`);
    return null;
  }
  const name = `zhizhi_bench_${process.pid}`;
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), poolSize: WRITERS });
    try {
      await prepare(database);
      const [sync] = await rows<{ synchronous_commit: string }>(database.db, sql`show synchronous_commit`);
      const label = `PostgreSQL ${await serverVersion(database)} at ${url.host} (synchronous_commit=${sync.synchronous_commit})`;
      return await run({ database, label, n: envInt('BENCH_N', 3000), concurrent: true });
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  }
}

function redact(url: string) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

function fmt(value: number) {
  return Math.round(value).toLocaleString('en-US');
}

async function main() {
  const started = performance.now();
  const machine = describeMachine();
  const date = new Date().toISOString();
  log(`kernel bench on ${machine}, ${date}; ${describeLoad()}`);
  const results = await withPglite((target) => benchTarget(target, machine, date));
  const onPostgres = await withPostgres((target) => benchTarget(target, machine, date));
  if (onPostgres) results.push(...onPostgres);
  log(formatTable(results));
  writeResults(RESULTS_PATH, results);
  log(
    `\nwrote ${results.length} results to bench/results/kernel.json in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  log('Ratios compare figures from this run only; see bench/README.md. Benchmarks never pass or fail.');
}

await main();
