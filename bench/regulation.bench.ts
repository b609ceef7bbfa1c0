// Regulation at district scale (issue #8): re-rating every market subject's credit class and the
// double-random draw (双随机) of a sampling plan, on PGlite and (when reachable) PostgreSQL, each
// against a plain scan of the same rows measured in the same run. Writes
// bench/results/regulation.json (regulation-quick.json with --quick). Never a pass/fail test.
// Run: npx tsx bench/regulation.bench.ts [--quick] — BENCH_QUICK=1, BENCH_SUBJECTS (re-rating, 50,000;
// 4,000 quick), BENCH_RECORDS_PER_SUBJECT (10), BENCH_DRAW_SUBJECTS (100,000; 8,000 quick),
// BENCH_INSPECTORS (2,000; 160 quick), BENCH_DATABASE_URL (PostgreSQL server).
import { fileURLToPath } from 'node:url';
import {
  createKernel,
  type Database,
  type Kernel,
  openDatabase,
  rows,
  runMigrations,
  startKernel,
  systemActor,
} from '@zhizhi/kernel';
import {
  createRegulation,
  drawInputFromCanonical,
  type Regulation,
  regulationInspector,
  regulationRecord,
  regulationSubject,
  runDraw,
} from '@zhizhi/regulation';
import { asc, gt, inArray, sql } from 'drizzle-orm';
import {
  type BenchResult,
  describeLoad,
  describeMachine,
  envInt,
  formatTable,
  measure,
  onScratchPostgres,
  resultsFor,
  writeResults,
} from './lib';
import { BENCH_ITEMS, insertRecords, insertRoster, insertSubjects } from './regulation-setup';

const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const RESULTS_PATH = fileURLToPath(
  new URL(`results/regulation${QUICK ? '-quick' : ''}.json`, import.meta.url),
);
const POSTGRES_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SUBJECTS = envInt('BENCH_SUBJECTS', QUICK ? 4_000 : 50_000);
const RECORDS_PER_SUBJECT = envInt('BENCH_RECORDS_PER_SUBJECT', 10);
const DRAW_SUBJECTS = Math.max(SUBJECTS, envInt('BENCH_DRAW_SUBJECTS', QUICK ? 8_000 : 100_000));
const INSPECTORS = envInt('BENCH_INSPECTORS', QUICK ? 160 : 2_000);
const ROUNDS = 2;
const BATCH = 1000; // rerateAll's batch
const log = (line: string) => console.log(line);
const fmt = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
const perSecond = (count: number, ms: number) => (ms > 0 ? (count * 1000) / ms : 0);

if (DRAW_SUBJECTS > 100_000) throw new Error('BENCH_DRAW_SUBJECTS is at most 100,000 (one USCC sequence)');

async function count(database: Database, table: string) {
  const [{ n }] = await rows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`));
  return n;
}

/** The baseline of re-rating: the same subjects and records read in the same batches by id, nothing done with them. */
async function scanSubjectsAndRecords(database: Database) {
  let after = '00000000-0000-0000-0000-000000000000';
  let subjects = 0;
  let records = 0;
  for (;;) {
    const batch = await database.db
      .select()
      .from(regulationSubject)
      .where(gt(regulationSubject.id, after))
      .orderBy(asc(regulationSubject.id))
      .limit(BATCH);
    if (!batch.length) break;
    after = batch[batch.length - 1]!.id;
    subjects += batch.length;
    const own = await database.db
      .select()
      .from(regulationRecord)
      .where(
        inArray(
          regulationRecord.subjectId,
          batch.map((s) => s.id),
        ),
      );
    records += own.length;
  }
  return { subjects, records };
}

/** The baseline of the draw: every subject row and every inspector row, read and dropped. */
async function scanSubjectsAndInspectors(database: Database) {
  const subjects = await database.db.select().from(regulationSubject);
  const inspectors = await database.db.select().from(regulationInspector);
  return subjects.length + inspectors.length;
}

async function clearRatings(database: Database) {
  for (const table of ['regulation_rating_current', 'regulation_rating_history', 'regulation_warning'])
    await database.db.execute(sql.raw(`delete from ${table}`));
}

async function benchRerating(database: Database, regulation: Regulation, label: string) {
  const loadStart = Date.now();
  await insertSubjects(database, 0, SUBJECTS);
  const records = await insertRecords(database, RECORDS_PER_SUBJECT);
  log(
    `  loaded ${fmt(SUBJECTS)} subjects and ${fmt(records)} records in ${((Date.now() - loadStart) / 1000).toFixed(1)} s (not timed)`,
  );

  const ms = { scan: 0, first: 0, unchanged: 0 };
  let firstChanged = 0;
  let unchangedChanged = 0;
  let events = 0;
  for (let round = 0; round < ROUNDS; round++) {
    if (round > 0) await clearRatings(database);
    const scan = async () => {
      const r = await measure(() => scanSubjectsAndRecords(database));
      if (r.value.subjects !== SUBJECTS || r.value.records !== records)
        throw new Error(`scan read ${JSON.stringify(r.value)}`);
      ms.scan += r.ms;
      log(`  round ${round + 1}: plain scan ${fmt(r.ms)} ms`);
    };
    if (round % 2 === 0) await scan();
    const eventsBefore = await count(database, 'events_outbox');
    const first = await measure(() => regulation.credit.rerateAll('schedule'));
    events = (await count(database, 'events_outbox')) - eventsBefore;
    const again = await measure(() => regulation.credit.rerateAll('schedule'));
    if (first.value.subjects !== SUBJECTS || again.value.subjects !== SUBJECTS)
      throw new Error(`rerateAll saw ${first.value.subjects} / ${again.value.subjects} subjects`);
    ms.first += first.ms;
    ms.unchanged += again.ms;
    firstChanged = first.value.changed;
    unchangedChanged = again.value.changed;
    log(
      `  round ${round + 1}: first rating ${fmt(first.ms)} ms (${fmt(first.value.changed)} ratings changed, ${fmt(events)} events), nothing changed ${fmt(again.ms)} ms (${again.value.changed} changed)`,
    );
    if (round % 2 === 1) await scan();
  }
  const classes = await rows<{ code: string; c: string; n: number }>(
    database.db,
    sql`select rule_set_code as code, credit_class as c, count(*)::int as n
      from regulation_rating_current group by 1, 2 order by 1, 2`,
  );
  const warnings = await count(database, 'regulation_warning');
  log(
    `  ratings: ${classes.map((c) => `${c.code} ${c.c} ${fmt(c.n)}`).join(', ')}; ${fmt(warnings)} warnings raised`,
  );
  const rate = (m: number) => perSecond(SUBJECTS * ROUNDS, m);
  log(
    `  re-rating ${fmt(SUBJECTS)} subjects: first ${fmt(rate(ms.first))}/s (${(ms.first / ms.scan).toFixed(1)}× the scan's time), nothing changed ${fmt(rate(ms.unchanged))}/s (${(ms.unchanged / ms.scan).toFixed(1)}×), plain scan ${fmt(rate(ms.scan))}/s`,
  );
  return {
    ms: { scan: ms.scan / ROUNDS, first: ms.first / ROUNDS, unchanged: ms.unchanged / ROUNDS },
    records,
    firstChanged,
    unchangedChanged,
    events,
    label,
  };
}

async function benchDraw(database: Database, regulation: Regulation, kernel: Kernel) {
  const loadStart = Date.now();
  await insertSubjects(database, SUBJECTS, DRAW_SUBJECTS);
  const records = await insertRecords(database, RECORDS_PER_SUBJECT);
  await insertRoster(regulation, database, INSPECTORS);
  const rerated = await measure(() => regulation.credit.rerateAll('schedule'));
  log(
    `  ${fmt(DRAW_SUBJECTS)} subjects (${fmt(records)} records, rated in ${fmt(rerated.ms)} ms), ${fmt(INSPECTORS)} inspectors; loaded in ${((Date.now() - loadStart) / 1000).toFixed(1)} s (not timed)`,
  );
  const plans = regulation.plans;
  const ms = { scan: 0, commit: 0, algorithm: 0, draw: 0, opened: 0 };
  let shape = { eligible: 0, itemsPerSubject: 0, visits: 0, joint: 0, shortfalls: 0, previous: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const scan = async () => {
      const r = await measure(() => scanSubjectsAndInspectors(database));
      if (r.value !== DRAW_SUBJECTS + INSPECTORS) throw new Error(`scan read ${r.value} rows`);
      ms.scan += r.ms;
      return r.ms;
    };
    const plan = await plans.create(systemActor, {
      nameZh: `2026年度奉化区市场主体双随机抽查（第${round + 1}批）`,
      nameEn: `Fenghua double-random inspections 2026, batch ${round + 1}`,
      departmentCode: 'scjgj',
      items: BENCH_ITEMS.map((i) => ({ code: i.code })),
      minInspectors: 2,
    });
    const scanFirst = round % 2 === 0 ? await scan() : 0;
    const commit = await measure(() => plans.commit(systemActor, plan.id));
    const committed = await plans.get(null, plan.id);
    const input = committed.input!;
    const algorithm = await measure(async () =>
      runDraw({ ...drawInputFromCanonical(input), seed: committed.seed! }),
    );
    const drawn = await measure(() => plans.draw(systemActor, plan.id));
    // The visits past the first batch open in jobs: run them to the end.
    const opened = await measure(async () => {
      while ((await kernel.jobs.runDue()) > 0);
    });
    const scanLast = round % 2 === 1 ? await scan() : 0;
    const result = drawn.value.result!;
    if (result.digest !== algorithm.value.digest) throw new Error('plans.draw and runDraw disagree');
    ms.commit += commit.ms;
    ms.algorithm += algorithm.ms;
    ms.draw += drawn.ms;
    ms.opened += opened.ms;
    shape = {
      eligible: input.subjects.length,
      itemsPerSubject: input.subjects.reduce((n, s) => n + s.itemCodes.length, 0) / input.subjects.length,
      visits: result.visits.length,
      joint: result.visits.filter((v) => v.joint).length,
      shortfalls: result.shortfalls.length,
      previous: input.previous.length,
    };
    log(
      `  round ${round + 1}: plain scan ${fmt(scanFirst + scanLast)} ms, commit ${fmt(commit.ms)} ms, runDraw ${fmt(algorithm.ms)} ms, plans.draw ${fmt(drawn.ms)} ms, the other visits opened in jobs ${fmt(opened.ms)} ms; ${fmt(shape.visits)} visits (${fmt(shape.joint)} joint), ${shape.shortfalls} shortfalls, ${fmt(shape.previous)} subjects with a previous inspection`,
    );
  }
  const cases = await count(database, 'cases_case');
  const inspections = await count(database, 'regulation_inspection');
  log(
    `  ${fmt(shape.eligible)} eligible subjects, ${shape.itemsPerSubject.toFixed(2)} items each; ${((100 * shape.visits) / shape.eligible).toFixed(1)} % visited; ${fmt(inspections)} inspections and ${fmt(cases)} cases opened over ${ROUNDS} plans`,
  );
  const avg = {
    scan: ms.scan / ROUNDS,
    commit: ms.commit / ROUNDS,
    algorithm: ms.algorithm / ROUNDS,
    draw: ms.draw / ROUNDS,
    opened: ms.opened / ROUNDS,
  };
  log(
    `  per plan: commit ${fmt(avg.commit)} ms (${(avg.commit / avg.scan).toFixed(1)}× the scan), runDraw ${fmt(avg.algorithm)} ms (${(avg.algorithm / avg.scan).toFixed(1)}×), plans.draw ${fmt(avg.draw)} ms (${(avg.draw / avg.scan).toFixed(1)}×; ${((avg.draw - avg.algorithm) / shape.visits).toFixed(2)} ms per visit opened), plain scan ${fmt(avg.scan)} ms`,
  );
  return { ms: avg, shape };
}

async function benchDatabase(database: Database, label: string, machine: string, date: string) {
  await runMigrations(database);
  const kernel = createKernel({ database });
  await startKernel(kernel, { migrate: false });
  const regulation = createRegulation(kernel);
  await regulation.start();
  log(`\n${label}: ${describeLoad()}`);
  const rerating = await benchRerating(database, regulation, label);
  const draw = await benchDraw(database, regulation, kernel);

  const [{ v: version }] = await rows<{ v: string }>(database.db, sql`select version() as v`);
  const figure = resultsFor(`${label} (${version.split(' ').slice(0, 2).join(' ')})`, machine, date);
  const scanName = `plain scan of the ${fmt(SUBJECTS)} subjects and ${fmt(rerating.records)} records, ${BATCH} subjects a batch by id`;
  const drawScan = `plain scan of the ${fmt(DRAW_SUBJECTS)} subject and ${fmt(INSPECTORS)} inspector rows`;
  const s = draw.shape;
  return [
    figure({
      name: `re-rating ${fmt(SUBJECTS)} subjects, first rating (every rating written), ms`,
      unit: 'ms',
      value: rerating.ms.first,
      baseline: scanName,
      baselineValue: rerating.ms.scan,
      target: 'informational',
    }),
    figure({
      name: `re-rating ${fmt(SUBJECTS)} subjects, nothing changed (reads only), ms`,
      unit: 'ms',
      value: rerating.ms.unchanged,
      baseline: scanName,
      baselineValue: rerating.ms.scan,
      target: 'informational',
    }),
    figure({
      name: `plan commit over ${fmt(s.eligible)} eligible subjects (snapshot, canonical input, digest), ms`,
      unit: 'ms',
      value: draw.ms.commit,
      baseline: drawScan,
      baselineValue: draw.ms.scan,
      target: 'informational',
    }),
    figure({
      name: `draw algorithm alone (runDraw, ${fmt(s.visits)} visits), ms`,
      unit: 'ms',
      value: draw.ms.algorithm,
      baseline: drawScan,
      baselineValue: draw.ms.scan,
      target: 'informational',
    }),
    figure({
      name: 'plans.draw (runDraw, result stored, the first 200 visits opened as cases), ms',
      unit: 'ms',
      value: draw.ms.draw,
      baseline: drawScan,
      baselineValue: draw.ms.scan,
      target: 'informational',
    }),
    figure({
      name: `the other ${fmt(Math.max(0, s.visits - 200))} visits opened in jobs of 200, ms`,
      unit: 'ms',
      value: draw.ms.opened,
      baseline: drawScan,
      baselineValue: draw.ms.scan,
      target: 'informational',
    }),
  ];
}

async function main() {
  const machine = describeMachine();
  const date = new Date().toISOString();
  log(
    `regulation bench${QUICK ? ' (quick)' : ''} on ${machine}, ${describeLoad()}, ${date}: re-rating ${fmt(SUBJECTS)} subjects × ${RECORDS_PER_SUBJECT} records; draw over ${fmt(DRAW_SUBJECTS)} subjects and ${fmt(INSPECTORS)} inspectors`,
  );
  const embedded = await openDatabase();
  const results: BenchResult[] = await benchDatabase(embedded, 'PGlite in memory', machine, date).finally(
    () => embedded.close(),
  );
  results.push(
    ...(await onScratchPostgres(POSTGRES_URL, 'zhizhi_bench_regulation', (database) =>
      benchDatabase(database, 'PostgreSQL', machine, date),
    )),
  );
  log(formatTable(results));
  writeResults(RESULTS_PATH, results);
  log(
    `\nwrote bench/results/regulation${QUICK ? '-quick' : ''}.json. Ratios are time ÷ the plain scan's time in this run; benchmarks never pass or fail.`,
  );
}

await main();
