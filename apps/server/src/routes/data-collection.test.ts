import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { idNumberCheckCharacter } from '@zhizhi/kernel/identity';
import { systemActor } from '@zhizhi/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';

const id = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;
const A = id('33021319800101001');
const B = id('33021319900202002');
const C = id('33021320000303003');
const D = id('33021319750404004');
const BAD_ID = `${A.slice(0, 17)}${A[17] === '1' ? '2' : '1'}`;

const resource = (departmentId: string, over: Record<string, unknown> = {}) => ({
  classificationCode: '301012001',
  name: '社会保险参保人员信息',
  providerDepartmentId: departmentId,
  abstract: '本区职工基本养老保险、失业保险、工伤保险参保人员的参保登记信息。',
  format: '数据库',
  updateCycle: '每日',
  sharingType: 'conditional',
  sharingCondition: '用于社保待遇资格认证等政务服务事项',
  openingType: 'closed',
  items: [
    { code: 'id_number', name: '公民身份号码', type: 'string', grade: 'L4', personalKind: 'id_number' },
    { code: 'insured_since', name: '参保日期', type: 'date', grade: 'L2', authoritative: true },
    { code: 'town', name: '所属乡镇', type: 'string', grade: 'L1' },
  ],
  ...over,
});

const csv = (rows: string[][]) =>
  Buffer.from(['身份证号,参保日期,town', ...rows.map((r) => r.join(','))].join('\r\n'), 'utf8');

/** Collection and quality over HTTP: loads, rules, findings → case → re-check, objections, scores. */
describe('data collection and quality API', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Record<string, string>;
  let rsjAdmin: Record<string, string>;
  let reader: Record<string, string>;
  let resourceId = '';
  let resourceCode = '';
  const mapping = JSON.stringify({ 身份证号: 'id_number', 参保日期: 'insured_since', town: 'town' });

  const upload = (body: Buffer, headers = rsjAdmin, map = mapping, name = 'people.csv') =>
    t.app.inject({
      method: 'POST',
      url: `/api/data/resources/${resourceId}/loads/upload?mapping=${encodeURIComponent(map)}`,
      headers: { ...headers, 'content-type': 'text/csv', 'x-file-name': encodeURIComponent(name) },
      payload: body,
    });
  const settle = async (loadId: string) => {
    const load = await t.modules.data.collection.loads.waitFor(loadId);
    await t.kernel.events.dispatch();
    return load;
  };
  const loadsOf = async () =>
    (
      await t.app.inject({ method: 'GET', url: `/api/data/resources/${resourceId}/loads`, headers: admin })
    ).json().items;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login();
    const staff = (username: string, departmentId: string, roleCode: string) =>
      t.kernel.staff.createStaff(systemActor, {
        username,
        displayName: username,
        password: 'staff-pass-1',
        departmentId,
        roles: [{ roleCode, divisionCode: '330213000000', departmentId }],
        mustChangePassword: false,
      });
    await staff('rsjadmin', t.departments.rsj.id, 'dept_admin');
    await staff('xkleader', t.departments.xikou.id, 'leader');
    rsjAdmin = await t.login('rsjadmin', 'staff-pass-1');
    reader = await t.login('xkleader', 'staff-pass-1');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/data/resources',
      headers: admin,
      payload: resource(t.departments.rsj.id),
    });
    expect(created.statusCode).toBe(201);
    resourceId = created.json().id;
    resourceCode = created.json().code;
    const rules = await t.app.inject({
      method: 'PUT',
      url: `/api/data/resources/${resourceId}/rules`,
      headers: rsjAdmin,
      payload: {
        keyItems: ['id_number'],
        items: [
          { item: 'id_number', rules: [{ kind: 'required' }, { kind: 'format', format: 'id_number' }] },
          { item: 'insured_since', rules: [{ kind: 'format', format: 'date' }] },
          { item: 'town', rules: [{ kind: 'format', format: 'division_code' }] },
        ],
      },
    });
    expect(rules.statusCode).toBe(200);
    expect(rules.json().keyItems).toEqual(['id_number']);
    const follow = await t.app.inject({
      method: 'PUT',
      url: `/api/data/resources/${resourceId}/subscription`,
      headers: reader,
    });
    expect(follow.json()).toEqual({ subscribed: true });
  });
  afterAll(() => t.close());

  it('refuses bad input with problem+json and changes nothing', async () => {
    const cases: [Promise<{ statusCode: number; json(): { code: string } }>, number, string][] = [
      [
        upload(csv([[A, '2020-01-01', '330213100000']]), rsjAdmin, JSON.stringify({ 身份证号: 'nope' })),
        400,
        'data.load.mapping_item',
      ],
      [
        upload(
          csv([[A, '2020-01-01', '330213100000']]),
          rsjAdmin,
          JSON.stringify({ 参保日期: 'insured_since' }),
        ),
        400,
        'data.load.key_unmapped',
      ],
      [upload(Buffer.from('')), 400, 'data.load.empty'],
      [upload(Buffer.from('"unclosed,a\r\n1,2')), 400, 'data.load.csv_unterminated_quote'],
      [upload(csv([[A, '2020-01-01', '330213100000']]), reader), 403, 'access.denied'],
      [
        t.app.inject({
          method: 'POST',
          url: `/api/data/resources/${resourceId}/loads/http`,
          headers: rsjAdmin,
          payload: { url: 'http://u:p@example.org/x' },
        }),
        400,
        'data.load.url_credentials',
      ],
      [
        t.app.inject({
          method: 'POST',
          url: `/api/data/resources/${resourceId}/loads/postgres`,
          headers: rsjAdmin,
          payload: { connectionString: 'postgres://u:secret@127.0.0.1:1/db', table: 'people; drop table x' },
        }),
        400,
        'data.load.table_invalid',
      ],
      [
        t.app.inject({
          method: 'PUT',
          url: `/api/data/resources/${resourceId}/rules`,
          headers: rsjAdmin,
          payload: { items: [{ item: 'town', rules: [{ kind: 'format', format: 'iban' }] }] },
        }),
        400,
        'data.rules.invalid',
      ],
    ];
    for (const [request, status, code] of cases) {
      const response = await request;
      expect(response.statusCode, code).toBe(status);
      expect(response.json().code).toBe(code);
    }
    expect(await loadsOf()).toEqual([]);
    const unauthenticated = await t.app.inject({
      method: 'GET',
      url: `/api/data/resources/${resourceId}/loads`,
    });
    expect(unauthenticated.statusCode).toBe(401);
  });

  it('loads a CSV with bad rows: versioned, findings aggregated, one case opened, subscribers told', async () => {
    const response = await upload(
      csv([
        [A, '2020-01-01', '330213100000'],
        [BAD_ID, '2020-02-30', '330213100000'],
        [C, '2021-03-01', '330213001000'],
      ]),
    );
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({
      status: 'running',
      version: 1,
      sourceLabel: 'people.csv',
      rowsTotal: 3,
    });
    const load = await settle(response.json().id);
    expect(load).toMatchObject({
      status: 'done',
      added: 3,
      changed: 0,
      removed: 0,
      unchanged: 0,
      rowsRead: 3,
    });
    expect(load.passRate).toBeLessThan(1);
    const findings = (
      await t.app.inject({
        method: 'GET',
        url: `/api/data/resources/${resourceId}/findings`,
        headers: reader,
      })
    ).json();
    expect(findings.groups).toEqual([
      { item: 'id_number', rule: 'format', code: 'data.quality.format.id_number', count: 1, rows: [2] },
      { item: 'insured_since', rule: 'format', code: 'data.quality.format.date', count: 1, rows: [2] },
    ]);
    expect(JSON.stringify(findings)).not.toContain(BAD_ID);
    const qualityCase = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${findings.openCaseId}`,
      headers: rsjAdmin,
    });
    expect(qualityCase.json()).toMatchObject({
      typeCode: 'data_quality_issue',
      state: 'open',
      departmentId: t.departments.rsj.id,
    });
    expect(JSON.stringify(qualityCase.json())).not.toContain(BAD_ID);
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: reader })).json();
    expect(inbox.items.map((m: { titleZh: string }) => m.titleZh).join('\n')).toMatch(
      /第 1 版数据已归集[\s\S]*发现数据质量问题/,
    );
  });

  it('diffs the next load by key, re-checks and closes the quality case', async () => {
    const response = await upload(
      csv([
        [A, '2020-01-01', '330213100000'],
        [C, '2021-03-02', '330213001000'],
        [D, '2019-05-05', '330213100000'],
      ]),
    );
    const load = await settle(response.json().id);
    expect(load).toMatchObject({
      status: 'done',
      version: 2,
      added: 1,
      changed: 1,
      removed: 1,
      unchanged: 1,
      passRate: 1,
    });
    const findings = (
      await t.app.inject({
        method: 'GET',
        url: `/api/data/resources/${resourceId}/findings`,
        headers: rsjAdmin,
      })
    ).json();
    expect(findings).toMatchObject({ version: 2, groups: [], openCaseId: null });
    const first = (await loadsOf()).find((l: { version: number }) => l.version === 1);
    const closed = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${first.report.qualityCase.id}`,
      headers: rsjAdmin,
    });
    expect(closed.json()).toMatchObject({ state: 'corrected' });
  });

  it('fails a load with duplicate keys, recording the error and keeping the rows', async () => {
    const response = await upload(
      csv([
        [A, '2020-01-01', '330213100000'],
        [A, '2020-01-02', '330213100000'],
      ]),
    );
    const load = await settle(response.json().id);
    expect(load).toMatchObject({ status: 'failed', errorCode: 'data.load.duplicate_key', version: 3 });
    const findings = (
      await t.app.inject({
        method: 'GET',
        url: `/api/data/resources/${resourceId}/findings`,
        headers: rsjAdmin,
      })
    ).json();
    expect(findings.version).toBe(2);
  });

  it('takes an objection to the provider department, answers it, re-checks on the next load', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/data/resources/${resourceId}/objections`,
      headers: reader,
      payload: { reason: '短' },
    });
    expect(bad.statusCode).toBe(400);
    const filed = await t.app.inject({
      method: 'POST',
      url: `/api/data/resources/${resourceId}/objections`,
      headers: reader,
      payload: { itemCode: 'insured_since', reason: '本人参保日期登记有误，应为2019年。', rowKey: 'row-3' },
    });
    expect(filed.statusCode).toBe(201);
    const { caseId } = filed.json();
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: rsjAdmin })
    ).json();
    expect(detail).toMatchObject({
      typeCode: 'data_objection',
      state: 'open',
      departmentId: t.departments.rsj.id,
    });
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/transitions`,
      headers: rsjAdmin,
      payload: { transition: 'correct', expectedVersion: detail.version, data: { answer: '已核实并更正。' } },
    });
    expect(answer.statusCode).toBe(200);
    await t.kernel.events.dispatch();
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: reader })).json();
    expect(inbox.items.map((m: { titleZh: string }) => m.titleZh).join('\n')).toContain(
      '已更正，待下次归集复核',
    );
    const load = await settle(
      (
        await upload(
          csv([
            [A, '2020-01-01', '330213100000'],
            [D, '2019-05-05', '330213100000'],
          ]),
        )
      ).json().id,
    );
    expect(load.report).toMatchObject({ objectionsRechecked: 1 });
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: rsjAdmin })
    ).json();
    expect(after.state).toBe('verified');
  });

  it('loads from an HTTP JSON endpoint and from a PostgreSQL table', async () => {
    const server: Server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({ rows: [{ id_number: A, insured_since: '2020-01-01', town: '330213100000' }] }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const viaHttp = await t.app.inject({
      method: 'POST',
      url: `/api/data/resources/${resourceId}/loads/http`,
      headers: rsjAdmin,
      payload: { url: `http://127.0.0.1:${port}/people?token=secret` },
    });
    expect(viaHttp.statusCode).toBe(202);
    const httpLoad = await settle(viaHttp.json().id);
    server.close();
    expect(httpLoad).toMatchObject({
      status: 'done',
      source: 'http',
      sourceLabel: `http://127.0.0.1:${port}/people`,
      removed: 1,
      unchanged: 1,
    });

    // A department's database: a second PGlite behind a socket server.
    const department = new PGlite();
    await department.exec(`create schema hr; create table hr.people (sfzh text, since date, town text);
      insert into hr.people values ('${A}', '2020-01-01', '330213100000'), ('${B}', '2022-06-01', '330213100000');`);
    const socket = new PGLiteSocketServer({ db: department, port: 0, host: '127.0.0.1' });
    await socket.start();
    const conn = socket.getServerConn();
    const viaPg = await t.app.inject({
      method: 'POST',
      url: `/api/data/resources/${resourceId}/loads/postgres`,
      headers: rsjAdmin,
      payload: {
        connectionString: `postgres://postgres:secret-pw@${conn}/postgres`,
        table: 'hr.people',
        mapping: { sfzh: 'id_number', since: 'insured_since', town: 'town' },
      },
    });
    expect(viaPg.statusCode).toBe(202);
    const pgLoad = await settle(viaPg.json().id);
    await socket.stop();
    await department.close();
    expect(pgLoad).toMatchObject({
      status: 'done',
      source: 'postgres',
      added: 1,
      unchanged: 1,
      rowsTotal: 2,
    });
    expect(pgLoad.sourceLabel).toBe(`${conn}/postgres hr.people`);
    expect(JSON.stringify(await loadsOf())).not.toContain('secret');
  });

  it('scores resources and departments now and keeps a daily history', async () => {
    const scores = (
      await t.app.inject({ method: 'GET', url: '/api/data/quality/scores', headers: reader })
    ).json();
    const mine = scores.resources.find((r: { resourceId: string }) => r.resourceId === resourceId);
    expect(mine).toMatchObject({
      code: resourceCode,
      passRate: 1,
      timeliness: 1,
      stale: false,
      openObjections: 0,
      // Catalog fields: key items set, no publish date, no related codes (1/3); every item has rules (1).
      completeness: expect.closeTo((1 / 3 + 1) / 2, 5),
    });
    expect(mine.score).toBeGreaterThan(60);
    expect(mine.score).toBeLessThanOrEqual(100);
    expect(scores.departments[0]).toMatchObject({ departmentId: t.departments.rsj.id, name: '区人社局' });
    t.clock.advance(3 * 86_400_000);
    await t.kernel.jobs.runDue();
    reader = await t.login('xkleader', 'staff-pass-1'); // the session expired meanwhile
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/data/quality/scores/history?subjectType=resource&subjectId=${resourceId}`,
      headers: reader,
    });
    expect(response.statusCode, response.body).toBe(200);
    const history = response.json().items;
    expect(history.length).toBeGreaterThanOrEqual(2);
    expect(history.at(-1).timeliness).toBeLessThan(1); // 3 days after a 每日 load
    const findings = (
      await t.app.inject({
        method: 'GET',
        url: `/api/data/resources/${resourceId}/findings`,
        headers: reader,
      })
    ).json();
    expect(findings.freshness.stale).toBe(true);
  });
});
