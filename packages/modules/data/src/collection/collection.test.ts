import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { newId, systemActor } from '@zhizhi/kernel';
import { auditEntry } from '@zhizhi/kernel/audit';
import { eq } from 'drizzle-orm';
import { createTestKernel } from '@zhizhi/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogService } from '../catalog/catalog-service';
import { createDataCollection } from './data-collection';
import { createRowPreparer, diffRows, resolveMapping } from './load-rows';
import { csvRecords, type SourceRow, type TabularSource, uploadSource } from './read-file';
import { hostAllowed, httpSource, postgresLabel } from './read-remote';
import { dataLoad } from './schema';

async function all(source: TabularSource): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const batch of source.batches(2)) rows.push(...batch);
  return rows;
}

describe('reading uploads', () => {
  it('reads CSV in UTF-8 or GBK, quoted fields, tabs and Excel’s ="…" text', async () => {
    expect([...csvRecords('a,b\r\n"x, ""y""",="007"\n\n"multi\nline",2')]).toEqual([
      ['a', 'b'],
      ['x, "y"', '007'],
      ['multi\nline', '2'],
    ]);
    expect([...csvRecords('a\tb\n1\t2')]).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd]); // 姓名\n张三 in GBK
    const source = await uploadSource('x.csv', gbk);
    expect(source.columns).toEqual(['姓名']);
    expect(source.total).toBe(1);
    expect(await all(source)).toEqual([{ 姓名: '张三' }]);
  });

  it('reads XLSX (dates as YYYY-MM-DD, numbers as numbers) and JSON arrays or { rows }', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('人员');
    sheet.addRow(['身份证号', '参保日期', '人数']);
    sheet.addRow(['11010519491231002X', new Date(Date.UTC(2020, 0, 31)), 3]);
    sheet.addRow([]);
    sheet.addRow(['110105194912310029', null, 4]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const xlsx = await uploadSource('people.xlsx', bytes);
    expect(await all(xlsx)).toEqual([
      { 身份证号: '11010519491231002X', 参保日期: '2020-01-31', 人数: 3 },
      { 身份证号: '110105194912310029', 参保日期: null, 人数: 4 },
    ]);
    const json = await uploadSource(
      'x.json',
      Buffer.from(JSON.stringify({ rows: [{ a: 1 }, { b: { c: 2 } }] })),
    );
    expect(json.columns).toEqual(['a', 'b']);
    expect(await all(json)).toEqual([
      { a: 1, b: null },
      { a: null, b: '{"c":2}' },
    ]);
    await expect(uploadSource('x.json', Buffer.from('{"data":1}'))).rejects.toMatchObject({
      code: 'data.load.json_shape',
    });
    await expect(uploadSource('x.xlsx', Buffer.from('PK\x03\x04broken'))).rejects.toMatchObject({
      code: 'data.load.xlsx_invalid',
    });
    await expect(uploadSource('x.csv', Buffer.from('a,a\n1,2'))).rejects.toMatchObject({
      code: 'data.load.duplicate_column',
    });
  });
});

describe('mapping, keys and diffs', () => {
  const items = [
    { code: 'id_number', name: '公民身份号码' },
    { code: 'since', name: '参保日期' },
  ];
  it('maps columns named after item codes or names by default, explicit mappings otherwise', () => {
    expect(resolveMapping(['公民身份号码', 'since', 'other'], items, undefined, ['id_number'])).toEqual({
      公民身份号码: 'id_number',
      since: 'since',
    });
    expect(() => resolveMapping(['x'], items, undefined, [])).toThrow(
      expect.objectContaining({ code: 'data.load.mapping_empty' }),
    );
    expect(() => resolveMapping(['a', 'b'], items, { a: 'since', b: 'since' }, [])).toThrow(
      expect.objectContaining({ code: 'data.load.mapping_twice' }),
    );
  });

  it('keys rows by key items (or content hash) and counts added/changed/removed/unchanged', () => {
    const prepare = createRowPreparer({ id: 'id_number', d: 'since' }, ['id_number']);
    const before = [prepare({ id: '1', d: 'a' }), prepare({ id: '2', d: 'b' }), prepare({ id: '3', d: 'c' })];
    const again = createRowPreparer({ id: 'id_number', d: 'since' }, ['id_number']);
    const after = [again({ id: '1', d: 'a' }), again({ id: ' 2 ', d: 'B' }), again({ id: '4', d: 'd' })];
    expect(diffRows(new Map(before.map((r) => [r.key, r.hash])), after)).toEqual({
      added: 1,
      changed: 1,
      unchanged: 1,
      removed: 1,
    });
    expect(() => again({ id: '1', d: 'z' })).toThrow(
      expect.objectContaining({ code: 'data.load.duplicate_key', row: 4 }),
    );
    const unkeyed = createRowPreparer({ d: 'since' }, []);
    const [x, y] = [unkeyed({ d: 'same' }), unkeyed({ d: 'same' })];
    expect(y.key).toBe(`${x.key}#1`);
  });
});

describe('remote sources', () => {
  it('caps the size and the time of an HTTP endpoint, and never labels a query or password', async () => {
    const server = createServer((request, response) => {
      if (request.url === '/slow') return void setTimeout(() => response.end('[]'), 2000);
      response.end(JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ n: i, text: 'x'.repeat(50) }))));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await expect(httpSource(`${base}/big`, { maxBytes: 1000 })).rejects.toMatchObject({
        code: 'data.load.too_large',
      });
      await expect(httpSource(`${base}/slow`, { timeoutMs: 100 })).rejects.toMatchObject({
        code: 'data.load.http_timeout',
      });
      const ok = await httpSource(`${base}/big?token=abc`);
      expect(ok.label).toBe(`${base}/big`);
      expect(ok.total).toBe(500);
    } finally {
      server.close();
    }
    expect(postgresLabel('postgres://user:pw@db.example:5432/hr', 'public.people')).toBe(
      'db.example:5432/hr public.people',
    );
  });
});

describe('the list of source hosts (DATA_LOAD_ALLOWED_HOSTS)', () => {
  it('allows any host without a list, else exact names and *.suffix entries only', () => {
    expect(hostAllowed('169.254.169.254', undefined)).toBe(true);
    const list = ['db.rsj.fenghua.gov.cn', '*.nbfh.gov.cn'];
    expect(hostAllowed('DB.rsj.fenghua.gov.cn', list)).toBe(true);
    expect(hostAllowed('api.mz.nbfh.gov.cn', list)).toBe(true);
    expect(hostAllowed('nbfh.gov.cn.evil.example', list)).toBe(false);
    expect(hostAllowed('169.254.169.254', list)).toBe(false);
    expect(hostAllowed('', list)).toBe(false);
  });

  it('refuses a load from a host not on the list before anything is written', async () => {
    const t = await createTestKernel();
    try {
      const catalog = createCatalogService(t.kernel);
      const collection = createDataCollection(t.kernel, { allowedHosts: ['*.nbfh.gov.cn'] });
      await collection.start();
      const { id } = await catalog.registerResource(systemActor, {
        classificationCode: '301012002',
        name: '失业保险金领取人员信息',
        providerDepartmentId: t.departments.rsj.id,
        abstract: '本区失业保险金领取人员的登记信息。',
        format: '接口',
        updateCycle: '每月',
        sharingType: 'unconditional',
        openingType: 'closed',
        items: [{ code: 'serial', name: '序号', type: 'string', grade: 'L1' }],
      });
      await expect(
        collection.loads.startLoad(systemActor, id, { kind: 'http', url: 'http://169.254.169.254/latest' }),
      ).rejects.toMatchObject({ code: 'data.load.host_not_allowed' });
      await expect(
        collection.loads.startLoad(systemActor, id, {
          kind: 'postgres',
          connectionString: 'postgres://reader@10.0.0.5:5432/hr',
          table: 'public.people',
        }),
      ).rejects.toMatchObject({ code: 'data.load.host_not_allowed' });
      expect(await t.kernel.db.select().from(dataLoad)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('interrupted loads', () => {
  it('marks a running load whose process stopped as failed, audited; a live one stays', async () => {
    const t = await createTestKernel();
    try {
      const catalog = createCatalogService(t.kernel);
      const collection = createDataCollection(t.kernel);
      const { id: resourceId } = await catalog.registerResource(systemActor, {
        classificationCode: '301012003',
        name: '工伤保险参保人员信息',
        providerDepartmentId: t.departments.rsj.id,
        abstract: '本区工伤保险参保人员的登记信息。',
        format: '数据库',
        updateCycle: '每月',
        sharingType: 'unconditional',
        openingType: 'closed',
        items: [{ code: 'serial', name: '序号', type: 'string', grade: 'L1' }],
      });
      const load = (version: number, heartbeatAt: Date) => ({
        id: newId(),
        resourceId,
        version,
        source: 'upload' as const,
        sourceLabel: 'x.csv',
        mapping: {},
        status: 'running' as const,
        startedAt: heartbeatAt,
        heartbeatAt,
      });
      const now = t.clock.now().getTime();
      const dead = load(1, new Date(now - 20 * 60_000));
      const live = load(2, new Date(now - 60_000));
      await t.kernel.db.insert(dataLoad).values([dead, live]);
      expect(await collection.loads.sweepInterrupted()).toBe(1);
      const rows = await t.kernel.db.select().from(dataLoad).orderBy(dataLoad.version);
      expect(rows.map((r) => [r.status, r.errorCode])).toEqual([
        ['failed', 'data.load.interrupted'],
        ['running', null],
      ]);
      // On the embedded database start() sweeps every running load (no other process can hold the
      // database); on PostgreSQL another server may be running it, so only stale ones go.
      await collection.start();
      const embedded = t.kernel.database.dialect === 'pglite';
      const statuses = (await t.kernel.db.select().from(dataLoad).orderBy(dataLoad.version)).map(
        (r) => r.status,
      );
      expect(statuses).toEqual(['failed', embedded ? 'failed' : 'running']);
      const audit = await t.kernel.db
        .select()
        .from(auditEntry)
        .where(eq(auditEntry.action, 'data.load.interrupted'));
      expect(audit).toHaveLength(embedded ? 2 : 1);
    } finally {
      await t.close();
    }
  });
});

describe('a large load', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  beforeAll(async () => {
    t = await createTestKernel();
  });
  afterAll(() => t.close());

  it('streams 100,000 rows in batches, reporting progress, and replaces the rows in one go', async () => {
    const catalog = createCatalogService(t.kernel);
    const collection = createDataCollection(t.kernel, { batchSize: 20_000 });
    await collection.start();
    const { id } = await catalog.registerResource(systemActor, {
      classificationCode: '301012001',
      name: '社会保险参保人员信息',
      providerDepartmentId: t.departments.rsj.id,
      abstract: '本区职工基本养老保险参保人员的参保登记信息。',
      format: '数据库',
      updateCycle: '每月',
      sharingType: 'unconditional',
      openingType: 'closed',
      items: [
        { code: 'serial', name: '序号', type: 'string', grade: 'L1' },
        { code: 'amount', name: '缴费金额', type: 'decimal', grade: 'L2' },
      ],
    });
    await collection.quality.setRules(systemActor, id, {
      keyItems: ['serial'],
      items: [{ item: 'amount', rules: [{ kind: 'range', min: 0, max: 99_000 }] }],
    });
    const lines = ['serial,amount'];
    for (let i = 0; i < 100_000; i++) lines.push(`${i},${i}`);
    const started = await collection.loads.startLoad(systemActor, id, {
      kind: 'upload',
      fileName: 'big.csv',
      bytes: Buffer.from(lines.join('\n')),
    });
    expect(started).toMatchObject({ status: 'running', rowsTotal: 100_000 });
    const seen = new Set<number>();
    const poll = setInterval(async () => {
      seen.add((await collection.loads.getLoad(systemActor, started.id)).rowsRead);
    }, 50);
    const done = await collection.loads.waitFor(started.id);
    clearInterval(poll);
    expect(done).toMatchObject({ status: 'done', added: 100_000, rowsRead: 100_000 });
    expect(done.passRate).toBeCloseTo(99_001 / 100_000, 6);
    expect([...seen].some((n) => n > 0 && n < 100_000)).toBe(true);
    const findings = await collection.quality.findings(systemActor, id);
    expect(findings.groups).toEqual([
      expect.objectContaining({
        item: 'amount',
        rule: 'range',
        count: 999,
        rows: Array.from({ length: 20 }, (_, i) => 99_002 + i),
      }),
    ]);
  }, 180_000);
});
