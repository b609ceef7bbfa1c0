import { systemActor } from '@zhizhi/kernel';
import type { LightMyRequestResponse as Response } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';

type Headers = Record<string, string>;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('supervision API (/api/governance/tasks)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let leader: Headers;
  let rsj: Headers;
  let xikou: Headers;
  beforeAll(async () => {
    t = await createTestApp();
    const person = (username: string, departmentId: string | null, roleCode: string, divisionCode: string) =>
      t.kernel.staff.createStaff(systemActor, {
        username,
        displayName: username,
        password: 'test-pass-1',
        departmentId,
        roles: [{ roleCode, divisionCode }],
        mustChangePassword: false,
      });
    await person('leader', null, 'leader', '330213000000');
    await person('rsj.admin', t.departments.rsj.id, 'dept_admin', '330213000000');
    await person('xikou.admin', t.departments.xikou.id, 'dept_admin', '330213100000');
    leader = await t.login('leader', 'test-pass-1');
    rsj = await t.login('rsj.admin', 'test-pass-1');
    xikou = await t.login('xikou.admin', 'test-pass-1');
  });
  afterAll(() => t.close());

  const call = (
    method: 'GET' | 'POST',
    url: string,
    headers: Headers,
    payload?: unknown,
  ): Promise<Response> =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const expectProblem = (response: Response, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status, code });
  };
  const dispatch = (body: Record<string, unknown> = {}) =>
    call('POST', '/api/governance/tasks', leader, {
      title: '城区道路积水点排查',
      requirements: '排查并报送整改情况。',
      deadline: '2026-03-06',
      departmentIds: [t.departments.rsj.id, t.departments.xikou.id],
      ...body,
    });
  const taskCount = async () => (await call('GET', '/api/governance/tasks', leader)).json().total as number;

  it('runs a task from dispatch to close over HTTP', async () => {
    const created = await dispatch();
    expect(created.statusCode, created.body).toBe(201);
    const task = created.json();
    expect(task).toMatchObject({
      status: 'open',
      dueAt: '2026-03-06T15:59:59.999Z',
      remindAt: '2026-03-04T01:00:00.000Z',
    });
    const mine = (await call('GET', '/api/governance/tasks?status=open', rsj)).json();
    expect(mine.items[0].assignments).toHaveLength(1);
    const a = mine.items[0].assignments[0].id as string;
    const b = task.assignments.find(
      (x: { departmentId: string }) => x.departmentId === t.departments.xikou.id,
    ).id;
    const base = `/api/governance/tasks/${task.id}/assignments`;

    expect((await call('POST', `${base}/${a}/accept`, rsj)).json().assignments[0].status).toBe('in_progress');
    const upload = await call('POST', '/api/governance/tasks/attachments', rsj, {
      name: '现场照片.png',
      contentBase64: PNG.toString('base64'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = upload.json();
    const reported = await call('POST', `${base}/${a}/report`, rsj, {
      progress: 60,
      note: '已完成 6 处',
      fileIds: [file.id],
    });
    expect(reported.json().assignments[0]).toMatchObject({ progress: 60, actions: ['report', 'complete'] });
    const download = await call('GET', `/api/governance/tasks/${task.id}/attachments/${file.id}`, leader);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('现场照片.png'));
    expect(download.rawPayload.equals(PNG)).toBe(true);
    await call('POST', `${base}/${a}/complete`, rsj, { note: '全部整改' });

    await call('POST', `${base}/${b}/urge`, leader, { message: '请尽快签收' });
    await call('POST', `${base}/${b}/accept`, xikou);
    await call('POST', `${base}/${b}/complete`, xikou, { note: '完成' });
    await call('POST', `${base}/${a}/evaluate`, leader, { grade: 'excellent', comment: '成效明显' });
    const closed = await call('POST', `${base}/${b}/evaluate`, leader, {
      grade: 'good',
      comment: '按期完成',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', overdue: false });
    expect(closed.json().assignments.map((x: { status: string }) => x.status)).toEqual([
      'evaluated',
      'evaluated',
    ]);
  });

  it('answers bad input with problem+json and changes nothing', async () => {
    const before = await taskCount();
    const missing = await dispatch({ title: undefined, deadline: 'tomorrow' });
    expectProblem(missing, 400, 'http.validation_failed');
    expect(
      missing
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/deadline', '/title']);
    expectProblem(await dispatch({ deadline: '2026-03-01' }), 400, 'governance.task.deadline_past');
    expectProblem(
      await dispatch({ departmentIds: ['0190f1d2-0000-7000-8000-000000000000'] }),
      400,
      'governance.task.department_not_found',
    );
    expectProblem(
      await dispatch({ departmentIds: [t.departments.rsj.id, t.departments.rsj.id] }),
      400,
      'governance.task.invalid_input',
    );
    expectProblem(await dispatch({ remindWorkingDays: -1 }), 400, 'http.validation_failed');
    const offsite = await dispatch({ source: { label: '预警', path: '//example.com/login' } });
    expectProblem(offsite, 400, 'http.validation_failed');
    expect(offsite.json().errors.map((e: { path: string }) => e.path)).toEqual(['/source/path']);
    expect(await taskCount()).toBe(before);

    const task = (await dispatch()).json();
    const a = task.assignments[0].id;
    const base = `/api/governance/tasks/${task.id}/assignments/${a}`;
    await call('POST', `${base}/accept`, rsj);
    expectProblem(
      await call('POST', `${base}/report`, rsj, { progress: 101, note: 'x' }),
      400,
      'http.validation_failed',
    );
    expectProblem(
      await call('POST', `${base}/report`, rsj, { progress: 10, note: '' }),
      400,
      'http.validation_failed',
    );
    expectProblem(
      await call('POST', `${base}/evaluate`, leader, { grade: 'A', comment: 'x' }),
      400,
      'http.validation_failed',
    );
    expectProblem(
      await call('POST', `${base}/evaluate`, leader, { grade: 'good', comment: 'x' }),
      409,
      'governance.task.not_completed',
    );
    expectProblem(await call('POST', `${base}/accept`, rsj), 409, 'governance.task.already_accepted');
    expectProblem(
      await call('POST', '/api/governance/tasks/attachments', rsj, {
        name: 'a.txt',
        contentBase64: Buffer.from('hello').toString('base64'),
      }),
      400,
      'files.type_not_allowed',
    );
    expectProblem(
      await call('POST', '/api/governance/tasks/attachments', rsj, { name: 'a.png', contentBase64: '***' }),
      400,
      'http.validation_failed',
    );
    expectProblem(
      await call('GET', '/api/governance/tasks/not-a-uuid', leader),
      400,
      'http.validation_failed',
    );
    expectProblem(
      await call('GET', '/api/governance/tasks?pageSize=1000', leader),
      400,
      'http.validation_failed',
    );
    expectProblem(
      await call('GET', '/api/governance/tasks/0190f1d2-0000-7000-8000-000000000000', leader),
      404,
      'governance.task.not_found',
    );
    const view = (await call('GET', `/api/governance/tasks/${task.id}`, rsj)).json();
    expect(view.assignments[0]).toMatchObject({ status: 'in_progress', progress: 0 });
  });

  it('requires a login, a supervision permission and, for department steps, the department', async () => {
    expectProblem(await call('GET', '/api/governance/tasks', {}), 401, 'access.unauthenticated');
    const auditor = await t.login('audit', 'audit-pass-1');
    expectProblem(await call('GET', '/api/governance/tasks', auditor), 403, 'access.denied');
    const byDepartment = await call('POST', '/api/governance/tasks', rsj, {
      title: 'x',
      requirements: 'y',
      deadline: '2026-03-06',
      departmentIds: [t.departments.rsj.id],
    });
    expectProblem(byDepartment, 403, 'access.denied');
    const task = (await dispatch()).json();
    const townAssignment = task.assignments.find(
      (x: { departmentId: string }) => x.departmentId === t.departments.xikou.id,
    ).id;
    expectProblem(
      await call('POST', `/api/governance/tasks/${task.id}/assignments/${townAssignment}/accept`, rsj),
      404,
      'governance.task.assignment_not_found',
    );
    expectProblem(
      await call('POST', `/api/governance/tasks/${task.id}/assignments/${townAssignment}/accept`, {
        cookie: xikou.cookie,
      }),
      403,
      'http.csrf_failed',
    );
  });

  it('documents the routes in OpenAPI under the supervision tag', async () => {
    const document = (await t.app.inject('/openapi.json')).json();
    const paths = Object.keys(document.paths).filter((p) => p.startsWith('/api/governance/tasks'));
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/governance/tasks',
        '/api/governance/tasks/{id}',
        '/api/governance/tasks/{id}/assignments/{assignmentId}/evaluate',
        '/api/governance/tasks/attachments',
      ]),
    );
    expect(document.paths['/api/governance/tasks'].post.tags).toEqual(['supervision']);
    expect(document.components.schemas.SupervisionTask).toBeDefined();
  });
});
