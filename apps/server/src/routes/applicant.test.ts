import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';

// Synthetic identities with valid check characters (region 330283, old Fenghua).
const CITIZEN_ID = '330283199001011238';
const USCC = '91330213MA2H00001P';

describe('applicant API', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers });

  async function login(identifier: string, password: string) {
    const response = await post('/api/applicant/login', { identifier, password });
    const cookie = response.cookies.find((c) => c.name === 'zz_applicant');
    if (!cookie) throw new Error(`login failed: ${response.body}`);
    return { response, cookie, headers: { cookie: `zz_applicant=${cookie.value}` } };
  }

  it('registers, logs in, shows me, saves preferences and logs out', async () => {
    const registered = await post('/api/applicant/register', {
      kind: 'citizen',
      idNumber: CITIZEN_ID,
      name: '测试明',
      password: 'portal-pass-1',
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toMatchObject({
      kind: 'citizen',
      name: '测*明',
      idNumber: '330283********1238',
    });
    expect(registered.body).not.toContain(CITIZEN_ID);

    const { response, cookie, headers } = await login(CITIZEN_ID, 'portal-pass-1');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const csrf = response.json().csrfToken as string;
    expect(response.json().me).toMatchObject({ kind: 'citizen', csrfToken: csrf });
    expect(response.body).not.toContain(CITIZEN_ID);

    const me = await t.app.inject({ method: 'GET', url: '/api/applicant/me', headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ name: '测*明', idNumber: '330283********1238', csrfToken: csrf });
    expect(me.body).not.toContain(CITIZEN_ID);

    const prefs = await t.app.inject({
      method: 'PUT',
      url: '/api/applicant/preferences',
      headers: { ...headers, 'x-csrf-token': csrf },
      payload: { elderMode: true },
    });
    expect(prefs.statusCode).toBe(200);
    expect(prefs.json()).toEqual({ elderMode: true });

    // The staff side does not take an applicant.
    const staffMe = await t.app.inject({ method: 'GET', url: '/api/me', headers });
    expect(staffMe.statusCode).toBe(403);
    expect(staffMe.json().code).toBe('access.staff_only');
    const staffList = await t.app.inject({ method: 'GET', url: '/api/admin/staff', headers });
    expect(staffList.json().code).toBe('access.denied');
    expect(staffList.statusCode).toBe(403);

    const out = await post('/api/applicant/logout', null, { ...headers, 'x-csrf-token': csrf });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/applicant/me', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('access.unauthenticated');
  });

  it('requires the CSRF token for cookie-authenticated writes', async () => {
    const { headers } = await login(CITIZEN_ID, 'portal-pass-1');
    for (const extra of [{}, { 'x-csrf-token': 'wrong' }]) {
      const response = await t.app.inject({
        method: 'PUT',
        url: '/api/applicant/preferences',
        headers: { ...headers, ...extra },
        payload: { locale: 'en-US' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('http.csrf_failed');
    }
    const logout = await post('/api/applicant/logout', null, headers);
    expect(logout.statusCode).toBe(403);
  });

  it('answers bad input with problem+json and a stable code', async () => {
    const badCheck = await post('/api/applicant/register', {
      kind: 'citizen',
      idNumber: `${CITIZEN_ID.slice(0, 17)}9`,
      name: '测试乙',
      password: 'portal-pass-1',
    });
    expect(badCheck.statusCode).toBe(400);
    expect(badCheck.headers['content-type']).toContain('application/problem+json');
    expect(badCheck.json().code).toBe('identity.id_number.check_digit');

    const malformed = await post('/api/applicant/register', { kind: 'robot', password: 'x' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBeTypeOf('string');

    const duplicate = await post('/api/applicant/register', {
      kind: 'citizen',
      idNumber: CITIZEN_ID,
      name: '测试明',
      password: 'portal-pass-9',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('identity.applicant.exists');

    const wrong = await post('/api/applicant/login', { identifier: CITIZEN_ID, password: 'wrong-pass-1' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('identity.login.invalid_credentials');
  });

  it('registers and logs in an enterprise by its credit code', async () => {
    const registered = await post('/api/applicant/register', {
      kind: 'enterprise',
      uscc: USCC,
      name: '奉化测试科技有限公司',
      password: 'portal-pass-2',
    });
    expect(registered.statusCode).toBe(201);
    const { response, headers } = await login(USCC.toLowerCase(), 'portal-pass-2');
    expect(response.json().me).toMatchObject({
      kind: 'enterprise',
      uscc: USCC,
      contact: { phone: null, email: null },
    });
    // Where notices go: set, shown masked, bad ones refused with a code.
    const write = { ...headers, 'x-csrf-token': response.json().csrfToken as string };
    const contact = await t.app.inject({
      method: 'PUT',
      url: '/api/applicant/contact',
      headers: write,
      payload: { phone: '13900003333', email: 'office@example.com' },
    });
    expect(contact.statusCode).toBe(200);
    expect(contact.json().contact).toEqual({ phone: '139****3333', email: 'o***@example.com' });
    expect(contact.body).not.toContain('13900003333');
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/applicant/contact',
      headers: write,
      payload: { email: 'office@' },
    });
    expect(bad.json().code).toBe('identity.applicant.email_invalid');
  });

  it('keeps the staff session when both cookies are present', async () => {
    const staff = await t.login();
    const { cookie } = await login(CITIZEN_ID, 'portal-pass-1');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `${staff.cookie}; zz_applicant=${cookie.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('admin');
  });
});
