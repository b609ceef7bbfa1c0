import { dataOpenDeveloper, dataOpenUsage, dataRow } from '@zhizhi/data';
import { systemActor } from '@zhizhi/kernel';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';

const USCC = '91330283MA2GQ5X418'; // GB 32100 check character 8

/** The open-data portal over HTTP: public browsing and downloads, developer keys, applications. */
describe('open-data portal API', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let reviewer: Record<string, string>;
  let jobs = '';
  let clinics = '';
  let key = '';
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const count$ = async (table: typeof dataOpenDeveloper | typeof dataOpenUsage) =>
    Number((await t.kernel.db.select({ n: count() }).from(table))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    const rsj = t.departments.rsj.id;
    await t.kernel.staff.createStaff(systemActor, {
      username: 'rsj.admin',
      displayName: '人社局数据管理员',
      password: 'rsj-pass-123',
      departmentId: rsj,
      roles: [{ roleCode: 'dept_admin', divisionCode: '330213000000', departmentId: rsj }],
      mustChangePassword: false,
    });
    reviewer = await t.login('rsj.admin', 'rsj-pass-123');
    const base = {
      providerDepartmentId: rsj,
      format: '电子表格' as const,
      sharingType: 'unconditional' as const,
    };
    const open = await t.modules.data.catalog.registerResource(systemActor, {
      ...base,
      classificationCode: '201003',
      name: '人力资源市场招聘岗位信息',
      abstract: '本区公共就业服务机构发布的招聘岗位、薪资范围与工作地点。',
      updateCycle: '每周',
      openingType: 'open',
      items: [
        { code: 'post', name: '岗位名称', type: 'string', grade: 'L1' },
        { code: 'salary', name: '薪资范围', type: 'string', grade: 'L1' },
        { code: 'openings', name: '招聘人数', type: 'integer', grade: 'L1' },
      ],
    });
    const restricted = await t.modules.data.catalog.registerResource(systemActor, {
      ...base,
      classificationCode: '201004',
      name: '职业技能培训学员信息',
      abstract: '本区职业技能培训机构学员的姓名、联系电话与培训工种。',
      updateCycle: '每月',
      openingType: 'restricted',
      items: [
        { code: 'trainee', name: '学员姓名', type: 'string', grade: 'L3', personalKind: 'name' },
        { code: 'phone', name: '联系电话', type: 'string', grade: 'L3', personalKind: 'phone' },
        { code: 'trade', name: '培训工种', type: 'string', grade: 'L1' },
      ],
    });
    await t.modules.data.catalog.registerResource(systemActor, {
      ...base,
      classificationCode: '301012001',
      name: '社会保险参保人员信息',
      abstract: '本区职工基本养老保险参保人员的参保登记信息。',
      updateCycle: '每日',
      openingType: 'closed',
      items: [
        { code: 'id_number', name: '公民身份号码', type: 'string', grade: 'L4', personalKind: 'id_number' },
      ],
    });
    jobs = open.code.replace('/', '-');
    clinics = restricted.code.replace('/', '-');
    const row = (resourceId: string, rowKey: string, data: Record<string, string | number>) => ({
      resourceId,
      rowKey,
      data,
      hash: rowKey.padEnd(64, '0'),
      loadVersion: 1,
    });
    await t.kernel.db
      .insert(dataRow)
      .values([
        row(open.id, 'a', { post: '会计', salary: '6000-8000', openings: 2 }),
        row(open.id, 'b', { post: '焊工, "高级"', salary: '面议\n可谈', openings: 5 }),
        row(open.id, 'c', { post: '会计', salary: '5000', openings: 1 }),
        row(restricted.id, 'x', { trainee: '张三丰', phone: '13812345678', trade: '电工' }),
        row(restricted.id, 'y', { trainee: '李四', phone: '13998765432', trade: '焊工' }),
      ]);
  });
  afterAll(() => t.close());

  it('lets anyone search open and restricted-open datasets with facets; closed ones do not exist', async () => {
    const all = (await get('/api/open/resources')).json();
    expect(all.items.map((d: { name: string }) => d.name)).toEqual([
      '人力资源市场招聘岗位信息',
      '职业技能培训学员信息',
    ]);
    expect(all.facets.updateCycles).toEqual(
      expect.arrayContaining([
        { value: '每周', count: 1 },
        { value: '每月', count: 1 },
      ]),
    );
    expect(all.facets.departments).toEqual([expect.objectContaining({ name: '区人社局', count: 2 })]);
    const search = (await get(`/api/open/resources?q=${encodeURIComponent('招聘岗位')}`)).json();
    expect(search.items.map((d: { urlCode: string }) => d.urlCode)).toEqual([jobs]);
    expect(search.items[0]).toMatchObject({ rowCount: 3, openingType: 'open' });
    const monthly = (await get(`/api/open/resources?updateCycle=${encodeURIComponent('每月')}`)).json();
    expect(monthly.total).toBe(1);
    const detail = await get(`/api/open/resources/${clinics}`);
    expect(detail.json().items).toEqual([
      { code: 'trainee', name: '学员姓名', type: 'string', masked: true },
      { code: 'phone', name: '联系电话', type: 'string', masked: true },
      { code: 'trade', name: '培训工种', type: 'string', masked: false },
    ]);
    expect(detail.body).not.toContain('L3');
    const closed = await get('/api/open/resources/301012001-000001');
    expect([closed.statusCode, closed.json().code]).toEqual([404, 'data.open.resource_not_found']);
    const bad = await get('/api/open/resources?updateCycle=hourly');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'data.open.query_invalid']);
  });

  it('downloads an open dataset as CSV (BOM, RFC 4180), JSON and XLSX, and counts each download', async () => {
    const csv = await get(`/api/open/resources/${jobs}/download?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`${jobs}.csv`);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toBe(
      '\uFEFF岗位名称,薪资范围,招聘人数\r\n会计,6000-8000,2\r\n"焊工, ""高级""","面议\n可谈",5\r\n会计,5000,1\r\n',
    );
    const json = (await get(`/api/open/resources/${jobs}/download?format=json`)).json();
    expect(json.fields.map((f: { name: string }) => f.name)).toEqual(['岗位名称', '薪资范围', '招聘人数']);
    expect(json.rows[1]).toEqual({ post: '焊工, "高级"', salary: '面议\n可谈', openings: 5 });
    const xlsx = await get(`/api/open/resources/${jobs}/download?format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '岗位名称', '薪资范围', '招聘人数']);
    expect(sheet.getRow(3).getCell(3).value).toBe(5);
    expect((await get(`/api/open/resources/${jobs}`)).json().downloads).toBe(3);

    const before = await count$(dataOpenUsage);
    const unknown = await get(`/api/open/resources/${jobs}/download?format=pdf`);
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'data.open.format_unknown']);
    const restricted = await get(`/api/open/resources/${clinics}/download?format=csv`);
    expect([restricted.statusCode, restricted.json().code]).toEqual([409, 'data.open.download_restricted']);
    expect(await count$(dataOpenUsage)).toBe(before);
  });

  it('registers a developer with checked mobile and credit code; bad input changes nothing', async () => {
    const payload = {
      name: '王开发',
      organisation: '宁波某某科技有限公司',
      mobile: '138 1234 5678',
      email: 'Dev@Example.cn',
    };
    const before = await count$(dataOpenDeveloper);
    const badMobile = await t.app.inject({
      method: 'POST',
      url: '/api/open/developers',
      payload: { ...payload, mobile: '12345' },
    });
    expect(badMobile.statusCode).toBe(400);
    expect(badMobile.json()).toMatchObject({
      code: 'data.open.developer_invalid',
      errors: [{ path: '/mobile' }],
    });
    const wrongCheck = `${USCC.slice(0, 17)}${USCC[17] === 'A' ? 'B' : 'A'}`;
    const badUscc = await t.app.inject({
      method: 'POST',
      url: '/api/open/developers',
      payload: { ...payload, uscc: wrongCheck },
    });
    expect(badUscc.json()).toMatchObject({
      code: 'data.open.developer_invalid',
      errors: [{ path: '/uscc' }],
    });
    expect(badUscc.body).not.toContain(wrongCheck);
    expect(await count$(dataOpenDeveloper)).toBe(before);

    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/open/developers',
      payload: { ...payload, uscc: USCC },
    });
    expect(ok.statusCode).toBe(201);
    key = ok.json().apiKey;
    expect(key).toMatch(/^zzo_[A-Za-z0-9_-]{43}$/);
    expect(ok.json().developer).toMatchObject({
      mobile: '138****5678',
      email: 'd***@example.cn',
      uscc: USCC,
    });
    const stored = await t.kernel.db.select().from(dataOpenDeveloper);
    expect(JSON.stringify(stored)).not.toContain(key);
  });

  it('serves rows to a key holder: fields, equality filters, paging ≤ 1000, metered; refuses bad input', async () => {
    const none = await get(`/api/open/v1/resources/${jobs}/rows`);
    expect([none.statusCode, none.json().code]).toEqual([401, 'data.open.key_invalid']);
    const wrong = await get(`/api/open/v1/resources/${jobs}/rows`, {
      'x-api-key': 'zzo_notarealkeynotarealkey12345',
    });
    expect(wrong.statusCode).toBe(401);
    const h = { 'x-api-key': key };
    const page = (
      await get(
        `/api/open/v1/resources/${jobs}/rows?fields=post,openings&post=${encodeURIComponent('会计')}&limit=1`,
        h,
      )
    ).json();
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 0, rows: [{ post: '会计', openings: 2 }] });
    expect(page.rows[0]).not.toHaveProperty('salary');
    const typed = (await get(`/api/open/v1/resources/${jobs}/rows?openings=5`, h)).json();
    expect(typed.rows).toEqual([{ post: '焊工, "高级"', salary: '面议\n可谈', openings: 5 }]);
    for (const [query, status, code] of [
      ['limit=1001', 400, 'data.open.page_invalid'],
      ['colour=red', 400, 'data.open.item_unknown'],
      ['openings=many', 400, 'data.open.filter_invalid'],
      ['fields=post,nope', 400, 'data.open.item_unknown'],
    ] as const) {
      const r = await get(`/api/open/v1/resources/${jobs}/rows?${query}`, h);
      expect([r.statusCode, r.json().code], query).toEqual([status, code]);
    }
    const stats = (await get('/api/open/stats')).json();
    expect(stats.totals).toMatchObject({ openResources: 2, developers: 1, downloads: 3, apiCalls: 2 });
    expect(stats.perResource).toEqual([
      expect.objectContaining({ urlCode: jobs, downloads: 3, apiCalls: 2, departmentName: '区人社局' }),
    ]);
    expect(stats.perDepartment).toEqual([
      expect.objectContaining({ resources: 2, downloads: 3, apiCalls: 2 }),
    ]);
    expect(JSON.stringify(stats)).not.toContain('王开发');
  });

  it('needs an approved application for a restricted-open dataset; the approval is the access, masked', async () => {
    const h = { 'x-api-key': key };
    const refused = await get(`/api/open/v1/resources/${clinics}/rows`, h);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'data.open.not_approved']);
    // The same key as a Bearer token reaches the portal's own check, not the staff key check.
    const asBearer = await get(`/api/open/v1/resources/${clinics}/rows`, { authorization: `Bearer ${key}` });
    expect([asBearer.statusCode, asBearer.json().code]).toEqual([403, 'data.open.not_approved']);
    const apply = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/open/applications', headers: h, payload });
    const badItems = await apply({
      resourceCode: clinics,
      purpose: '就业跟踪服务研究分析',
      items: ['salary'],
      durationDays: 90,
    });
    expect([badItems.statusCode, badItems.json().code]).toEqual([400, 'data.open.item_unknown']);
    const notNeeded = await apply({
      resourceCode: jobs,
      purpose: '就业跟踪服务研究分析',
      items: ['post'],
      durationDays: 90,
    });
    expect([notNeeded.statusCode, notNeeded.json().code]).toEqual([409, 'data.open.application_not_needed']);
    const applied = await apply({
      resourceCode: clinics,
      purpose: '就业跟踪服务研究分析',
      items: ['trainee', 'phone', 'trade'],
      durationDays: 90,
    });
    expect(applied.statusCode).toBe(201);
    expect(applied.json().caseNumber).toMatch(/^KF\d{14}$/);
    const again = await apply({
      resourceCode: clinics,
      purpose: '就业跟踪服务研究分析',
      items: ['trade'],
      durationDays: 30,
    });
    expect(again.json().code).toBe('data.open.application_pending');
    expect((await get(`/api/open/v1/resources/${clinics}/rows`, h)).statusCode).toBe(403);

    const anonymous = await get('/api/data/open-applications');
    expect(anonymous.statusCode).toBe(401);
    const inbox = (await get('/api/data/open-applications?status=submitted', reviewer)).json().items;
    expect(inbox).toEqual([
      expect.objectContaining({ organisation: '宁波某某科技有限公司', items: ['trainee', 'phone', 'trade'] }),
    ]);
    const decide = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/data/open-applications/${inbox[0].id}/decision`,
        headers: reviewer,
        payload,
      });
    const noReason = await decide({ decision: 'reject', expectedVersion: inbox[0].caseVersion });
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'data.open.reason_required']);
    const notAsked = await decide({
      decision: 'approve',
      items: ['salary'],
      expectedVersion: inbox[0].caseVersion,
    });
    expect(notAsked.json().code).toBe('data.open.item_not_asked');
    const approved = await decide({
      decision: 'approve',
      items: ['trainee', 'trade'],
      expectedVersion: inbox[0].caseVersion,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', grantedItems: ['trainee', 'trade'] });

    const rows = await get(`/api/open/v1/resources/${clinics}/rows`, h);
    expect(rows.json().rows).toEqual([
      { trainee: '张*丰', trade: '电工' },
      { trainee: '李*', trade: '焊工' },
    ]);
    expect(rows.body).not.toContain('张三丰');
    expect(rows.body).not.toContain('1381234');
    const phone = await get(`/api/open/v1/resources/${clinics}/rows?fields=phone`, h);
    expect([phone.statusCode, phone.json().code]).toEqual([403, 'data.open.item_not_approved']);
    const probe = await get(
      `/api/open/v1/resources/${clinics}/rows?trainee=${encodeURIComponent('张三丰')}`,
      h,
    );
    expect([probe.statusCode, probe.json().code]).toEqual([403, 'data.open.filter_not_allowed']);
    expect(probe.body).not.toContain('张三丰');
    const mine = (await get('/api/open/developers/me', h)).json();
    expect(mine.applications).toEqual([
      expect.objectContaining({ status: 'approved', grantedItems: ['trainee', 'trade'] }),
    ]);
    expect(mine.developer.mobile).toBe('138****5678');
  });

  it('rotates the key: the old one stops at once', async () => {
    const rotated = await t.app.inject({
      method: 'POST',
      url: '/api/open/developers/me/key',
      headers: { 'x-api-key': key },
    });
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json().apiKey as string;
    expect(fresh).not.toBe(key);
    expect((await get(`/api/open/v1/resources/${jobs}/rows`, { 'x-api-key': key })).statusCode).toBe(401);
    expect((await get(`/api/open/v1/resources/${jobs}/rows`, { 'x-api-key': fresh })).statusCode).toBe(200);
    key = fresh;
  });

  it('takes a decision made on the case itself (generic case API) as the access', async () => {
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/open/developers',
      payload: {
        name: '李开发',
        organisation: '宁波另一科技有限公司',
        mobile: '13900001111',
        email: 'li@example.cn',
      },
    });
    const h = { 'x-api-key': second.json().apiKey as string };
    const applied = await t.app.inject({
      method: 'POST',
      url: '/api/open/applications',
      headers: h,
      payload: {
        resourceCode: clinics,
        purpose: '培训质量统计分析研究',
        items: ['phone', 'trade'],
        durationDays: 30,
      },
    });
    const [pending] = (await get('/api/data/open-applications?status=submitted', reviewer)).json().items;
    expect(pending.caseNumber).toBe(applied.json().caseNumber);
    const step = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${pending.caseId}/transitions`,
      headers: reviewer,
      payload: {
        transition: 'approve',
        expectedVersion: pending.caseVersion,
        data: { approved_items: 'phone' },
      },
    });
    expect(step.statusCode).toBe(200);
    const rows = (await get(`/api/open/v1/resources/${clinics}/rows`, h)).json();
    expect(rows.rows).toEqual([{ phone: '138****5678' }, { phone: '139****5432' }]);
    expect(rows.fields).toEqual([{ code: 'phone', name: '联系电话', type: 'string', masked: true }]);
  });

  it('limits registrations per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/open/developers',
        payload: {},
        remoteAddress: '10.9.8.7',
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 5).every((s) => s === 400)).toBe(true);
    expect(statuses[5]).toBe(429);
  });
});
