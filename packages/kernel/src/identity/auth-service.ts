import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { type Actor, requireStaffAccount } from '../access';
import { recordAudit } from '../audit';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { AuthenticationError, InputError, NotFoundError } from '../errors';
import { newId } from '../ids';
import { loadStaffActor } from './actor-loader';
import { failLogin, refuseIfLocked } from './login-lockout';
import { checkPasswordStrength, dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { identityApiKey, identitySession, identityStaff } from './schema';
import { randomToken, tokenDigest } from './tokens';

export interface AuthServiceDeps {
  db: Db;
  clock: Clock;
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
  sessionTtlHours: number;
  maxFailures: number;
  lockMinutes: number;
}

const invalid = () =>
  new AuthenticationError('identity.login.invalid_credentials', 'Wrong username or password.');

/** Logins with lockout, database sessions, API keys, and turning either into an Actor. */
export function createAuthService(deps: AuthServiceDeps) {
  const { db, clock } = deps;

  async function login(username: string, password: string) {
    const [staff] = await db
      .select()
      .from(identityStaff)
      .where(eq(identityStaff.username, username.trim().toLowerCase()));
    if (!staff) {
      await verifyPassword(await dummyPasswordHash(), password);
      throw invalid();
    }
    const now = clock.now();
    refuseIfLocked(staff, now);
    const ok = staff.status === 'active' && (await verifyPassword(staff.passwordHash, password));
    if (!ok)
      await failLogin(
        deps,
        staff,
        'staff',
        now,
        (tx, values) => tx.update(identityStaff).set(values).where(eq(identityStaff.id, staff.id)),
        invalid,
      );
    const token = randomToken();
    const csrfToken = randomToken(24);
    await deps.transaction(async (tx) => {
      await tx
        .update(identityStaff)
        .set({ failedLogins: 0, lockedUntil: null })
        .where(eq(identityStaff.id, staff.id));
      await tx.insert(identitySession).values({
        id: newId(),
        tokenHash: tokenDigest(token),
        staffId: staff.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + deps.sessionTtlHours * 3_600_000),
      });
      await recordAudit(tx, clock, {
        actor: {
          type: 'staff',
          id: staff.id,
          name: staff.displayName,
          departmentId: staff.departmentId,
          grants: [],
        },
        action: 'identity.login.succeeded',
        subjectType: 'staff',
        subjectId: staff.id,
      });
    });
    return { token, csrfToken, staffId: staff.id };
  }

  /** The session's actor and CSRF token, or null when unknown or expired. */
  async function resolveSession(token: string) {
    const [session] = await db
      .select()
      .from(identitySession)
      .where(
        and(eq(identitySession.tokenHash, tokenDigest(token)), gt(identitySession.expiresAt, clock.now())),
      );
    if (!session) return null;
    const actor = await loadStaffActor(db, session.staffId);
    if (!actor) return null;
    // Touch at most once a minute to keep writes off the hot path.
    if (clock.now().getTime() - session.lastSeenAt.getTime() > 60_000) {
      await db
        .update(identitySession)
        .set({ lastSeenAt: clock.now() })
        .where(eq(identitySession.id, session.id));
    }
    return { actor, csrfToken: session.csrfToken, sessionId: session.id };
  }

  async function logout(token: string) {
    await db.delete(identitySession).where(eq(identitySession.tokenHash, tokenDigest(token)));
  }

  /** Deletes expired sessions; pass the job's transaction when called from a job. */
  async function purgeExpiredSessions(executor: Executor = db) {
    await executor.delete(identitySession).where(lt(identitySession.expiresAt, clock.now()));
  }

  async function changePassword(actor: Actor, currentPassword: string, newPassword: string) {
    requireStaffAccount(actor);
    const [staff] = await db.select().from(identityStaff).where(eq(identityStaff.id, actor.id!));
    if (!staff || !(await verifyPassword(staff.passwordHash, currentPassword))) {
      throw new InputError('identity.password.wrong_current', 'The current password is wrong.');
    }
    checkPasswordStrength(newPassword);
    if (newPassword === currentPassword)
      throw new InputError(
        'identity.password.unchanged',
        'The new password must differ from the current one.',
      );
    const passwordHash = await hashPassword(newPassword);
    await deps.transaction(async (tx) => {
      await tx
        .update(identityStaff)
        .set({ passwordHash, mustChangePassword: false, updatedAt: clock.now() })
        .where(eq(identityStaff.id, staff.id));
      await recordAudit(tx, clock, {
        actor,
        action: 'identity.password.changed',
        subjectType: 'staff',
        subjectId: staff.id,
      });
    });
  }

  async function setPreferences(
    actor: Actor,
    preferences: { locale?: 'zh-CN' | 'en-US'; elderMode?: boolean },
  ) {
    requireStaffAccount(actor);
    const [staff] = await db
      .select({ preferences: identityStaff.preferences })
      .from(identityStaff)
      .where(eq(identityStaff.id, actor.id!));
    if (!staff) throw new NotFoundError('identity.staff.not_found', 'No such staff member.');
    const merged = { ...staff.preferences, ...preferences };
    await db.update(identityStaff).set({ preferences: merged }).where(eq(identityStaff.id, actor.id!));
    return merged;
  }

  /** Creates an API key for the acting staff member; the secret is shown once. */
  async function createApiKey(actor: Actor, name: string, expiresAt?: Date) {
    requireStaffAccount(actor);
    if (actor.type !== 'staff')
      throw new InputError('identity.api_key.staff_only', 'Only staff can create API keys.');
    const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
    const secret = `zz_${prefix}_${randomToken()}`;
    const id = newId();
    await deps.transaction(async (tx) => {
      await tx.insert(identityApiKey).values({
        id,
        staffId: actor.id!,
        name,
        prefix,
        keyHash: tokenDigest(secret),
        createdAt: clock.now(),
        expiresAt: expiresAt ?? null,
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'identity.api_key.created',
        subjectType: 'api_key',
        subjectId: id,
        data: { name, prefix },
      });
    });
    return { id, prefix, secret };
  }

  async function resolveApiKey(secret: string): Promise<Actor | null> {
    const now = clock.now();
    const [key] = await db
      .select()
      .from(identityApiKey)
      .where(
        and(
          eq(identityApiKey.keyHash, tokenDigest(secret)),
          isNull(identityApiKey.revokedAt),
          or(isNull(identityApiKey.expiresAt), gt(identityApiKey.expiresAt, now)),
        ),
      );
    if (!key) return null;
    await db.update(identityApiKey).set({ lastUsedAt: now }).where(eq(identityApiKey.id, key.id));
    return loadStaffActor(db, key.staffId, 'api_key');
  }

  async function revokeApiKey(actor: Actor, id: string) {
    requireStaffAccount(actor);
    await deps.transaction(async (tx) => {
      const updated = await tx
        .update(identityApiKey)
        .set({ revokedAt: clock.now() })
        .where(
          and(
            eq(identityApiKey.id, id),
            eq(identityApiKey.staffId, actor.id!),
            isNull(identityApiKey.revokedAt),
          ),
        )
        .returning({ id: identityApiKey.id });
      if (!updated.length) throw new NotFoundError('identity.api_key.not_found', 'No such active API key.');
      await recordAudit(tx, clock, {
        actor,
        action: 'identity.api_key.revoked',
        subjectType: 'api_key',
        subjectId: id,
      });
    });
  }

  async function listApiKeys(actor: Actor) {
    requireStaffAccount(actor);
    return db
      .select({
        id: identityApiKey.id,
        name: identityApiKey.name,
        prefix: identityApiKey.prefix,
        createdAt: identityApiKey.createdAt,
        lastUsedAt: identityApiKey.lastUsedAt,
        expiresAt: identityApiKey.expiresAt,
        revokedAt: identityApiKey.revokedAt,
      })
      .from(identityApiKey)
      .where(eq(identityApiKey.staffId, actor.id!))
      .orderBy(sql`${identityApiKey.createdAt} desc`);
  }

  return {
    login,
    resolveSession,
    logout,
    purgeExpiredSessions,
    changePassword,
    setPreferences,
    createApiKey,
    resolveApiKey,
    revokeApiKey,
    listApiKeys,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
