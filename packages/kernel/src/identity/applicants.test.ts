import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, requirePermission, systemActor } from '../access';
import { rows } from '../db';
import { createTestKernel } from '../testing';

// Synthetic identities with valid check characters (region 330283, old Fenghua).
const CITIZEN_ID = '330283199001011238';
const CITIZEN_ID_BAD_CHECK = '330283199001011239';
const OTHER_ID = '330283198512310024';
const STAFF_REGISTERED_ID = '330283200002290043';
const USCC = '91330213MA2H00001P';
const OTHER_USCC = '91330213MA2H00002T';

describe('applicant accounts', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  const count = async (table: string) =>
    (await rows<{ n: number }>(t.kernel.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;
  const actorOf = async (identifier: string, password: string): Promise<Actor> => {
    const { token } = await t.kernel.applicants.login(identifier, password);
    return (await t.kernel.applicants.resolveSession(token))!.actor;
  };

  beforeAll(async () => {
    t = await createTestKernel();
  });
  afterAll(() => t.close());

  it('registers a citizen, creating the registry entry, and shows only masked personal data', async () => {
    const applicant = await t.kernel.applicants.register({
      kind: 'citizen',
      idNumber: CITIZEN_ID,
      name: ' 测试明 ',
      phone: '13900001111',
      password: 'portal-pass-1',
    });
    expect(applicant).toMatchObject({
      kind: 'citizen',
      name: '测*明',
      idNumber: '330283********1238',
      preferences: {},
    });
    const [entry] = await rows<{ id: string }>(
      t.kernel.db,
      sql`select id from identity_citizen where id_number = ${CITIZEN_ID}`,
    );
    const [audit] = await rows<{ actor_name: string; data: Record<string, unknown> }>(
      t.kernel.db,
      sql`select actor_name, data from audit_entry where action = 'identity.applicant.registered'`,
    );
    expect(audit.actor_name).toBe('测*明');
    expect(audit.data).toEqual({ kind: 'citizen', registryId: entry.id, registryCreated: true });
    expect(JSON.stringify(audit)).not.toContain(CITIZEN_ID);
  });

  it('registers an enterprise with its public name and credit code', async () => {
    const applicant = await t.kernel.applicants.register({
      kind: 'enterprise',
      uscc: USCC.toLowerCase(),
      name: '奉化测试科技有限公司',
      legalRepresentative: '测试人',
      password: 'portal-pass-2',
    });
    expect(applicant).toMatchObject({ kind: 'enterprise', name: '奉化测试科技有限公司', uscc: USCC });
  });

  it('refuses a wrong check character with the validator code and creates nothing', async () => {
    const before = [await count('identity_citizen'), await count('identity_applicant')];
    await expect(
      t.kernel.applicants.register({
        kind: 'citizen',
        idNumber: CITIZEN_ID_BAD_CHECK,
        name: '测试乙',
        password: 'portal-pass-1',
      }),
    ).rejects.toMatchObject({ code: 'identity.id_number.check_digit', status: 400 });
    await expect(
      t.kernel.applicants.register({
        kind: 'enterprise',
        uscc: `${OTHER_USCC.slice(0, 17)}0`,
        name: '某公司',
        password: 'portal-pass-1',
      }),
    ).rejects.toMatchObject({ code: 'identity.uscc.check_digit' });
    await expect(
      t.kernel.applicants.register({
        kind: 'citizen',
        idNumber: OTHER_ID,
        name: '测试乙',
        password: 'short',
      }),
    ).rejects.toMatchObject({ code: 'identity.password.weak' });
    expect([await count('identity_citizen'), await count('identity_applicant')]).toEqual(before);
  });

  it('refuses a second account for the same identity', async () => {
    await expect(
      t.kernel.applicants.register({
        kind: 'citizen',
        idNumber: CITIZEN_ID,
        name: '测试明',
        password: 'another-pass-1',
      }),
    ).rejects.toMatchObject({ code: 'identity.applicant.exists', status: 409 });
  });

  it('uses an entry staff registered, and refuses a different name without repeating it', async () => {
    await t.kernel.registry.registerCitizen(systemActor, { idNumber: STAFF_REGISTERED_ID, name: '测试丙' });
    const before = await count('identity_applicant');
    const error = await t.kernel.applicants
      .register({ kind: 'citizen', idNumber: STAFF_REGISTERED_ID, name: '别人名', password: 'portal-pass-3' })
      .catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'identity.applicant.name_mismatch' });
    expect((error as Error).message).not.toContain('测试丙');
    expect(await count('identity_applicant')).toBe(before);
    await expect(
      t.kernel.applicants.register({
        kind: 'citizen',
        idNumber: STAFF_REGISTERED_ID,
        name: '测试丙',
        password: 'portal-pass-3',
      }),
    ).resolves.toMatchObject({ name: '测*丙' });
  });

  it('logs in by ID number or credit code, resolving an applicant actor without grants', async () => {
    const { token, csrfToken } = await t.kernel.applicants.login(
      `${CITIZEN_ID.slice(0, 17)}8 `,
      'portal-pass-1',
    );
    const session = await t.kernel.applicants.resolveSession(token);
    expect(session?.csrfToken).toBe(csrfToken);
    expect(session?.actor).toMatchObject({
      type: 'applicant',
      name: '测*明',
      departmentId: null,
      grants: [],
      applicant: { kind: 'citizen' },
    });
    expect(session?.actor.id).toBe(session?.actor.applicant?.accountId);
    const enterprise = await actorOf(USCC.toLowerCase(), 'portal-pass-2');
    expect(enterprise.applicant?.kind).toBe('enterprise');
    await t.kernel.applicants.logout(token);
    expect(await t.kernel.applicants.resolveSession(token)).toBeNull();
    // A staff session token is no applicant session.
    expect(await t.kernel.auth.resolveSession(csrfToken)).toBeNull();
  });

  it('answers an unknown identifier exactly like a wrong password, then locks after repeated failures', async () => {
    await expect(t.kernel.applicants.login(OTHER_ID, 'whatever-1')).rejects.toMatchObject({
      code: 'identity.login.invalid_credentials',
      message: 'Wrong ID number, credit code or password.',
    });
    for (let i = 0; i < 2; i++)
      await expect(t.kernel.applicants.login(USCC, 'wrong-pass1')).rejects.toMatchObject({
        code: 'identity.login.invalid_credentials',
        message: 'Wrong ID number, credit code or password.',
      });
    await expect(t.kernel.applicants.login(USCC, 'wrong-pass1')).rejects.toMatchObject({
      code: 'identity.login.locked',
      status: 429,
    });
    await expect(t.kernel.applicants.login(USCC, 'portal-pass-2')).rejects.toMatchObject({
      code: 'identity.login.locked',
    });
    t.clock.advance(16 * 60_000);
    await expect(t.kernel.applicants.login(USCC, 'portal-pass-2')).resolves.toHaveProperty('token');
  });

  it('expires sessions, and the hourly job purges them', async () => {
    const { token } = await t.kernel.applicants.login(CITIZEN_ID, 'portal-pass-1');
    t.clock.advance(13 * 3_600_000);
    expect(await t.kernel.applicants.resolveSession(token)).toBeNull();
    await t.kernel.jobs.runDue();
    expect(await count('identity_applicant_session')).toBe(0);
  });

  it('shows the applicant their masked profile, saves preferences, and gives modules the full identity', async () => {
    const actor = await actorOf(CITIZEN_ID, 'portal-pass-1');
    expect(await t.kernel.applicants.me(actor)).toMatchObject({ idNumber: '330283********1238' });
    expect(await t.kernel.applicants.setPreferences(actor, { elderMode: true })).toEqual({ elderMode: true });
    expect(await t.kernel.applicants.setPreferences(actor, { locale: 'en-US' })).toEqual({
      elderMode: true,
      locale: 'en-US',
    });
    expect(await t.kernel.applicants.applicantIdentity(actor)).toMatchObject({
      kind: 'citizen',
      idNumber: CITIZEN_ID,
      name: '测试明',
    });
    await expect(t.kernel.applicants.applicantIdentity(systemActor)).rejects.toMatchObject({
      code: 'access.unauthenticated',
    });
  });

  it('keeps where notices go, masked when shown, checked when set, audited without the values', async () => {
    const actor = await actorOf(CITIZEN_ID, 'portal-pass-1');
    const updated = await t.kernel.applicants.setContact(actor, {
      phone: '13900002222',
      email: ' Wang.Ming@Example.com ',
    });
    expect(updated.contact).toEqual({ phone: '139****2222', email: 'w***@example.com' });
    await expect(t.kernel.applicants.setContact(actor, { email: 'not-an-address' })).rejects.toMatchObject({
      code: 'identity.applicant.email_invalid',
    });
    await expect(t.kernel.applicants.setContact(actor, { phone: '12345' })).rejects.toMatchObject({
      status: 400,
    });
    expect((await t.kernel.applicants.setContact(actor, { email: '' })).contact.email).toBeNull();
    const audits = await rows<{ data: unknown }>(
      t.kernel.db,
      sql`select data from audit_entry where action = 'identity.applicant.contact_changed'`,
    );
    expect(JSON.stringify(audits)).not.toMatch(/13900002222|example/i);
  });

  it('keeps applicants out of permissions and staff-only functions', async () => {
    const actor = await actorOf(CITIZEN_ID, 'portal-pass-1');
    expect(() => requirePermission(actor, 'org.read')).toThrow(expect.objectContaining({ status: 403 }));
    await expect(t.kernel.staff.me(actor)).rejects.toMatchObject({ code: 'access.staff_only', status: 403 });
    await expect(t.kernel.auth.setPreferences(actor, { elderMode: true })).rejects.toMatchObject({
      code: 'access.staff_only',
    });
    await expect(t.kernel.auth.createApiKey(actor, 'mine')).rejects.toMatchObject({
      code: 'access.staff_only',
    });
    await expect(t.kernel.notifications.list(actor)).rejects.toMatchObject({ code: 'access.staff_only' });
    await expect(t.kernel.staff.listStaff(actor)).rejects.toMatchObject({ code: 'access.denied' });
    await expect(
      t.kernel.applicants.ensureAccount(actor, {
        kind: 'citizen',
        registryId: actor.id!,
        password: 'x1234567',
      }),
    ).rejects.toMatchObject({ code: 'identity.applicant.system_only' });
  });

  it('seeds demo accounts idempotently (system only)', async () => {
    const entry = await t.kernel.registry.registerEnterprise(systemActor, {
      uscc: OTHER_USCC,
      name: '演示合作社',
    });
    const first = await t.kernel.applicants.ensureAccount(systemActor, {
      kind: 'enterprise',
      registryId: entry.id,
      password: 'demo-pass-1',
    });
    const again = await t.kernel.applicants.ensureAccount(systemActor, {
      kind: 'enterprise',
      registryId: entry.id,
      password: 'demo-pass-1',
    });
    expect(again.id).toBe(first.id);
    await expect(t.kernel.applicants.login(OTHER_USCC, 'demo-pass-1')).resolves.toHaveProperty('csrfToken');
  });
});
