// The leadership cockpit at district scale (issue #9): computing every indicator at every level
// over 10,000,000 governance events and 1,000,000 applications, the incremental update per event,
// and the big screen's API latency (p95), on PGlite and (when reachable) PostgreSQL — each against
// a plain GROUP BY over the same rows measured in the same run. Writes bench/results/cockpit.json
// (cockpit-quick.json with --quick). Never a pass/fail test.
// Run: npx tsx bench/cockpit.bench.ts [--quick] — BENCH_EVENTS (10,000,000; 200,000 quick),
// BENCH_APPLICATIONS (1,000,000; 20,000 quick), BENCH_PGLITE_EVENTS (PGlite's share, default the
// same), BENCH_UPDATES (2,000), BENCH_REQUESTS (200 per endpoint), BENCH_DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { refreshFact } from '@zhizhi/cockpit';
import {
  createKernel,
  type Database,
  type Kernel,
  openDatabase,
  rows,
  runMigrations,
  startKernel,
} from '@zhizhi/kernel';
import { seedFenghua, seedScaleActivity } from '@zhizhi/pack-fenghua';
import { buildApp, createModules, type Modules, startModules } from '@zhizhi/server';
import { sql } from 'drizzle-orm';
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

const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const RESULTS_PATH = fileURLToPath(new URL(`results/cockpit${QUICK ? '-quick' : ''}.json`, import.meta.url));
const POSTGRES_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const EVENTS = envInt('BENCH_EVENTS', QUICK ? 200_000 : 10_000_000);
const APPLICATIONS = envInt('BENCH_APPLICATIONS', QUICK ? 20_000 : 1_000_000);
const PGLITE_EVENTS = envInt('BENCH_PGLITE_EVENTS', EVENTS);
const PGLITE_APPLICATIONS = envInt('BENCH_PGLITE_APPLICATIONS', APPLICATIONS);
const UPDATES = envInt('BENCH_UPDATES', QUICK ? 500 : 2_000);
const REQUESTS = envInt('BENCH_REQUESTS', QUICK ? 50 : 200);
const DISTRICT = '330213000000';
const log = (line: string) => console.log(line);
const fmt = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);

const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
};

/** The baseline: one plain GROUP BY per source over the same rows (town × department, counts). */
async function plainGroupBy(database: Database) {
  const events = await rows<{ n: number }>(
    database.db,
    sql`select substr(division_code, 1, 9) as town, department_id, count(*)::int as n, count(closed_at)::int as closed,
        count(*) filter (where closed_at is not null and late is not true)::int as on_time
      from cases_case where type_code = 'governance_event' group by 1, 2`,
  );
  const apps = await rows<{ n: number }>(
    database.db,
    sql`select substr(division_code, 1, 9) as town, channel, count(*)::int as n
      from services_application where submitted_at is not null group by 1, 2`,
  );
  return events.length + apps.length;
}

/** Every measured indicator's value at the district, each town, each village and each department. */
async function everyIndicatorEveryLevel(modules: Modules) {
  const reader = modules.cockpit.reader;
  const period = {
    kind: 'all' as const,
    from: new Date('2000-01-01T00:00:00+08:00'),
    to: new Date(),
    fromMonth: null,
    toMonth: '9999-12-01',
  };
  let values = 0;
  for (const def of await reader.indicators()) {
    if (def.formula.op !== 'ratio' && def.formula.op !== 'count') continue;
    for (const level of def.levels) values += (await reader.scopeValues(def, period, level)).length;
  }
  return values;
}

async function benchDatabase(
  database: Database,
  label: string,
  machine: string,
  date: string,
  events: number,
  applications: number,
) {
  await runMigrations(database);
  const kernel: Kernel = createKernel({ database });
  await startKernel(kernel, { migrate: false });
  const modules = createModules(kernel, { cockpitTickMs: 0 });
  await startModules(modules);
  const seeded = await seedFenghua(kernel, { dataCatalog: false });
  const admin = seeded.credentials.find((c) => c.username === 'admin');
  if (!admin) throw new Error('no admin account');
  log(`\n${label}: ${describeLoad()}`);
  const loadStart = performance.now();
  let lastShown = 0;
  const made = await seedScaleActivity(kernel, {
    events,
    applications,
    onProgress: (done, total) => {
      if (done - lastShown >= total / 10 || done === total) {
        lastShown = done;
        log(
          `  seeded ${fmt(done)} / ${fmt(total)} rows (${((performance.now() - loadStart) / 1000).toFixed(0)} s)`,
        );
      }
    },
  });
  log(
    `  ${fmt(made.events)} events (${fmt(made.coCases)} co-handling, ${fmt(made.redispatches)} re-dispatches), ${fmt(made.applications)} applications; loaded in ${((performance.now() - loadStart) / 1000).toFixed(0)} s (not timed)`,
  );

  // Statistics after the bulk load, as autovacuum would gather them on a live server.
  await database.db.execute(sql`analyze`);
  // 1. Every counter at every level, recomputed from source, against the plain GROUP BY.
  const baseline1 = await measure(() => plainGroupBy(database));
  const rebuild = await measure(() => modules.cockpit.rebuild());
  const baseline2 = await measure(() => plainGroupBy(database));
  const groupBy = (baseline1.ms + baseline2.ms) / 2;
  log(
    `  plain GROUP BY ${fmt(groupBy)} ms; rebuild of every counter from source ${fmt(rebuild.ms)} ms (${fmt(rebuild.value)} counters, ${(rebuild.ms / groupBy).toFixed(2)}×)`,
  );

  // 2. Every indicator at every level from the counters.
  const fromCounters = await measure(() => everyIndicatorEveryLevel(modules));
  log(
    `  every measured indicator at every level from counters: ${fmt(fromCounters.value)} values in ${fromCounters.ms.toFixed(1)} ms (${(fromCounters.ms / groupBy).toFixed(4)}× the GROUP BY)`,
  );

  // 3. The incremental update per event: close open events, then refresh each one's contribution.
  const open = await rows<{ id: string }>(
    database.db,
    sql`select id from cases_case where type_code = 'governance_event' and closed_at is null limit ${UPDATES}`,
  );
  await database.db.execute(sql`update cases_case set closed_at = now(), late = false, state = 'closed'
    where id in (select id from cases_case where type_code = 'governance_event' and closed_at is null limit ${UPDATES})`);
  const updates = await measure(async () => {
    for (const r of open) await kernel.transaction((tx) => refreshFact(tx, 'event', r.id, DISTRICT));
  });
  const perEvent = updates.ms / Math.max(open.length, 1);
  log(
    `  incremental update: ${fmt(open.length)} events in ${fmt(updates.ms)} ms, ${perEvent.toFixed(2)} ms per event (${(perEvent / groupBy).toExponential(2)}× the GROUP BY)`,
  );

  // 4. The big screen's API, p95 per request, against the GROUP BY's p95 over a few runs.
  const app = await buildApp({
    kernel,
    modules,
    info: {
      name: 'Zhizhi',
      version: 'bench',
      dialect: database.dialect,
      demo: false,
      region: { code: DISTRICT, name: '奉化区', nameEn: 'Fenghua District' },
    },
    webDist: null,
    // 7 endpoints × 200 requests from one client in well under a minute: above the per-client limit.
    rateLimitPerMinute: 1_000_000_000,
  });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: admin.password },
  });
  const cookie = login.cookies.find((c) => c.name === 'zz_session');
  if (!cookie) throw new Error(`login failed: ${login.body}`);
  const headers = { cookie: `zz_session=${cookie.value}` };
  const urls = [
    '/api/cockpit/overview',
    '/api/cockpit/overview?scope=town:330213100000',
    '/api/cockpit/indicators/plan.cross_department_completion/breakdown?level=town',
    '/api/cockpit/indicators/plan.online_service_rate/breakdown?level=village&parent=town:330213100000',
    '/api/cockpit/map',
    '/api/cockpit/feed',
    '/api/cockpit/warnings',
  ];
  const all: number[] = [];
  const perUrl: Record<string, number> = {};
  for (const url of urls) {
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      const response = await app.inject({ method: 'GET', url, headers });
      times.push(performance.now() - start);
      if (response.statusCode !== 200)
        throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    }
    perUrl[url] = p95(times);
    all.push(...times);
    log(
      `  ${url}: p95 ${p95(times).toFixed(1)} ms, median ${[...times].sort((a, b) => a - b)[times.length >> 1].toFixed(1)} ms`,
    );
  }
  await app.close();
  const groupByRuns: number[] = [];
  for (let i = 0; i < 5; i++) groupByRuns.push((await measure(() => plainGroupBy(database))).ms);
  const apiP95 = p95(all);
  log(
    `  big-screen API p95 ${apiP95.toFixed(1)} ms over ${fmt(all.length)} requests; plain GROUP BY p95 ${fmt(p95(groupByRuns))} ms`,
  );

  const [{ v: version }] = await rows<{ v: string }>(database.db, sql`select version() as v`);
  const figure = resultsFor(`${label} (${version.split(' ').slice(0, 2).join(' ')})`, machine, date);
  const base = `plain GROUP BY over the ${fmt(made.events)} events and ${fmt(made.applications)} applications`;
  return [
    figure({
      name: `recompute every counter at every level from source (${fmt(rebuild.value)} counters), ms`,
      unit: 'ms',
      value: rebuild.ms,
      baseline: base,
      baselineValue: groupBy,
      target: 'informational: run on first start, after bulk loads',
    }),
    figure({
      name: 'every measured indicator at every level (district, towns, villages, departments) from counters, ms',
      unit: 'ms',
      value: fromCounters.ms,
      baseline: base,
      baselineValue: groupBy,
      target: 'far below the GROUP BY',
    }),
    figure({
      name: 'incremental update per event (re-read row, apply the difference), ms',
      unit: 'ms',
      value: perEvent,
      baseline: base,
      baselineValue: groupBy,
      target: 'cheap enough for every event',
    }),
    figure({
      name: `big-screen API p95 over ${urls.length} endpoints × ${REQUESTS} requests, ms`,
      unit: 'ms',
      value: apiP95,
      baseline: `${base}, p95 of 5 runs`,
      baselineValue: p95(groupByRuns),
      target: '< 200 ms',
    }),
    ...Object.entries(perUrl).map(([url, ms]) =>
      figure({
        name: `p95 ${url}, ms`,
        unit: 'ms',
        value: ms,
        baseline: `${base}, p95 of 5 runs`,
        baselineValue: p95(groupByRuns),
        target: '< 200 ms',
      }),
    ),
  ];
}

async function main() {
  const machine = describeMachine();
  const date = new Date().toISOString().slice(0, 10);
  log(
    `cockpit bench: ${fmt(EVENTS)} events, ${fmt(APPLICATIONS)} applications (PGlite ${fmt(PGLITE_EVENTS)} / ${fmt(PGLITE_APPLICATIONS)}); ${machine}`,
  );
  const results: BenchResult[] = [];
  const only = process.env.BENCH_ONLY;
  if (only !== 'postgres') {
    // On disk: ten million events do not fit PGlite's in-memory (32-bit WebAssembly) heap.
    const dir = mkdtempSync(join(tmpdir(), 'zhizhi-bench-cockpit-'));
    const embedded = await openDatabase({ dataDir: dir });
    try {
      results.push(
        ...(await benchDatabase(
          embedded,
          'PGlite on disk',
          machine,
          date,
          PGLITE_EVENTS,
          PGLITE_APPLICATIONS,
        )),
      );
    } finally {
      await embedded.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (only !== 'pglite')
    results.push(
      ...(await onScratchPostgres(POSTGRES_URL, 'zhizhi_bench_cockpit', (database) =>
        benchDatabase(database, 'PostgreSQL', machine, date, EVENTS, APPLICATIONS),
      )),
    );
  log(formatTable(results));
  const path = only ? RESULTS_PATH.replace('.json', `-${only}.json`) : RESULTS_PATH;
  writeResults(path, results);
  log(`\nwrote ${path}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
