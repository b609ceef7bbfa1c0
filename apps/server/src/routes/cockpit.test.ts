import { rows, systemActor } from '@zhizhi/kernel';
import { fenghuaPlanTargets } from '@zhizhi/pack-fenghua';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse as Response } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';

type Headers = Record<string, string>;
type Value = {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string;
  freshness: string;
};

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const JINPING = { lng: 121.408, lat: 29.656 };
const DISTRICT = '330213000000';
const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

describe('cockpit API (/api/cockpit)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Headers;
  let viewer: Headers;
  let shzl: { id: string };
  let evidenceId: string;

  beforeAll(async () => {
    t = await createTestApp();
    // Owner departments of some plan targets (the test org has none of the pack's).
    shzl = await t.kernel.org.createDepartment(systemActor, {
      code: 'shzl',
      name: '区社会治理中心',
      nameEn: 'Social Governance Centre',
      divisionCode: DISTRICT,
      kind: 'bureau',
    });
    await t.kernel.org.createDepartment(systemActor, {
      code: 'jxj',
      name: '区经信局',
      nameEn: 'Economy and IT Bureau',
      divisionCode: DISTRICT,
      kind: 'bureau',
    });
    // A role that may see the cockpit but read no cases.
    await t.kernel.db.execute(
      sql`insert into identity_role (code, name_zh, name_en, permissions, builtin)
        values ('cockpit_viewer', '驾驶舱查看', 'Cockpit viewer', '["cockpit.view"]', false)`,
    );
    await t.kernel.staff.createStaff(systemActor, {
      username: 'viewer',
      displayName: 'viewer',
      password: 'test-pass-1',
      departmentId: null,
      roles: [{ roleCode: 'cockpit_viewer', divisionCode: DISTRICT }],
      mustChangePassword: false,
    });
    admin = await t.login();
    viewer = await t.login('viewer', 'test-pass-1');
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const get = (url: string, headers: Headers = admin) => call('GET', url, headers);
  const expectProblem = (response: Response, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status, code });
  };
  const count = async (table: string) =>
    (await rows<{ n: number }>(t.kernel.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;
  const overview = async (scope = 'district', headers: Headers = admin) => {
    const response = await get(`/api/cockpit/overview?scope=${scope}`, headers);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { indicators: Value[]; scope: Record<string, string>; defaultScope: string };
  };
  const indicatorAt = async (code: string, scope = 'district') => {
    const found = (await overview(scope)).indicators.find((i) => i.code === code);
    if (!found) throw new Error(`no ${code}`);
    return found;
  };
  const flush = async () => {
    for (let i = 0; i < 10; i++) if ((await t.kernel.events.dispatch()) === 0) break;
  };
  const upload = async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      payload: PNG,
      headers: { ...admin, 'content-type': 'image/png', 'x-file-name': encodeURIComponent('测试报告.png') },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };

  it('lists every Fenghua plan target with its definition; refuses a malformed scope', async () => {
    const body = await overview();
    expect(body.scope).toEqual({ type: 'district', code: DISTRICT, name: '奉化区', key: 'district' });
    expect(body.defaultScope).toBe('district');
    expect(body.indicators.map((i) => i.code)).toEqual(fenghuaPlanTargets.map((p) => p.code));
    const stored = await t.modules.cockpit.reader.indicators();
    const owners: Record<string, string> = { shzl: '区社会治理中心', jxj: '区经信局' };
    for (const target of fenghuaPlanTargets) {
      const value = body.indicators.find((i) => i.code === target.code) as unknown as Record<string, unknown>;
      const owner = owners[target.ownerDepartmentCode ?? ''];
      expect(value, target.code).toMatchObject({
        nameZh: target.nameZh,
        unit: target.unit,
        direction: target.direction,
        promise: target.promise,
        target: target.target,
        warningLine: target.warningLine,
        baseline: target.baseline,
        deadline: '2025-12-31',
        formulaText: target.formulaText,
        source: target.formula.op === 'reported' ? 'reported' : 'measured',
        ownerDepartment: owner ? { code: target.ownerDepartmentCode, name: owner } : null,
        drillLevels: (['town', 'department'] as const).filter((l) => target.levels.includes(l)),
      });
      const def = stored.find((d) => d.code === target.code);
      expect(def?.formula, target.code).toEqual(target.formula);
      expect(def?.levels, target.code).toEqual(target.levels);
      expect(def?.ownerDepartmentCode, target.code).toBe(target.ownerDepartmentCode);
    }
    expectProblem(await get('/api/cockpit/overview?scope=town:123'), 400, 'cockpit.scope.invalid');
    expectProblem(await get('/api/cockpit/overview?scope=planet:x'), 400, 'cockpit.scope.invalid');
    expect((await t.app.inject({ method: 'GET', url: '/api/cockpit/overview' })).statusCode).toBe(401);
  });

  it('opens each leader on their own scope: a township leader on the town, a department head on the department', async () => {
    await t.kernel.staff.createStaff(systemActor, {
      username: 'xikou.leader',
      displayName: 'xikou leader',
      password: 'test-pass-1',
      departmentId: null,
      roles: [{ roleCode: 'leader', divisionCode: '330213100000' }],
      mustChangePassword: false,
    });
    await t.kernel.staff.createStaff(systemActor, {
      username: 'shzl.head',
      displayName: 'shzl head',
      password: 'test-pass-1',
      departmentId: shzl.id,
      roles: [{ roleCode: 'dept_admin', divisionCode: DISTRICT, departmentId: shzl.id }],
      mustChangePassword: false,
    });
    const town = await t.login('xikou.leader', 'test-pass-1');
    const head = await t.login('shzl.head', 'test-pass-1');
    const townView = await get('/api/cockpit/overview', town);
    expect(townView.statusCode, townView.body).toBe(200);
    expect(townView.json()).toMatchObject({
      defaultScope: 'town:330213100000',
      scope: { type: 'town', name: '溪口镇' },
    });
    expectProblem(await get('/api/cockpit/overview?scope=district', town), 403, 'access.denied');
    expectProblem(await get('/api/cockpit/overview?scope=town:330213001000', town), 403, 'access.denied');
    const headView = await get('/api/cockpit/overview', head);
    expect(headView.statusCode, headView.body).toBe(200);
    expect(headView.json()).toMatchObject({
      defaultScope: 'department:shzl',
      scope: { type: 'department', code: 'shzl' },
    });
  });

  it('counts an event opened and closed through the API, incrementally and consistently', async () => {
    const before = await indicatorAt('plan.events_on_time');
    const accepted = async () =>
      (
        await rows<{ n: number }>(
          t.kernel.db,
          sql`select coalesce(sum(value), 0)::int as n from cockpit_tally
            where measure = 'events.accepted' and scope_type = 'district'`,
        )
      )[0].n;
    const acceptedBefore = await accepted();
    const created = await call('POST', '/api/governance/events', admin, {
      categoryCode: 'road.manhole',
      description: '人行道窨井盖缺失，行人易绊倒',
      location: JINPING,
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json() as { id: string; version: number; state: string; divisionCode: string };
    expect(event.divisionCode).toBe('330213001000');
    await flush();
    expect(await accepted()).toBe(acceptedBefore + 1);
    // Opened, not yet closed: the on-time rate does not move.
    expect(await indicatorAt('plan.events_on_time')).toMatchObject({
      numerator: before.numerator,
      denominator: before.denominator,
    });

    const step = async (body: Record<string, unknown>) => {
      const current = await get(`/api/governance/events/${event.id}`);
      const response = await call('POST', `/api/cases/${event.id}/transitions`, admin, {
        expectedVersion: current.json().version,
        ...body,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    if (event.state === 'reported') await step({ transition: 'dispatch', departmentId: shzl.id });
    await step({ transition: 'accept' });
    const photo = await upload();
    const closed = await step({
      transition: 'close',
      data: { result: '已补装井盖', result_photos: [photo] },
    });
    expect(closed.state).toBe('closed');
    await flush();

    const n0 = before.numerator ?? 0;
    const d0 = before.denominator ?? 0;
    const after = await indicatorAt('plan.events_on_time');
    expect(after).toMatchObject({ numerator: n0 + 1, denominator: d0 + 1, freshness: 'live' });
    expect(after.value).toBeCloseTo((100 * (n0 + 1)) / (d0 + 1), 6);
    expect(await indicatorAt('plan.events_on_time', 'town:330213001000')).toMatchObject({
      value: 100,
      numerator: 1,
      denominator: 1,
      status: 'on_track',
    });
    expect((await indicatorAt('plan.events_on_time', 'town:330213100000')).value).toBeNull();

    const consistency = await get('/api/cockpit/consistency');
    expect(consistency.statusCode, consistency.body).toBe(200);
    expect(consistency.json()).toMatchObject({ mismatches: 0 });
    expect(consistency.json().counters).toBeGreaterThan(0);
    expectProblem(await get('/api/cockpit/consistency', viewer), 403, 'access.denied');

    // The records behind the town's figure: the event, counted in the numerator.
    const records = await get(
      '/api/cockpit/indicators/plan.events_on_time/records?scope=town:330213001000&period=year',
    );
    expect(records.statusCode, records.body).toBe(200);
    expect(records.json()).toMatchObject({ kind: 'events', total: 1 });
    expect(records.json().items[0]).toMatchObject({
      id: event.id,
      state: 'closed',
      counted: true,
      href: `/cases/${event.id}`,
      departmentName: '区社会治理中心',
    });
  });

  it('scopes the live feed: the district and the event’s town and department see it, another town does not', async () => {
    const [event] = await rows<{ id: string; department: string | null }>(
      t.kernel.db,
      sql`select c.id, d.code as department from cases_case c left join org_department d on d.id = c.department_id
        where c.type_code = 'governance_event' and c.division_code = '330213001000' order by c.opened_at desc limit 1`,
    );
    const feedIds = async (query: string, headers: Headers = admin) => {
      const response = await get(`/api/cockpit/feed${query}`, headers);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().items as { id: string; kind: string }[]).map((i) => i.id);
    };
    expect(await feedIds('')).toContain(event!.id);
    expect(await feedIds('?scope=town:330213001000')).toContain(event!.id);
    expect(await feedIds(`?scope=department:${event!.department}`)).toContain(event!.id);
    expect(await feedIds('?scope=town:330213100000')).not.toContain(event!.id);
    // The 溪口镇 leader's feed is the town's by default, and cannot be widened.
    const town = await t.login('xikou.leader', 'test-pass-1');
    expect(await feedIds('', town)).not.toContain(event!.id);
    expectProblem(await get('/api/cockpit/feed?scope=district', town), 403, 'access.denied');
    expectProblem(await get('/api/cockpit/feed?scope=town:330213001000', town), 403, 'access.denied');
    expectProblem(await get('/api/cockpit/feed?scope=planet:x'), 400, 'cockpit.scope.invalid');
  });

  it('breaks an indicator down by town, village and department; refuses levels that do not nest', async () => {
    const towns = await get(
      '/api/cockpit/indicators/plan.events_on_time/breakdown?level=town&parent=district',
    );
    expect(towns.statusCode, towns.body).toBe(200);
    const rowsByName = new Map(
      (towns.json().rows as { name: string; value: number | null; scope: string }[]).map((r) => [r.name, r]),
    );
    expect(rowsByName.get('锦屏街道')).toMatchObject({ scope: 'town:330213001000', value: 100 });
    expect(rowsByName.get('溪口镇')).toMatchObject({ scope: 'town:330213100000', value: null });
    const villages = await get(
      '/api/cockpit/indicators/plan.events_on_time/breakdown?level=village&parent=town:330213001000',
    );
    expect(villages.statusCode, villages.body).toBe(200);
    expect(villages.json().rows.map((r: { name: string }) => r.name)).toEqual(['南门社区']);
    const departments = await get(
      '/api/cockpit/indicators/plan.events_on_time/breakdown?level=department&parent=district',
    );
    expect(departments.json().rows).toEqual([
      expect.objectContaining({ scope: 'department:shzl', name: '区社会治理中心', value: 100 }),
    ]);
    expectProblem(
      await get('/api/cockpit/indicators/plan.events_on_time/breakdown?level=village&parent=district'),
      400,
      'cockpit.breakdown.invalid',
    );
    expectProblem(
      await get('/api/cockpit/indicators/plan.events_on_time/breakdown?level=town&parent=town:330213001000'),
      400,
      'cockpit.breakdown.invalid',
    );
    expectProblem(
      await get('/api/cockpit/indicators/plan.nothing/breakdown?level=town&parent=district'),
      404,
      'cockpit.indicator.not_found',
    );
  });

  it('shows records only to those who may read them', async () => {
    expectProblem(
      await get('/api/cockpit/indicators/plan.events_on_time/records?scope=district', viewer),
      403,
      'cockpit.records.forbidden',
    );
    // The viewer still sees the figure itself.
    expect((await overview('district', viewer)).defaultScope).toBe('district');
    const none = await get('/api/cockpit/indicators/plan.5g_base_stations/records?scope=district');
    expect(none.json()).toEqual({ kind: 'none', total: 0, items: [] });
    const trend = await get('/api/cockpit/indicators/plan.events_on_time/trend?scope=district&days=30');
    expect(trend.statusCode, trend.body).toBe(200);
    expect(trend.json().points.at(-1)).toMatchObject({ date: '2026-03-02' });
  });

  it('takes a reported figure with evidence; refuses bad ones and changes nothing', async () => {
    evidenceId = await upload();
    const url = '/api/cockpit/indicators/plan.5g_village_coverage/reported';
    const body = { value: 50, asOf: '2026-02-28', note: '运营商测试报告', evidenceFileIds: [evidenceId] };
    const before = { reported: await count('cockpit_reported'), audit: await count('audit_entry') };
    expectProblem(await call('POST', url, admin, { ...body, value: -1 }), 400, 'cockpit.reported.invalid');
    expectProblem(
      await call('POST', url, admin, { ...body, evidenceFileIds: [UNKNOWN_ID] }),
      400,
      'cockpit.reported.evidence_not_found',
    );
    expectProblem(
      await call('POST', '/api/cockpit/indicators/plan.events_on_time/reported', admin, body),
      409,
      'cockpit.indicator.measured',
    );
    expectProblem(await call('POST', url, viewer, body), 403, 'access.denied');
    expect({ reported: await count('cockpit_reported'), audit: await count('audit_entry') }).toEqual(before);
    expect((await indicatorAt('plan.5g_village_coverage')).value).toBeNull();

    const saved = await call('POST', url, admin, body);
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ code: 'plan.5g_village_coverage', value: 50, asOf: '2026-02-28' });
    const history = await get(url);
    expect(history.json().items).toEqual([
      expect.objectContaining({ value: 50, note: '运营商测试报告', evidenceFileIds: [evidenceId] }),
    ]);
    expect(await indicatorAt('plan.5g_village_coverage')).toMatchObject({
      value: 50,
      freshness: 'reported',
      status: 'below_warning',
    });
    // The evidence downloads for any cockpit reader through the report, and only its own files.
    const reportId = saved.json().id as string;
    const evidence = await get(`/api/cockpit/reported/${reportId}/evidence/${evidenceId}`, viewer);
    expect(evidence.statusCode, evidence.body).toBe(200);
    expect(evidence.rawPayload.length).toBeGreaterThan(0);
    expectProblem(
      await get(`/api/cockpit/reported/${reportId}/evidence/${UNKNOWN_ID}`, viewer),
      404,
      'cockpit.evidence.not_found',
    );
    // Field errors come as a list, like every module's.
    const invalid = await call('POST', url, admin, { ...body, value: -1 });
    expect(invalid.json().errors).toEqual([expect.objectContaining({ path: 'value' })]);
  });

  it('dispatches a warning once as a 督办 task to the owner department', async () => {
    await t.modules.cockpit.warnings.evaluate();
    const open = await get('/api/cockpit/warnings?status=open');
    expect(open.statusCode, open.body).toBe(200);
    const warning = (
      open.json().items as { id: string; code: string; scope: string; kind: string; value: number }[]
    ).find((w) => w.code === 'plan.5g_village_coverage');
    expect(warning).toMatchObject({
      scope: 'district',
      kind: 'warning_line',
      value: 50,
      threshold: 90,
      ownerDepartment: '区经信局',
    });
    const id = warning?.id as string;
    const tasksBefore = (await get('/api/governance/tasks')).json().total as number;
    const dispatched = await call('POST', `/api/cockpit/warnings/${id}/dispatch`, admin, {});
    expect(dispatched.statusCode, dispatched.body).toBe(201);
    const { taskId } = dispatched.json();
    expect(taskId).toMatch(/^[0-9a-f-]{36}$/);
    const tasks = (await get('/api/governance/tasks')).json();
    expect(tasks.total).toBe(tasksBefore + 1);
    const task = tasks.items.find((x: { id: string }) => x.id === taskId);
    expect(task.title).toContain('5G网络行政村覆盖率');
    expect(task.assignments.map((a: { departmentName: string }) => a.departmentName)).toEqual(['区经信局']);
    // The task links back to the indicator at the warning's scope.
    expect(task).toMatchObject({
      sourceLabel: '驾驶舱预警：全区5G网络行政村覆盖率',
      sourcePath: '/cockpit/indicators/plan.5g_village_coverage?scope=district',
    });
    const detail = (await get(`/api/governance/tasks/${taskId}`)).json();
    expect(detail.requirements).toMatch(/^全区5G网络行政村覆盖率当前为50(\.0)?%，预警线为90(\.0)?%/);

    expectProblem(
      await call('POST', `/api/cockpit/warnings/${id}/dispatch`, admin, {}),
      409,
      'cockpit.warning.already_dispatched',
    );
    expectProblem(
      await call('POST', `/api/cockpit/warnings/${UNKNOWN_ID}/dispatch`, admin, {}),
      404,
      'cockpit.warning.not_found',
    );
    expect((await get('/api/governance/tasks')).json().total).toBe(tasksBefore + 1);
    const listed = (await get('/api/cockpit/warnings?status=dispatched')).json().items;
    expect(listed).toEqual([expect.objectContaining({ id, taskId })]);
    expect((await indicatorAt('plan.5g_village_coverage')).status).toBe('below_warning');
    const withWarning = (await overview()).indicators.find((i) => i.code === 'plan.5g_village_coverage');
    expect(withWarning).toMatchObject({ openWarning: { id, kind: 'warning_line', taskId } });

    // A dispatch that stopped between its claim and its task: taken again once the claim expires.
    const ago = (minutes: number) =>
      new Date(t.kernel.clock.now().getTime() - minutes * 60_000).toISOString();
    await t.kernel.db.execute(
      sql`update cockpit_warning set task_id = null, dispatched_at = ${ago(1)}::timestamptz where id = ${id}`,
    );
    expectProblem(
      await call('POST', `/api/cockpit/warnings/${id}/dispatch`, admin, {}),
      409,
      'cockpit.warning.already_dispatched',
    );
    await t.kernel.db.execute(
      sql`update cockpit_warning set dispatched_at = ${ago(6)}::timestamptz where id = ${id}`,
    );
    const again = await call('POST', `/api/cockpit/warnings/${id}/dispatch`, admin, {});
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().taskId).not.toBe(taskId);
  });

  it('saves a role’s panel layout; refuses unknown panels and roles', async () => {
    const before = await count('cockpit_layout');
    expectProblem(
      await call('PUT', '/api/cockpit/layouts/leader', admin, { panels: [{ id: 'radar', visible: true }] }),
      400,
      'cockpit.layout.invalid',
    );
    expectProblem(
      await call('PUT', '/api/cockpit/layouts/nobody', admin, { panels: [{ id: 'map', visible: true }] }),
      400,
      'cockpit.layout.unknown_role',
    );
    expectProblem(
      await call('PUT', '/api/cockpit/layouts/admin', viewer, { panels: [{ id: 'map', visible: true }] }),
      403,
      'access.denied',
    );
    expect(await count('cockpit_layout')).toBe(before);
    expect((await get('/api/cockpit/layout')).json()).toMatchObject({ role: null });

    const panels = [
      { id: 'warnings', visible: true },
      { id: 'map', visible: false },
      { id: 'targets', visible: true },
      { id: 'feed', visible: true },
      { id: 'services', visible: true },
      { id: 'governance', visible: false },
      { id: 'overview', visible: true },
      { id: 'codes', visible: true },
    ];
    const saved = await call('PUT', '/api/cockpit/layouts/admin', admin, { panels });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ role: 'admin', panels });
    expect((await get('/api/cockpit/layout')).json()).toEqual({ role: 'admin', panels });
    expect((await get('/api/cockpit/layouts/admin')).json()).toEqual({ role: 'admin', panels });
    expect((await get('/api/cockpit/layouts/leader')).json().panels).toHaveLength(8);
    // The viewer's role has no layout: every panel, default order.
    expect((await get('/api/cockpit/layout', viewer)).json().panels.map((p: { id: string }) => p.id)).toEqual(
      ['services', 'governance', 'overview', 'codes', 'map', 'targets', 'feed', 'warnings'],
    );
  });

  it('generates a weekly report as PDF and XLSX', async () => {
    const made = await call('POST', '/api/cockpit/reports', admin);
    expect(made.statusCode, made.body).toBe(201);
    const { id } = made.json();
    const list = (await get('/api/cockpit/reports')).json().items;
    expect(list[0]).toMatchObject({ id, trigger: 'manual', weekFrom: '2026-03-02', weekTo: '2026-03-08' });
    const pdf = await get(`/api/cockpit/reports/${id}/file?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xlsx = await get(`/api/cockpit/reports/${id}/file?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expectProblem(
      await get(`/api/cockpit/reports/${UNKNOWN_ID}/file?format=pdf`),
      404,
      'cockpit.report.not_found',
    );
    expect((await get(`/api/cockpit/reports/${id}/file?format=doc`)).statusCode).toBe(400);
  });

  it('makes every report in English too, and says so for one made before', async () => {
    const { id } = (await call('POST', '/api/cockpit/reports', admin)).json();
    const item = (await get('/api/cockpit/reports')).json().items.find((r: { id: string }) => r.id === id);
    expect(item.languages).toEqual(['zh-CN', 'en-US']);
    const pdf = await get(`/api/cockpit/reports/${id}/file?format=pdf&locale=en-US`);
    expect(pdf.statusCode).toBe(200);
    expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toContain(
      'Fenghua District, Ningbo weekly indicators 2026-03-02.pdf',
    );
    const xlsx = await get(`/api/cockpit/reports/${id}/file?format=xlsx&locale=en-US`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Indicators', 'Trend', 'Towns', 'Warnings']);
    const names = book.getWorksheet('Indicators')!.getColumn(1).values.slice(2) as string[];
    expect(names).toContain('Villages covered by 5G');
    expect(names.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(false);
    // Towns keep their official names: divisions have no English names in the platform.
    expect(book.getWorksheet('Towns')!.getRow(1).getCell(2).value).toBe('锦屏街道');

    expect((await get(`/api/cockpit/reports/${id}/file?format=pdf&locale=fr-FR`)).statusCode).toBe(400);
    await t.kernel.db.execute(sql`update cockpit_report set pdf_en_file_id = null where id = ${id}`);
    expectProblem(
      await get(`/api/cockpit/reports/${id}/file?format=pdf&locale=en-US`),
      404,
      'cockpit.report.locale_missing',
    );
    expect((await get(`/api/cockpit/reports/${id}/file?format=pdf`)).statusCode).toBe(200);
  });
});
