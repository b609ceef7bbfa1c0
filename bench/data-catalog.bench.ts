// Catalog search (issue #4): p50/p95 of the catalog's Chinese full-text search with facets over
// 25,000 data items (2,500 resources × 10 items), against a plain ILIKE '%…%' scan over name and
// abstract measured in the same run, on PGlite and PostgreSQL. Writes bench/results/data-catalog.json.
// Never a pass/fail test.
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createCatalogService, dataItem, dataResource } from '@zhizhi/data';
import {
  createKernel,
  type Database,
  newId,
  openDatabase,
  rows,
  runMigrations,
  systemActor,
} from '@zhizhi/kernel';
import { toWeightedVector } from '@zhizhi/kernel/search';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import {
  type BenchResult,
  describeLoad,
  describeMachine,
  envInt,
  formatTable,
  resultsFor,
  writeResults,
} from './lib';

const RESULTS_PATH = fileURLToPath(new URL('results/data-catalog.json', import.meta.url));
const POSTGRES_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RESOURCES = envInt('BENCH_RESOURCES', 2500);
const ITEMS_PER_RESOURCE = 10;
const QUERIES = envInt('BENCH_QUERIES', 400);
const ROUNDS = 4;
const log = (line: string) => console.log(line);

// Vocabulary of a district catalog: places, subjects, objects, item names (Chinese, as staff type them).
const PLACES = [
  '奉化区',
  '锦屏街道',
  '岳林街道',
  '江口街道',
  '溪口镇',
  '莼湖街道',
  '尚田街道',
  '萧王庙街道',
  '方桥街道',
  '大堰镇',
  '松岙镇',
  '裘村镇',
];
const SUBJECTS = [
  '社会保险',
  '市场主体',
  '最低生活保障',
  '不动产',
  '医疗机构',
  '学校',
  '公共停车场',
  '排污许可',
  '行政处罚',
  '住房公积金',
  '婚姻登记',
  '出生医学证明',
  '食品经营许可',
  '建筑工程',
  '退役军人',
  '就业困难人员',
  '残疾人',
  '养老服务机构',
  '道路运输',
  '农村宅基地',
];
const OBJECTS = [
  '登记信息',
  '名录',
  '对象信息',
  '缴存信息',
  '许可信息',
  '案件信息',
  '认定信息',
  '台账',
  '统计信息',
  '变更记录',
];
const ITEMS = [
  '公民身份号码',
  '姓名',
  '联系电话',
  '出生日期',
  '户籍地址',
  '统一社会信用代码',
  '市场主体名称',
  '法定代表人',
  '许可证编号',
  '有效期至',
  '登记日期',
  '所属镇（街道）',
  '参保状态',
  '缴费基数',
  '面积',
  '用途',
  '坐落',
  '泊位数',
  '学段',
  '机构类别',
  '处罚种类',
  '保障金额',
  '家庭人口数',
  '不动产单元号',
  '排放口编号',
];
const GRADES = ['L1', 'L2', 'L3', 'L4'] as const;
const FORMATS = ['电子表格', '数据库', '文件', '接口'] as const;
/** What staff search for: words of names, items and abstracts, some of them rare. */
const QUERY_WORDS = [
  '参保',
  '市场主体',
  '身份号码',
  '停车场',
  '不动产登记',
  '低保',
  '溪口镇',
  '许可证编号',
  '学校名录',
  '排污',
  '公积金缴存',
  '法定代表人',
];

/** 2,500 resources with 10 items each, written in bulk with the same search vector as registration. */
async function fill(database: Database, departments: string[]) {
  const now = new Date();
  for (let start = 0; start < RESOURCES; start += 250) {
    const resources: (typeof dataResource.$inferInsert)[] = [];
    const items: (typeof dataItem.$inferInsert)[] = [];
    for (let i = start; i < Math.min(start + 250, RESOURCES); i++) {
      const id = newId();
      const name = `${PLACES[i % PLACES.length]}${SUBJECTS[(i * 7) % SUBJECTS.length]}${OBJECTS[(i * 3) % OBJECTS.length]}`;
      const code = `3${String(10 + (i % 90)).padStart(2, '0')}${String(1 + (i % 999)).padStart(3, '0')}/${String(i + 1).padStart(6, '0')}`;
      const abstract = `${PLACES[(i + 5) % PLACES.length]}范围内${SUBJECTS[(i * 11) % SUBJECTS.length]}相关的${OBJECTS[(i * 5) % OBJECTS.length]}，按${['日', '周', '月'][i % 3]}更新，供政务服务事项办理使用。`;
      const itemNames = Array.from(
        { length: ITEMS_PER_RESOURCE },
        (_, j) => ITEMS[(i * 13 + j * 7) % ITEMS.length],
      );
      const grades = itemNames.map((_, j) => GRADES[(i + j) % (i % 4 === 0 ? 1 : 4)]);
      resources.push({
        id,
        code,
        classificationCode: code.slice(0, 6),
        sequence: i + 1,
        name,
        providerDepartmentId: departments[i % departments.length],
        abstract,
        format: FORMATS[i % FORMATS.length],
        updateCycle: '每月' as const,
        sharingType: 'conditional' as const,
        sharingCondition: '按需申请',
        openingType: i % 4 === 0 ? ('open' as const) : ('closed' as const),
        topGrade: [...grades].sort().at(-1) ?? 'L1',
        search: toWeightedVector([
          { text: name, weight: 'A' },
          { text: itemNames.join(' '), weight: 'B' },
          { text: `${code} ${abstract}`, weight: 'C' },
        ]) as unknown as string,
        createdAt: now,
        updatedAt: now,
      });
      for (const [j, itemName] of itemNames.entries())
        items.push({
          id: newId(),
          resourceId: id,
          code: `item_${j}`,
          name: itemName,
          nameKey: itemName,
          type: 'string',
          grade: grades[j],
          sort: j,
        });
    }
    await database.db.insert(dataResource).values(resources);
    await database.db.insert(dataItem).values(items);
  }
  await database.db.execute(sql`analyze data_resource`);
  await database.db.execute(sql`analyze data_item`);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** Per-call latencies of subject and baseline, in alternating rounds (A B, B A, …). */
async function latencies(
  subject: (i: number) => Promise<unknown>,
  baseline: (i: number) => Promise<unknown>,
) {
  const s: number[] = [];
  const b: number[] = [];
  const run = async (op: (i: number) => Promise<unknown>, into: number[], from: number, count: number) => {
    for (let i = from; i < from + count; i++) {
      const started = performance.now();
      await op(i);
      into.push(performance.now() - started);
    }
  };
  for (let i = 0; i < 20; i++) {
    await subject(i);
    await baseline(i);
  }
  const per = Math.ceil(QUERIES / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    const from = round * per;
    if (round % 2 === 0) {
      await run(baseline, b, from, per);
      await run(subject, s, from, per);
    } else {
      await run(subject, s, from, per);
      await run(baseline, b, from, per);
    }
  }
  const sort = (values: number[]) => [...values].sort((x, y) => x - y);
  return { subject: sort(s), baseline: sort(b) };
}

async function benchTarget(
  database: Database,
  label: string,
  machine: string,
  date: string,
): Promise<BenchResult[]> {
  log(`\n${label}; ${describeLoad()}`);
  await runMigrations(database);
  const departments = Array.from({ length: 30 }, () => newId());
  const filled = performance.now();
  await fill(database, departments);
  const [count] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from data_item`);
  log(
    `  ${RESOURCES.toLocaleString('en-US')} resources, ${Number(count.n).toLocaleString('en-US')} items written in ${((performance.now() - filled) / 1000).toFixed(1)} s`,
  );
  const catalog = createCatalogService(createKernel({ database }));
  const word = (i: number) => QUERY_WORDS[i % QUERY_WORDS.length];

  const search = await latencies(
    (i) => catalog.listResources(systemActor, { q: word(i), limit: 20 }),
    (i) =>
      rows(
        database.db,
        sql`select id, code, name from data_resource
            where name ilike ${`%${word(i)}%`} or abstract ilike ${`%${word(i)}%`}
            order by code limit 20`,
      ),
  );
  const found = await catalog.listResources(systemActor, { q: '参保', limit: 20 });
  log(`  e.g. 参保: ${found.total} resources, first ${found.items[0]?.name ?? '—'}`);
  const browse = await latencies(
    (i) =>
      catalog.listResources(systemActor, {
        limit: 20,
        offset: (i % 10) * 20,
        grade: i % 2 ? ['L1'] : undefined,
      }),
    (i) =>
      rows(
        database.db,
        sql`select id, code, name from data_resource order by code limit 20 offset ${(i % 10) * 20}`,
      ),
  );
  const figure = resultsFor(label, machine, date);
  const ms = (values: number[], p: number) => percentile(values, p);
  const target = 'issue #4: catalog search p95 over 25,000 data items (no number set; informational)';
  const results = [
    figure({
      name: 'catalog search p50 (Chinese full text, ranked, with facets and total)',
      unit: 'ms',
      value: ms(search.subject, 0.5),
      baseline: "plain ILIKE '%word%' over name and abstract, first 20 by code",
      baselineValue: ms(search.baseline, 0.5),
      target,
    }),
    figure({
      name: 'catalog search p95 (Chinese full text, ranked, with facets and total)',
      unit: 'ms',
      value: ms(search.subject, 0.95),
      baseline: "plain ILIKE '%word%' over name and abstract, first 20 by code",
      baselineValue: ms(search.baseline, 0.95),
      target,
    }),
    figure({
      name: 'catalog browse p95 (page of 20 with facet counts over all resources)',
      unit: 'ms',
      value: ms(browse.subject, 0.95),
      baseline: 'plain page of 20 by code, no facets',
      baselineValue: ms(browse.baseline, 0.95),
      target: 'informational',
    }),
  ];
  for (const r of results) log(`  ${r.name}: ${r.value} ms vs ${r.baselineValue} ms (${r.ratio}×)`);
  return results;
}

async function serverVersion(database: Database) {
  const [row] = await rows<{ server_version: string }>(database.db, sql`show server_version`);
  return row.server_version.split(' ')[0];
}

async function onPostgres(machine: string, date: string): Promise<BenchResult[]> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    log(`\nPostgreSQL not reachable (${(error as Error).message}): skipped.`);
    return [];
  }
  const name = `zhizhi_bench_catalog_${process.pid}`;
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), poolSize: 2 });
    try {
      return await benchTarget(
        database,
        `PostgreSQL ${await serverVersion(database)} at ${url.host}`,
        machine,
        date,
      );
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  }
}

async function main() {
  const machine = describeMachine();
  const date = new Date().toISOString();
  log(`data catalog bench on ${machine}, ${date}: ${QUERIES} queries per side, ${ROUNDS} alternating rounds`);
  const pglite = await openDatabase();
  let results: BenchResult[];
  try {
    results = await benchTarget(
      pglite,
      `PGlite in memory (PostgreSQL ${await serverVersion(pglite)})`,
      machine,
      date,
    );
  } finally {
    await pglite.close();
  }
  results.push(...(await onPostgres(machine, date)));
  log(formatTable(results));
  writeResults(RESULTS_PATH, results);
  log('wrote bench/results/data-catalog.json. Benchmarks never pass or fail.');
}

await main();
