import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rows, systemActor } from '@zhizhi/kernel';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const SAMPLE = fileURLToPath(
  new URL('../../../../packages/modules/governance/src/hotline/sample-12345.csv', import.meta.url),
);
const XIKOU = { lng: 121.2435, lat: 29.6765 };

describe('governance API', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Record<string, string>;
  const count = async (table: string) =>
    (await rows<{ n: number }>(t.kernel.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    for (const code of ['zhzf-330213100', 'zhzf-330213001']) {
      await t.kernel.org.createDepartment(systemActor, {
        code,
        name: code.endsWith('100') ? '溪口镇综合行政执法队' : '锦屏街道综合行政执法队',
        nameEn: 'Law Enforcement Team',
        divisionCode: code.endsWith('100') ? '330213100000' : '330213001000',
        kind: 'other',
      });
    }
    admin = await t.login();
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers });

  it('admins edit the dispatch catalogue (versioned), refused when a department is unknown', async () => {
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/governance/catalogue',
      headers: admin,
      payload: { rules: [{ category: 'road.*', departmentCode: 'nowhere' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('cases.catalogue.unknown_department');
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/governance/catalogue',
      headers: admin,
      payload: {
        rules: [
          { category: 'road.*', divisionCode: '330213100000', departmentCode: 'zhzf-330213100' },
          { category: 'road.*', divisionCode: '330213001000', departmentCode: 'zhzf-330213001' },
        ],
      },
    });
    expect(ok.json()).toEqual({ version: 1, created: true });
    const read = await t.app.inject({ method: 'GET', url: '/api/governance/catalogue', headers: admin });
    expect(read.json()).toMatchObject({ version: 1 });
    expect(read.json().rules).toHaveLength(2);
  });

  it('a citizen reports with a photo, tracks and (later) rates; contact data never leaves', async () => {
    const photo = await post('/api/public/files', PNG, {
      'content-type': 'image/png',
      'x-file-name': encodeURIComponent('坑.png'),
    });
    expect(photo.statusCode).toBe(201);
    const report = await post('/api/public/governance/reports', {
      categoryCode: 'road.pothole',
      description: '武岭路人行道旁路面塌陷，有积水',
      location: XIKOU,
      photos: [photo.json().id],
      reporterName: '王明',
      reporterPhone: '13800001111',
    });
    expect(report.statusCode).toBe(201);
    const { number, password, tracking } = report.json();
    expect(tracking).toMatchObject({ state: 'dispatched', department: { name: '溪口镇综合行政执法队' } });
    expect(report.body).not.toContain('13800001111');
    const tracked = await post('/api/public/governance/track', { number, password: password.toLowerCase() });
    expect(tracked.statusCode).toBe(200);
    const wrong = await post('/api/public/governance/track', { number, password: 'AAAAAAAA' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('governance.tracking.not_found');
    const early = await post('/api/public/governance/rate', { number, password, rating: 'satisfied' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('governance.rating.not_closed');
    // Staff see the reporter masked unless they dispatch; the admin dispatches.
    const [{ caseId }] = await rows<{ caseId: string }>(
      t.kernel.db,
      sql`select case_id as "caseId" from governance_report where number = ${number}`,
    );
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/governance/events/${caseId}`,
      headers: admin,
    });
    expect(detail.json().channel).toMatchObject({
      channel: 'public',
      reporterPhone: '13800001111',
      masked: false,
    });
    // Without any governance permission: 403 (with it but out of scope: 404, the case does not exist for them).
    const auditor = await t.login('audit', 'audit-pass-1');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/governance/events/${caseId}`, headers: auditor }))
        .statusCode,
    ).toBe(403);
  });

  it('serves an attachment to its uploader and to readers of its case, nobody else', async () => {
    const uploaded = await post('/api/files', PNG, {
      ...admin,
      'content-type': 'image/png',
      'x-file-name': 'a.png',
    });
    expect(uploaded.statusCode).toBe(201);
    const id = uploaded.json().id;
    const own = await t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: admin });
    expect([own.statusCode, own.headers['content-type']]).toEqual([200, 'image/png']);
    const auditor = await t.login('audit', 'audit-pass-1');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: auditor })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(401);
  });

  it('refuses bad input with clear problems and changes nothing', async () => {
    const before = {
      cases: await count('cases_case'),
      files: await count('files_file'),
      audit: await count('audit_entry'),
    };
    const report = (body: object) =>
      post('/api/public/governance/reports', {
        categoryCode: 'road.pothole',
        description: '路面有坑，请尽快处理',
        location: XIKOU,
        ...body,
      });
    const unknown = await report({ categoryCode: 'road.ufo' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'governance.category.unknown']);
    const outside = await report({ location: { lng: 120.15, lat: 30.28 } });
    expect([outside.statusCode, outside.json().code]).toEqual([400, 'governance.location.outside_district']);
    expect(outside.json().errors).toEqual([{ path: '/location', message: 'outside the district' }]);
    const shortText = await report({ description: '坑' });
    expect([shortText.statusCode, shortText.json().code]).toEqual([400, 'governance.report.invalid']);
    const badPhone = await report({ reporterPhone: '110' });
    expect(badPhone.statusCode).toBe(400);
    const ghostPhoto = await report({ photos: ['01900000-0000-7000-8000-000000000000'] });
    expect([ghostPhoto.statusCode, ghostPhoto.json().code]).toEqual([400, 'cases.data.unknown_file']);
    // Photos: a PDF is not a photo; a "photo" that is text is refused by its bytes; too large → 413.
    const pdf = await post('/api/public/files', Buffer.from('%PDF-1.4\n'), {
      'content-type': 'application/octet-stream',
    });
    expect([pdf.statusCode, pdf.json().code]).toEqual([400, 'files.type_not_allowed']);
    const fake = await post('/api/public/files', Buffer.from('not really a png'), {
      'content-type': 'image/png',
    });
    expect(fake.statusCode).toBe(400);
    const huge = await post('/api/public/files', Buffer.alloc(9 * 1024 * 1024, 0xff), {
      'content-type': 'image/jpeg',
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().code).toBe('files.too_large');
    const enormous = await post('/api/public/files', Buffer.alloc(11 * 1024 * 1024, 0xff), {
      'content-type': 'image/jpeg',
    });
    expect([enormous.statusCode, enormous.json().code]).toEqual([413, 'http.body_too_large']);
    expect({
      cases: await count('cases_case'),
      files: await count('files_file'),
      audit: await count('audit_entry'),
    }).toEqual(before);
  });

  it('refuses invalid transitions: unknown, wrong state, stale version, missing evidence', async () => {
    const { json } = await post('/api/public/governance/reports', {
      categoryCode: 'road.streetlight',
      description: '路灯不亮已经一周',
      location: XIKOU,
    });
    const number = json().number as string;
    const [{ caseId }] = await rows<{ caseId: string }>(
      t.kernel.db,
      sql`select case_id as "caseId" from governance_report where number = ${number}`,
    );
    const step = (body: object) => post(`/api/cases/${caseId}/transitions`, body, admin);
    const history = async () =>
      (
        await rows<{ n: number }>(
          t.kernel.db,
          sql`select count(*)::int as n from cases_history where case_id = ${caseId}`,
        )
      )[0].n;
    const steps = await history();
    expect((await step({ transition: 'fly', expectedVersion: 2 })).json().code).toBe(
      'cases.transition.unknown',
    );
    expect((await step({ transition: 'close', expectedVersion: 2 })).json().code).toBe(
      'cases.transition.not_allowed',
    );
    const accepted = await step({ transition: 'accept', expectedVersion: 2 });
    expect(accepted.statusCode).toBe(200);
    const stale = await step({ transition: 'return', expectedVersion: 2, note: '不属于本单位' });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'cases.case.version_conflict']);
    const noEvidence = await step({ transition: 'close', expectedVersion: 3, data: { result: '已修复' } });
    expect([noEvidence.statusCode, noEvidence.json().code]).toEqual([400, 'cases.data.invalid']);
    const noReason = await step({ transition: 'return', expectedVersion: 3 });
    expect(noReason.json().code).toBe('cases.transition.note_required');
    expect(await history()).toBe(steps + 1);
  });

  it('lists events by category group and describes the case type', async () => {
    const road = await t.app.inject({
      method: 'GET',
      url: '/api/cases?typeCode=governance_event&category=road',
      headers: admin,
    });
    expect(road.statusCode).toBe(200);
    expect(road.json().items.length).toBeGreaterThan(0);
    expect(
      road.json().items.every((c: { data: { category: string } }) => c.data.category.startsWith('road.')),
    ).toBe(true);
    const none = await t.app.inject({
      method: 'GET',
      url: '/api/cases?typeCode=governance_event&category=roa',
      headers: admin,
    });
    expect(none.json().items).toEqual([]);
    const type = await t.app.inject({
      method: 'GET',
      url: '/api/cases/types/governance_event',
      headers: admin,
    });
    expect(type.json()).toMatchObject({
      code: 'governance_event',
      states: expect.arrayContaining([
        expect.objectContaining({ code: 'returned', name: { zh: '退单待审', en: 'Returned, under review' } }),
      ]),
    });
  });

  it('gives a file error in Chinese when asked', async () => {
    const response = await post('/api/governance/hotline/imports', Buffer.from('foo,bar\n1,2\n'), {
      ...admin,
      'content-type': 'text/csv',
      'accept-language': 'zh-CN',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/[\u4e00-\u9fff]/);
  });

  it('grid workers report in their scope; staff get messages', async () => {
    const created = await post(
      '/api/governance/events',
      {
        categoryCode: 'road.manhole',
        description: '人行道窨井盖缺失',
        location: { lng: 121.408, lat: 29.656 },
      },
      admin,
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ state: 'dispatched', divisionCode: '330213001000' });
    const inbox = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: admin });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json()).toHaveProperty('unread');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/notifications' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('imports a 12345 export in the background with progress and a per-row error report', async () => {
    const sample = readFileSync(SAMPLE);
    const broken = Buffer.concat([
      sample,
      Buffer.from('\r\nFH-BAD-1,2025-10-09 10:00,赵六,12345,外星人来了,,其他,月球街道,,,\r\n', 'utf8'),
    ]);
    const started = await post('/api/governance/hotline/imports', broken, {
      ...admin,
      'content-type': 'text/csv',
      'x-file-name': encodeURIComponent('奉化12345工单.csv'),
    });
    expect(started.statusCode).toBe(202);
    const id = started.json().id;
    for (let i = 0; i < 10; i++) await t.kernel.jobs.runDue();
    const done = (
      await t.app.inject({ method: 'GET', url: `/api/governance/hotline/imports/${id}`, headers: admin })
    ).json();
    expect(done).toMatchObject({ status: 'done', total: 9 });
    expect(done.processed).toBe(done.total);
    expect(done.created + done.failed).toBe(9);
    expect(done.created).toBeGreaterThan(0);
    // The sample's 8 orders are all taken; the appended row (after a multi-line quoted row: line 11) is not.
    expect(done.created).toBe(8);
    expect(done.errors).toEqual([
      expect.objectContaining({ row: 11, field: 'callerPhone', code: 'hotline.row.invalid_phone' }),
    ]);
    expect(JSON.stringify(done.errors)).not.toContain('赵六');
    // Importing the same file again creates nothing new: every order is already there.
    const again = await post('/api/governance/hotline/imports', sample, {
      ...admin,
      'content-type': 'text/csv',
    });
    for (let i = 0; i < 10; i++) await t.kernel.jobs.runDue();
    const second = (
      await t.app.inject({
        method: 'GET',
        url: `/api/governance/hotline/imports/${again.json().id}`,
        headers: admin,
      })
    ).json();
    expect(second.created).toBe(0);
    expect(
      second.errors.every(
        (e: { code: string }) =>
          e.code === 'hotline.row.already_imported' || e.code.startsWith('hotline.row.'),
      ),
    ).toBe(true);
    const notAFile = await post('/api/governance/hotline/imports', Buffer.from('just,some\ntext,here\n'), {
      ...admin,
      'content-type': 'text/csv',
    });
    expect(notAFile.statusCode).toBe(400);
    expect(notAFile.json().code).toMatch(/^hotline\.file\./);
  });
});
