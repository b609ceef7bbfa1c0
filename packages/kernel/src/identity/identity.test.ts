import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, systemActor } from '../access';
import { rows } from '../db';
import { actorFor, createTestKernel } from '../testing';

describe('identity', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  let deptAdmin: Actor;
  beforeAll(async () => {
    t = await createTestKernel();
    await t.kernel.staff.createStaff(systemActor, {
      username: 'rsj.admin',
      displayName: '人社管理员',
      password: 'secret-123',
      departmentId: t.departments.rsj.id,
      roles: [{ roleCode: 'dept_admin', divisionCode: '330213000000', departmentId: t.departments.rsj.id }],
      mustChangePassword: false,
    });
    await t.kernel.staff.createStaff(systemActor, {
      username: 'xikou.window',
      displayName: '溪口窗口',
      password: 'secret-123',
      departmentId: t.departments.xikou.id,
      roles: [{ roleCode: 'town_operator', divisionCode: '330213100000' }],
    });
    deptAdmin = await actorFor(t.kernel, 'rsj.admin', 'secret-123');
  });
  afterAll(() => t.close());

  it('logs in, resolves the session to an actor with scoped grants, and logs out', async () => {
    const { token, csrfToken } = await t.kernel.auth.login('XIKOU.window ', 'secret-123');
    const session = await t.kernel.auth.resolveSession(token);
    expect(session?.csrfToken).toBe(csrfToken);
    expect(session?.actor.grants).toEqual([
      expect.objectContaining({ roleCode: 'town_operator', divisionCode: '330213100000' }),
    ]);
    await t.kernel.auth.logout(token);
    expect(await t.kernel.auth.resolveSession(token)).toBeNull();
  });

  it('expires sessions', async () => {
    const { token } = await t.kernel.auth.login('xikou.window', 'secret-123');
    t.clock.advance(13 * 3_600_000);
    expect(await t.kernel.auth.resolveSession(token)).toBeNull();
  });

  it('locks an account after repeated failures, then lets it in after the lock', async () => {
    for (let i = 0; i < 2; i++)
      await expect(t.kernel.auth.login('xikou.window', 'wrong-pass1')).rejects.toMatchObject({
        code: 'identity.login.invalid_credentials',
      });
    await expect(t.kernel.auth.login('xikou.window', 'wrong-pass1')).rejects.toMatchObject({
      code: 'identity.login.locked',
    });
    await expect(t.kernel.auth.login('xikou.window', 'secret-123')).rejects.toMatchObject({
      code: 'identity.login.locked',
    });
    t.clock.advance(16 * 60_000);
    await expect(t.kernel.auth.login('xikou.window', 'secret-123')).resolves.toHaveProperty('token');
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    await expect(t.kernel.auth.login('nobody', 'whatever1')).rejects.toMatchObject({
      code: 'identity.login.invalid_credentials',
      message: 'Wrong username or password.',
    });
  });

  it('scopes staff lists to the department admin’s department', async () => {
    const { items, total } = await t.kernel.staff.listStaff(deptAdmin);
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ username: 'rsj.admin', phone: null });
  });

  it('stops a department admin from granting a role they do not hold (no escalation)', async () => {
    await expect(
      t.kernel.staff.createStaff(deptAdmin, {
        username: 'sneaky',
        displayName: 'x',
        password: 'secret-123',
        departmentId: t.departments.rsj.id,
        roles: [{ roleCode: 'admin', divisionCode: '330213000000' }],
      }),
    ).rejects.toMatchObject({ code: 'identity.role.escalation' });
    await expect(
      t.kernel.staff.createStaff(deptAdmin, {
        username: 'other.dept',
        displayName: 'x',
        password: 'secret-123',
        departmentId: t.departments.xikou.id,
        roles: [],
      }),
    ).rejects.toMatchObject({ code: 'access.denied' });
  });

  it('rejects weak passwords and bad usernames with stable codes', async () => {
    await expect(
      t.kernel.staff.createStaff(systemActor, {
        username: 'ok.name',
        displayName: 'x',
        password: 'short',
        departmentId: null,
        roles: [],
      }),
    ).rejects.toMatchObject({ code: 'identity.password.weak' });
    await expect(
      t.kernel.staff.createStaff(systemActor, {
        username: '9 bad',
        displayName: 'x',
        password: 'secret-123',
        departmentId: null,
        roles: [],
      }),
    ).rejects.toMatchObject({ code: 'identity.staff.invalid_username' });
  });

  it('issues API keys that resolve to the owner and stop working when revoked', async () => {
    const key = await t.kernel.auth.createApiKey(deptAdmin, 'sync job');
    expect(key.secret).toMatch(/^zz_/);
    expect((await t.kernel.auth.resolveApiKey(key.secret))?.type).toBe('api_key');
    await t.kernel.auth.revokeApiKey(deptAdmin, key.id);
    expect(await t.kernel.auth.resolveApiKey(key.secret)).toBeNull();
  });

  it('resets a password, forcing a change at next login, and ends existing sessions', async () => {
    const { token } = await t.kernel.auth.login('rsj.admin', 'secret-123');
    const staff = (await t.kernel.staff.listStaff(systemActor, { q: 'rsj.admin' })).items[0];
    await t.kernel.staff.resetPassword(systemActor, staff.id, 'fresh-pass-9');
    expect(await t.kernel.auth.resolveSession(token)).toBeNull();
    const actor = await actorFor(t.kernel, 'rsj.admin', 'fresh-pass-9');
    expect((await t.kernel.staff.me(actor)).mustChangePassword).toBe(true);
    await t.kernel.auth.changePassword(actor, 'fresh-pass-9', 'secret-123');
    expect((await t.kernel.staff.me(actor)).mustChangePassword).toBe(false);
  });

  it('purges expired sessions from the hourly job, inside the job transaction (no PGlite deadlock)', async () => {
    const { token } = await t.kernel.auth.login('xikou.window', 'secret-123');
    t.clock.advance(13 * 3_600_000);
    await t.kernel.jobs.runDue();
    expect(await t.kernel.auth.resolveSession(token)).toBeNull();
    const [{ n }] = await rows<{ n: number }>(
      t.kernel.db,
      sql`select count(*) as n from identity_session where expires_at < ${t.clock.now().toISOString()}::timestamptz`,
    );
    expect(n).toBe(0);
  });
});
