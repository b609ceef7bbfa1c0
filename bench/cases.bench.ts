// Case engine throughput: audited case transitions vs plain row updates, in one run, on PGlite
// and (when reachable) PostgreSQL. Writes bench/results/cases.json. Never a pass/fail test.
import { fileURLToPath } from 'node:url';
import {
  createKernel,
  type Database,
  type Kernel,
  openDatabase,
  runMigrations,
  startKernel,
  systemActor,
} from '@zhizhi/kernel';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import {
  describeLoad,
  describeMachine,
  envInt,
  formatTable,
  interleave,
  ratioSpread,
  resultsFor,
  timeOps,
  writeResults,
} from './lib';

const RESULTS_PATH = fileURLToPath(new URL('results/cases.json', import.meta.url));
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WRITERS = 8;
const ROUNDS = 6;
const log = (line: string) => console.log(line);
const n = (zh: string, en: string) => ({ zh, en });

/** Two states and a toggle each way, so one case can take any number of transitions. */
const benchType = {
  code: 'bench_ticket',
  name: n('压测工单', 'Bench ticket'),
  numberPrefix: 'YC',
  openPermission: 'bench.open',
  readPermission: 'bench.read',
  fields: [{ code: 'note', name: n('备注', 'Note'), type: 'text' as const }],
  states: [
    { code: 'a', name: n('甲', 'A') },
    { code: 'b', name: n('乙', 'B') },
  ],
  initialState: 'a',
  transitions: [
    { code: 'to_b', name: n('到乙', 'To B'), from: ['a'], to: 'b', permission: 'bench.handle' },
    { code: 'to_a', name: n('到甲', 'To A'), from: ['b'], to: 'a', permission: 'bench.handle' },
  ],
  clocks: [],
};

interface Lane {
  caseId: string;
  version: number;
  state: 'a' | 'b';
  rowVersion: number;
}

async function openLanes(kernel: Kernel, count: number): Promise<Lane[]> {
  const lanes: Lane[] = [];
  for (let i = 0; i < count; i++) {
    const opened = await kernel.cases.openCase(systemActor, {
      typeCode: 'bench_ticket',
      title: `压测 ${i}`,
      divisionCode: '330213100225',
      data: {},
    });
    await kernel.db.execute(
      sql`insert into bench_row (id, state, version, data) values (${opened.id}, 'a', 1, '{}'::jsonb)`,
    );
    lanes.push({ caseId: opened.id, version: 1, state: 'a', rowVersion: 1 });
  }
  return lanes;
}

async function benchDatabase(
  database: Database,
  label: string,
  ops: number,
  writers: number,
  machine: string,
  date: string,
) {
  await runMigrations(database);
  await database.db.execute(
    sql`create table if not exists bench_row (id uuid primary key, state text not null, version int not null, data jsonb not null)`,
  );
  const kernel = createKernel({ database });
  await startKernel(kernel, { migrate: false });
  await kernel.cases.defineCaseType(kernel.db, benchType);
  const lanes = await openLanes(kernel, writers);
  log(`\n${label} — ${ops} transitions, ${writers} writer(s) on their own cases; ${describeLoad()}`);

  // Baseline: the same optimistic state change as one plain UPDATE (no history, audit or event).
  const plain = (count: number) =>
    Promise.all(
      lanes.map((lane, w) =>
        timeOps(Math.floor(count / writers) + (w < count % writers ? 1 : 0), async () => {
          const next = lane.state === 'a' ? 'b' : 'a';
          await kernel.db.execute(
            sql`update bench_row set state = ${next}, version = version + 1, data = data || '{"note":"x"}'::jsonb where id = ${lane.caseId} and version = ${lane.rowVersion}`,
          );
          lane.rowVersion++;
          lane.state = next;
        }),
      ),
    ).then((timings) => ({
      ops: count,
      ms: Math.max(...timings.map((t) => t.ms)),
      perSecond: (count * 1000) / Math.max(...timings.map((t) => t.ms)),
    }));
  // Subject: a full case transition (permission, validation, version check, history, audit chain, outbox).
  const caseState = new Map(lanes.map((l) => [l.caseId, 'a' as 'a' | 'b']));
  const audited = (count: number) =>
    Promise.all(
      lanes.map((lane, w) =>
        timeOps(Math.floor(count / writers) + (w < count % writers ? 1 : 0), async () => {
          const state = caseState.get(lane.caseId)!;
          await kernel.cases.transition(systemActor, lane.caseId, {
            transition: state === 'a' ? 'to_b' : 'to_a',
            expectedVersion: lane.version,
            data: { note: 'x' },
          });
          lane.version++;
          caseState.set(lane.caseId, state === 'a' ? 'b' : 'a');
        }),
      ),
    ).then((timings) => ({
      ops: count,
      ms: Math.max(...timings.map((t) => t.ms)),
      perSecond: (count * 1000) / Math.max(...timings.map((t) => t.ms)),
    }));

  await plain(50);
  await audited(50);
  const comparison = await interleave(ops, ROUNDS, plain, audited);
  log(
    `  plain updates ${Math.round(comparison.baseline.perSecond)}/s, case transitions ${Math.round(comparison.subject.perSecond)}/s (per round ${ratioSpread(comparison)})`,
  );
  const figure = resultsFor(label, machine, date);
  return [
    figure({
      name: `case transitions, ${writers} writer(s)`,
      unit: 'transitions/s',
      value: comparison.subject.perSecond,
      baseline: `plain optimistic row updates, ${writers} writer(s)`,
      baselineValue: comparison.baseline.perSecond,
      target:
        database.dialect === 'postgres' ? 'issue #3: ≥ 2,000 transitions/s on PostgreSQL' : 'informational',
    }),
  ];
}

async function main() {
  const machine = describeMachine();
  const date = new Date().toISOString();
  log(`cases bench on ${machine}, ${date}`);
  const embedded = await openDatabase();
  const results = await benchDatabase(
    embedded,
    'PGlite in memory',
    envInt('BENCH_N', 2000),
    1,
    machine,
    date,
  ).finally(() => embedded.close());
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    const name = `zhizhi_bench_cases_${process.pid}`;
    await admin.query(`create database ${name}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), poolSize: WRITERS + 2 });
    try {
      for (const writers of [1, WRITERS])
        results.push(
          ...(await benchDatabase(database, 'PostgreSQL', envInt('BENCH_N', 3000), writers, machine, date)),
        );
    } finally {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
    }
  } catch (error) {
    log(`PostgreSQL skipped: ${(error as Error).message}`);
  } finally {
    await admin.end().catch(() => {});
  }
  log(formatTable(results));
  writeResults(RESULTS_PATH, results);
  log(
    '\nwrote bench/results/cases.json. Ratios compare figures from this run only; benchmarks never pass or fail.',
  );
}

await main();
