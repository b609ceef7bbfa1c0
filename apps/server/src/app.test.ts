import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './testing';

describe('HTTP API', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login();
  });
  afterAll(() => t.close());

  const expectProblem = (
    response: { statusCode: number; headers: Record<string, unknown>; json(): unknown; body: string },
    status: number,
    code: string,
  ) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status, code, type: `urn:zhizhi:problem:${code}` });
    expect(response.body).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
  };

  it('serves health, readiness, metrics and the OpenAPI document', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready' });
    expect((await t.app.inject('/metrics')).body).toContain('zhizhi_http_request_duration_seconds');
    expect((await t.app.inject('/openapi.json')).json().openapi).toBe('3.1.0');
    expect((await t.app.inject('/docs/')).statusCode).toBe(200);
  });

  it('answers wrong credentials with 401 problem+json and sets no cookie', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'nope-nope-1' },
    });
    expectProblem(response, 401, 'identity.login.invalid_credentials');
    expect(response.cookies).toHaveLength(0);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie on login', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'audit', password: 'audit-pass-1' },
    });
    expect(response.cookies[0]).toMatchObject({
      name: 'zz_session',
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });
  });

  it('rejects malformed JSON, wrong types, oversized bodies, unknown routes and bad media types', async () => {
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/org/departments',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: '{"code":',
      }),
      400,
      'http.malformed_json',
    );
    const wrongTypes = await t.app.inject({
      method: 'POST',
      url: '/api/org/departments',
      headers: admin,
      payload: { code: 42, name: [], divisionCode: 'x', kind: 'bureau' },
    });
    expectProblem(wrongTypes, 400, 'http.validation_failed');
    expect(wrongTypes.json().errors.length).toBeGreaterThan(0);
    const chinese = await t.app.inject({
      method: 'POST',
      url: '/api/org/departments',
      headers: { ...admin, 'accept-language': 'zh-CN' },
      payload: { code: 42, name: 'x', divisionCode: '330213000000', kind: 'bureau' },
    });
    expect(chinese.json().errors[0]).toMatchObject({
      path: '/code',
      message: expect.stringContaining('无效输入'),
    });
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/org/departments',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
      }),
      413,
      'http.body_too_large',
    );
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/nothing-here' }), 404, 'http.not_found');
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/org/departments',
        headers: { ...admin, 'content-type': 'text/plain' },
        payload: 'hello',
      }),
      415,
      'http.unsupported_media_type',
    );
  });

  it('requires login (401) and permission (403)', async () => {
    expectProblem(await t.app.inject('/api/admin/staff'), 401, 'access.unauthenticated');
    const auditor = await t.login('audit', 'audit-pass-1');
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/org/departments',
        headers: auditor,
        payload: { code: 'new-dept', name: '新部门', divisionCode: '330213000000', kind: 'bureau' },
      }),
      403,
      'access.denied',
    );
  });

  it('refuses cookie-authenticated writes without the CSRF token, and changes nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/org/departments',
      headers: { cookie: admin.cookie },
      payload: { code: 'csrf-dept', name: '跨站', divisionCode: '330213000000', kind: 'bureau' },
    });
    expectProblem(response, 403, 'http.csrf_failed');
    const list = await t.app.inject({ url: '/api/org/departments', headers: admin });
    expect(list.json().items.map((d: { code: string }) => d.code)).not.toContain('csrf-dept');
  });

  it('creates a department, records it in the audit log, and verifies the chain', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/org/departments',
      headers: admin,
      payload: {
        code: 'yjj',
        name: '区应急管理局',
        nameEn: 'Emergency Management Bureau',
        divisionCode: '330213000000',
        kind: 'bureau',
      },
    });
    expect(created.statusCode).toBe(201);
    const entries = await t.app.inject({
      url: '/api/audit/entries?action=org.department.created&limit=5',
      headers: admin,
    });
    expect(entries.json().items[0]).toMatchObject({ subjectId: created.json().id, actorName: '管理员' });
    const verify = await t.app.inject({ url: '/api/audit/verify', headers: admin });
    expect(verify.json()).toMatchObject({ ok: true, problems: [] });
  });

  it('accepts an API key as a bearer token without CSRF, and rejects a bad one', async () => {
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/me/api-keys',
      headers: admin,
      payload: { name: '数据同步' },
    });
    const secret = key.json().secret as string;
    const me = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${secret}` } });
    expect(me.json().username).toBe('admin');
    expectProblem(
      await t.app.inject({ url: '/api/me', headers: { authorization: 'Bearer zz_bogus' } }),
      401,
      'identity.api_key.invalid',
    );
  });

  it('saves preferences per user', async () => {
    const saved = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/preferences',
      headers: admin,
      payload: { elderMode: true, locale: 'en-US' },
    });
    expect(saved.json()).toEqual({ elderMode: true, locale: 'en-US' });
    expect((await t.app.inject({ url: '/api/me', headers: admin })).json().preferences).toEqual({
      elderMode: true,
      locale: 'en-US',
    });
    expectProblem(
      await t.app.inject({
        method: 'PATCH',
        url: '/api/me/preferences',
        headers: admin,
        payload: { locale: 'fr-FR' },
      }),
      400,
      'http.validation_failed',
    );
  });

  it('masks phone numbers in staff lists', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      headers: admin,
      payload: {
        username: 'li.si',
        displayName: '李四',
        password: 'secret-123',
        departmentId: null,
        phone: '13912345678',
        roles: [],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().phone).toBe('139****5678');
    expect(created.body).not.toContain('13912345678');
  });

  it('serves the working calendar with 调休 and lets an admin override a day', async () => {
    const response = await t.app.inject({
      url: '/api/calendar/days?from=2025-09-28&to=2025-10-08',
      headers: admin,
    });
    expect(response.statusCode, response.body).toBe(200);
    const days = response.json().items;
    expect(days[0]).toMatchObject({ day: '2025-09-28', isWorkday: true, kind: 'makeup_workday' });
    expect(days[3]).toMatchObject({ day: '2025-10-01', isWorkday: false, kind: 'holiday' });
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/overrides/2026-07-29',
      headers: admin,
      payload: { isWorkday: false, note: '台风停止办公' },
    });
    expect(put.statusCode).toBe(204);
    const day = (
      await t.app.inject({ url: '/api/calendar/days?from=2026-07-29&to=2026-07-29', headers: admin })
    ).json().items[0];
    expect(day).toMatchObject({ isWorkday: false, overridden: true, note: '台风停止办公' });
    const auditor = await t.login('audit', 'audit-pass-1');
    expectProblem(
      await t.app.inject({ method: 'DELETE', url: '/api/calendar/overrides/2026-07-29', headers: auditor }),
      403,
      'access.denied',
    );
    expectProblem(
      await t.app.inject({ url: '/api/calendar/days?from=2026-02-30&to=2026-03-01', headers: admin }),
      400,
      'http.validation_failed',
    );
  });

  it('registers citizens and enterprises: bad check digit is an overridable warning, audited when accepted', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/identity/citizens',
      headers: admin,
      payload: { idNumber: '110105194912310021', name: '测试甲' },
    });
    expectProblem(bad, 400, 'identity.id_number.check_digit');
    expect(bad.json().overridable).toBe(true);
    expect(bad.body).not.toContain('110105194912310021');
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/identity/citizens',
      headers: admin,
      payload: { idNumber: '110105194912310021', name: '测试甲', acceptCheckWarning: true },
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({
      idNumber: '110105********0021',
      name: '测*甲',
      checkOverridden: true,
    });
    const entries = (
      await t.app.inject({
        url: '/api/audit/entries?action=identity.citizen.registered_check_overridden',
        headers: admin,
      })
    ).json().items;
    expect(entries).toHaveLength(1);
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/identity/citizens',
      headers: admin,
      payload: { idNumber: '11010519491231002x', name: '测试乙', phone: '13912345678' },
    });
    expect(good.json()).toMatchObject({
      idNumber: '110105********002X',
      phone: '139****5678',
      checkOverridden: false,
    });
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/identity/citizens',
        headers: admin,
        payload: { idNumber: '11010519491231002X', name: '重复' },
      }),
      409,
      'identity.citizen.exists',
    );
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/identity/citizens',
        headers: admin,
        payload: { idNumber: '110105194902300021', name: '无效日期', acceptCheckWarning: true },
      }),
      400,
      'identity.id_number.birth_date',
    );
    const company = await t.app.inject({
      method: 'POST',
      url: '/api/identity/enterprises',
      headers: admin,
      payload: { uscc: '91350100M000100Y43', name: '示例有限公司', divisionCode: '330213001000' },
    });
    expect(company.statusCode).toBe(201);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/identity/enterprises',
        headers: admin,
        payload: { uscc: '91350100M000100Y44', name: '校验错' },
      }),
      400,
      'identity.uscc.check_digit',
    );
    const found = await t.app.inject({
      method: 'POST',
      url: '/api/identity/enterprises/lookup',
      headers: admin,
      payload: { uscc: '91350100m000100y43' },
    });
    expect(found.json().name).toBe('示例有限公司');
  });
});
