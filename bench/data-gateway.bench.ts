// Sharing gateway throughput: calls/s of the shared data API (key check, grant policy, masking,
// group-commit metering) against a bare Fastify route returning the same rows from the same
// database, in one run, on PGlite and (when reachable) PostgreSQL. Writes
// bench/results/data-gateway.json. Never a pass/fail test.
// Run: npx tsx bench/data-gateway.bench.ts — BENCH_CALLS (per side, 2000), BENCH_CONCURRENCY (16),
// BENCH_ROWS (10000), BENCH_PAGE (20), BENCH_ROW_FILTER=1, BENCH_DATABASE_URL (PostgreSQL server).
import { fileURLToPath } from 'node:url';
import { dataRow } from '@zhizhi/data';
import {
  createKernel,
  type Database,
  openDatabase,
  runMigrations,
  startKernel,
  systemActor,
} from '@zhizhi/kernel';
import { asc, eq, sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { createModules, startModules } from '../apps/server/src/modules';
import {
  describeLoad,
  describeMachine,
  envInt,
  formatTable,
  interleave,
  onScratchPostgres,
  ratioSpread,
  resultsFor,
  timeOps,
  writeResults,
} from './lib';

const RESULTS_PATH = fileURLToPath(new URL('results/data-gateway.json', import.meta.url));
const POSTGRES_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CALLS = envInt('BENCH_CALLS', 2000);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 16);
const ROWS = envInt('BENCH_ROWS', 10_000);
const PAGE = envInt('BENCH_PAGE', 20);
const ROUNDS = 4;
/** BENCH_ROW_FILTER=1: the grant has a row filter every row matches (GIN scan and sort: a slow query
 * on both sides); default without, in primary-key order (the cheap query that exposes the overhead). */
const ROW_FILTER = process.env.BENCH_ROW_FILTER === '1';
const MATTER = '许可-00001-001';
const log = (line: string) => console.log(line);

/** One database: seed a resource and a grant, then time gateway calls against the bare route. */
async function benchDatabase(database: Database, label: string, machine: string, date: string) {
  await runMigrations(database);
  const kernel = createKernel({ database });
  await startKernel(kernel, { migrate: false });
  await kernel.org.importDivisions(systemActor, [
    {
      code: '330213000000',
      name: '奉化区',
      level: 'district',
      kind: '区',
      parentCode: null,
      validFrom: '2016-09-14',
      validTo: null,
      replacedBy: null,
      lng: null,
      lat: null,
      sort: 0,
    },
  ]);
  const rsj = await kernel.org.createDepartment(systemActor, {
    code: 'rsj',
    name: '区人社局',
    nameEn: 'HR Bureau',
    divisionCode: '330213000000',
    kind: 'bureau',
  });
  const consumer = await kernel.org.createDepartment(systemActor, {
    code: 'ybj',
    name: '区医保局',
    nameEn: 'Medical Insurance Bureau',
    divisionCode: '330213000000',
    kind: 'bureau',
  });
  const modules = createModules(kernel);
  await startModules(modules);
  const { id: resourceId, code } = await modules.data.catalog.registerResource(systemActor, {
    classificationCode: '301012001',
    name: '社会保险参保人员信息',
    providerDepartmentId: rsj.id,
    abstract: '基准测试用的参保人员信息（合成数据）。',
    format: '数据库',
    updateCycle: '每日',
    sharingType: 'conditional',
    sharingCondition: '基准测试',
    openingType: 'closed',
    items: [
      { code: 'id_number', name: '公民身份号码', type: 'string', grade: 'L3', personalKind: 'id_number' },
      { code: 'person_name', name: '姓名', type: 'string', grade: 'L3', personalKind: 'name' },
      { code: 'phone', name: '联系电话', type: 'string', grade: 'L2', personalKind: 'phone' },
      { code: 'town', name: '所属镇街', type: 'string', grade: 'L1' },
      { code: 'months', name: '缴费月数', type: 'integer', grade: 'L2' },
      { code: 'balance', name: '账户余额', type: 'decimal', grade: 'L4' },
    ],
  });
  for (let start = 0; start < ROWS; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, ROWS - start) }, (_, k) => {
      const i = start + k;
      const id = `330283${1950 + (i % 50)}0101${String(i % 10_000).padStart(4, '0')}`;
      return {
        resourceId,
        rowKey: String(i).padStart(8, '0'),
        data: {
          id_number: id,
          person_name: `测试${i}`,
          phone: `139${String(i).padStart(8, '0')}`,
          town: '溪口镇',
          months: i % 240,
          balance: i,
        },
        hash: String(i).padStart(64, '0'),
        loadVersion: 1,
      };
    });
    await database.db.insert(dataRow).values(batch);
  }
  const { requests, grants } = modules.data.sharing;
  const request = await requests.request(systemActor, {
    resourceId,
    consumerDepartmentId: consumer.id,
    items: ['id_number', 'person_name', 'phone', 'town', 'months'],
    purpose: '基准测试',
    legalBasis: '基准测试依据',
    matterCode: MATTER,
    durationDays: 365,
  });
  const { grantId } = await requests.approve(systemActor, request.id, {
    rowFilter: ROW_FILTER ? { town: '溪口镇' } : {},
    quotaPerDay: 10_000_000,
    ratePerMinute: 100_000,
    expiresInDays: 365,
  });
  const { key } = await grants.issueKey(systemActor, grantId);
  const fields = ['id_number', 'person_name', 'phone', 'town', 'months'];

  // The baseline: a bare route, the same rows (same resource, filter, order, page) as raw JSON. It
  // sits under /api/ so both sides pass the same app-wide hooks (rate limit, authentication).
  const bare = async (app: import('fastify').FastifyInstance) => {
    app.get('/api/bench/bare', async () => {
      const rows = await database.db
        .select({ data: dataRow.data })
        .from(dataRow)
        .where(
          ROW_FILTER
            ? sql`${eq(dataRow.resourceId, resourceId)} and ${dataRow.data} @> '{"town":"溪口镇"}'::jsonb`
            : eq(dataRow.resourceId, resourceId),
        )
        .orderBy(asc(dataRow.rowKey))
        .limit(PAGE);
      return { rows: rows.map((r) => Object.fromEntries(fields.map((f) => [f, r.data[f]]))) };
    });
  };
  const app = await buildApp({
    kernel,
    modules,
    info: {
      name: 'bench',
      version: 'bench',
      dialect: database.dialect,
      demo: false,
      region: { code: '330213000000', name: '奉化区', nameEn: 'Fenghua' },
    },
    rateLimitPerMinute: 100_000_000,
    routes: [bare],
  });
  await app.ready();
  const gatewayUrl = `/api/share/v1/resources/${code.replace('/', '-')}/rows?limit=${PAGE}&fields=${fields.join(',')}`;
  const headers = {
    authorization: `Bearer ${key}`,
    'x-matter-code': encodeURIComponent(MATTER),
    'x-accessor': 'bench-01',
  };
  const gatewayCall = async () => {
    const r = await app.inject({ url: gatewayUrl, headers });
    if (r.statusCode !== 200) throw new Error(`gateway answered ${r.statusCode}: ${r.body}`);
  };
  const bareCall = async () => {
    const r = await app.inject({ url: '/api/bench/bare' });
    if (r.statusCode !== 200) throw new Error(`bare answered ${r.statusCode}`);
  };
  for (let i = 0; i < 100; i++) await Promise.all([gatewayCall(), bareCall()]); // warm-up
  await modules.data.sharing.meter.idle();
  const flushesBefore = modules.data.sharing.meter.stats().flushes;
  const comparison = await interleave(
    CALLS,
    ROUNDS,
    (n) => timeOps(n, bareCall, CONCURRENCY),
    (n) => timeOps(n, gatewayCall, CONCURRENCY),
  );
  await modules.data.sharing.meter.idle();
  const verified = await modules.data.sharing.verifyLog(systemActor);
  if (!verified.ok) throw new Error(`access log broken: ${JSON.stringify(verified.problems.slice(0, 3))}`);
  const counted = await database.db.execute(sql`select count(*)::int as n from data_access_log`);
  const logged = Number((counted as unknown as { rows: { n: number }[] }).rows[0].n);
  const flushes = modules.data.sharing.meter.stats().flushes - flushesBefore;
  log(
    `${label}: gateway ${comparison.subject.perSecond.toFixed(0)} calls/s, bare ${comparison.baseline.perSecond.toFixed(0)} calls/s, ` +
      `ratio ${(comparison.subject.perSecond / comparison.baseline.perSecond).toFixed(2)} (rounds ${ratioSpread(comparison)}); ` +
      `${logged} calls logged (${CALLS} timed, in ${flushes} flushes: ${(CALLS / flushes).toFixed(1)} per flush), chain verified`,
  );
  await app.close();
  const versionRow = await database.db.execute(sql`select version() as v`);
  const version = String((versionRow as unknown as { rows: { v: string }[] }).rows[0].v);
  const name = `${label} (${version.split(' ').slice(0, 2).join(' ')})`;
  return [
    resultsFor(
      name,
      machine,
      date,
    )({
      name: `gateway calls/s (${PAGE} rows${ROW_FILTER ? ', row filter' : ''}, ${CONCURRENCY} concurrent; key + policy + masking + metering)`,
      unit: 'calls/s',
      value: comparison.subject.perSecond,
      baseline: `bare Fastify route, same ${PAGE} rows, same database`,
      baselineValue: comparison.baseline.perSecond,
      target: 'issue #4: ≥ 0.5 × bare',
    }),
  ];
}

async function main() {
  const machine = describeMachine();
  const date = new Date().toISOString();
  log(`data gateway bench on ${machine}, ${describeLoad()}, ${date}`);
  log(
    `${CALLS} calls per side, ${CONCURRENCY} concurrent, ${ROWS} rows, pages of ${PAGE}, row filter ${ROW_FILTER ? 'on' : 'off'}`,
  );
  const embedded = await openDatabase();
  const results = await benchDatabase(embedded, 'PGlite in memory', machine, date).finally(() =>
    embedded.close(),
  );
  results.push(
    ...(await onScratchPostgres(POSTGRES_URL, 'zhizhi_bench_gateway', (database) =>
      benchDatabase(database, 'PostgreSQL', machine, date),
    )),
  );
  log(formatTable(results));
  writeResults(RESULTS_PATH, results);
  log(
    '\nwrote bench/results/data-gateway.json. Ratios compare figures from this run only; benchmarks never pass or fail.',
  );
}

await main();
