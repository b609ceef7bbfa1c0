import { and, eq, gt, lt } from 'drizzle-orm';
import type { Actor } from '../access';
import { recordAudit } from '../audit';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { AuthenticationError, ConflictError, InputError, NotAllowedError, NotFoundError } from '../errors';
import { newId } from '../ids';
import { failLogin, refuseIfLocked } from './login-lockout';
import { checkPasswordStrength, dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { identityApplicant, identityApplicantSession, identityCitizen, identityEnterprise } from './schema';
import { randomToken, tokenDigest } from './tokens';
import {
  maskIdNumber,
  maskName,
  maskPhone,
  validateIdNumber,
  validateMobile,
  validateUscc,
} from './validators';

export interface ApplicantServiceDeps {
  db: Db;
  clock: Clock;
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
  sessionTtlHours: number;
  maxFailures: number;
  lockMinutes: number;
}

export type ApplicantKind = 'citizen' | 'enterprise';

/** Self-registration on the portal. The password is the applicant's own; no check override. */
export type RegisterApplicantInput =
  | { kind: 'citizen'; idNumber: string; name: string; phone?: string | null; password: string }
  | {
      kind: 'enterprise';
      uscc: string;
      name: string;
      legalRepresentative?: string | null;
      password: string;
    };

export type ApplicantPreferences = { locale?: 'zh-CN' | 'en-US'; elderMode?: boolean };

/** The applicant's own view: a citizen's name and ID number masked; an enterprise's name and code are public. */
/** Where notices go, masked (`139****5678`, `w***@example.com`); null when not given. */
export interface ApplicantContact {
  phone: string | null;
  email: string | null;
}

export type PresentedApplicant = (
  | { id: string; kind: 'citizen'; name: string; idNumber: string; preferences: ApplicantPreferences }
  | { id: string; kind: 'enterprise'; name: string; uscc: string; preferences: ApplicantPreferences }
) & { contact: ApplicantContact };

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/** `w***@example.com`: the first character of the local part and the domain. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** Unmasked identity, for modules filling forms with the applicant's own details. */
export type ApplicantIdentity =
  | { kind: 'citizen'; registryId: string; idNumber: string; name: string }
  | { kind: 'enterprise'; registryId: string; uscc: string; name: string };

type Account = typeof identityApplicant.$inferSelect;
interface RegistryEntry {
  kind: ApplicantKind;
  id: string;
  /** 身份证号 or 统一社会信用代码. */
  identifier: string;
  name: string;
}

const invalid = () =>
  new AuthenticationError('identity.login.invalid_credentials', 'Wrong ID number, credit code or password.');

/** Citizens' names are personal data; an enterprise's registered name is public. */
function displayName(entry: RegistryEntry): string {
  return entry.kind === 'citizen' ? maskName(entry.name) : entry.name;
}

function applicantActor(account: Account, entry: RegistryEntry): Actor {
  return {
    type: 'applicant',
    id: account.id,
    name: displayName(entry),
    departmentId: null,
    grants: [],
    applicant: { kind: entry.kind, registryId: entry.id, accountId: account.id },
  };
}

function present(account: Account, entry: RegistryEntry): PresentedApplicant {
  const base = {
    id: account.id,
    name: displayName(entry),
    preferences: account.preferences,
    contact: {
      phone: account.phone ? maskPhone(account.phone) : null,
      email: account.email ? maskEmail(account.email) : null,
    },
  };
  return entry.kind === 'citizen'
    ? { ...base, kind: 'citizen', idNumber: maskIdNumber(entry.identifier) }
    : { ...base, kind: 'enterprise', uscc: entry.identifier };
}

/** The applicant reference of a portal actor; 401 for anyone else. */
function requireApplicant(actor: Actor) {
  if (actor.type !== 'applicant' || !actor.applicant)
    throw new AuthenticationError('access.unauthenticated', 'Please log in to the service portal.');
  return actor.applicant;
}

async function registryEntry(db: Executor, kind: string, id: string): Promise<RegistryEntry | null> {
  if (kind === 'citizen') {
    const [c] = await db
      .select({ id: identityCitizen.id, identifier: identityCitizen.idNumber, name: identityCitizen.name })
      .from(identityCitizen)
      .where(eq(identityCitizen.id, id));
    return c ? { kind: 'citizen', ...c } : null;
  }
  const [e] = await db
    .select({ id: identityEnterprise.id, identifier: identityEnterprise.uscc, name: identityEnterprise.name })
    .from(identityEnterprise)
    .where(eq(identityEnterprise.id, id));
  return e ? { kind: 'enterprise', ...e } : null;
}

/** The registry entry an identifier names: a citizen's ID number first, then a credit code. */
async function entryByIdentifier(db: Executor, identifier: string): Promise<RegistryEntry | null> {
  const [c] = await db
    .select({ id: identityCitizen.id, identifier: identityCitizen.idNumber, name: identityCitizen.name })
    .from(identityCitizen)
    .where(eq(identityCitizen.idNumber, identifier));
  if (c) return { kind: 'citizen', ...c };
  const [e] = await db
    .select({ id: identityEnterprise.id, identifier: identityEnterprise.uscc, name: identityEnterprise.name })
    .from(identityEnterprise)
    .where(eq(identityEnterprise.uscc, identifier));
  return e ? { kind: 'enterprise', ...e } : null;
}

/** A validator's failure as an InputError with its code; applicants never override a check warning. */
function rejected(result: { code: string; message: string }): InputError {
  return new InputError(result.code, result.message);
}

/**
 * Portal accounts (浙里办-style) for citizens and enterprises of the registry: self-registration,
 * logins with lockout, database sessions and the applicant actor. One account per registry entry.
 */
export function createApplicantService(deps: ApplicantServiceDeps) {
  const { db, clock } = deps;

  async function loadAccount(executor: Executor, accountId: string) {
    const [account] = await executor
      .select()
      .from(identityApplicant)
      .where(eq(identityApplicant.id, accountId));
    if (!account) return null;
    const entry = await registryEntry(executor, account.kind, account.registryId);
    return entry ? { account, entry } : null;
  }

  async function loadOwn(actor: Actor) {
    const ref = requireApplicant(actor);
    const found = await loadAccount(db, ref.accountId);
    if (!found) throw new NotFoundError('identity.applicant.not_found', 'No such applicant account.');
    return found;
  }

  /** Validates the identity (before any hashing or transaction); then finds or creates its entry. */
  function validateIdentity(input: RegisterApplicantInput) {
    const now = clock.now();
    if (input.kind === 'citizen') {
      const id = validateIdNumber(input.idNumber, { today: now });
      if (!id.ok) throw rejected(id);
      const phone = input.phone ? validateMobile(input.phone) : null;
      if (phone && !phone.ok) throw rejected(phone);
      const name = input.name.trim();
      if (!name || name.length > 60)
        throw new InputError('identity.citizen.invalid_name', 'A name of 1–60 characters is required.');
      return {
        name,
        find: async (tx: Executor): Promise<RegistryEntry | null> => {
          const [c] = await tx
            .select({
              id: identityCitizen.id,
              identifier: identityCitizen.idNumber,
              name: identityCitizen.name,
            })
            .from(identityCitizen)
            .where(eq(identityCitizen.idNumber, id.value));
          return c ? { kind: 'citizen', ...c } : null;
        },
        create: async (tx: Executor): Promise<RegistryEntry> => {
          const [row] = await tx
            .insert(identityCitizen)
            .values({ id: newId(), idNumber: id.value, name, phone: phone?.value ?? null, createdAt: now })
            .returning({ id: identityCitizen.id });
          return { kind: 'citizen', id: row.id, identifier: id.value, name };
        },
      };
    }
    const code = validateUscc(input.uscc);
    if (!code.ok) throw rejected(code);
    const name = input.name.trim();
    if (!name || name.length > 200)
      throw new InputError('identity.enterprise.invalid_name', 'A name of 1–200 characters is required.');
    return {
      name,
      find: async (tx: Executor): Promise<RegistryEntry | null> => {
        const [e] = await tx
          .select({
            id: identityEnterprise.id,
            identifier: identityEnterprise.uscc,
            name: identityEnterprise.name,
          })
          .from(identityEnterprise)
          .where(eq(identityEnterprise.uscc, code.value));
        return e ? { kind: 'enterprise', ...e } : null;
      },
      create: async (tx: Executor): Promise<RegistryEntry> => {
        const [row] = await tx
          .insert(identityEnterprise)
          .values({
            id: newId(),
            uscc: code.value,
            name,
            legalRepresentative: input.legalRepresentative?.trim() || null,
            createdAt: now,
          })
          .returning({ id: identityEnterprise.id });
        return { kind: 'enterprise', id: row.id, identifier: code.value, name };
      },
    };
  }

  /** Inserts the account; a concurrent registration of the same entry is a conflict. */
  async function insertAccount(tx: Executor, entry: RegistryEntry, passwordHash: string) {
    const [account] = await tx
      .insert(identityApplicant)
      .values({
        id: newId(),
        kind: entry.kind,
        registryId: entry.id,
        passwordHash,
        createdAt: clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!account)
      throw new ConflictError('identity.applicant.exists', 'An account already exists for this identity.');
    return account;
  }

  async function register(input: RegisterApplicantInput): Promise<PresentedApplicant> {
    if (input.kind !== 'citizen' && input.kind !== 'enterprise')
      throw new InputError('identity.applicant.invalid_kind', 'An applicant is a citizen or an enterprise.');
    const identity = validateIdentity(input);
    checkPasswordStrength(input.password);
    const passwordHash = await hashPassword(input.password);
    return deps.transaction(async (tx) => {
      const existing = await identity.find(tx);
      if (existing && existing.name !== identity.name)
        throw new InputError(
          'identity.applicant.name_mismatch',
          'The name does not match the registered one for this identity.',
        );
      const entry = existing ?? (await identity.create(tx));
      const account = await insertAccount(tx, entry, passwordHash);
      await recordAudit(tx, clock, {
        actor: applicantActor(account, entry),
        action: 'identity.applicant.registered',
        subjectType: 'applicant',
        subjectId: account.id,
        data: { kind: entry.kind, registryId: entry.id, registryCreated: !existing },
      });
      return present(account, entry);
    });
  }

  async function login(identifier: string, password: string) {
    const entry = await entryByIdentifier(db, identifier.trim().toUpperCase());
    const [account] = entry
      ? await db.select().from(identityApplicant).where(eq(identityApplicant.registryId, entry.id))
      : [];
    if (!entry || !account) {
      await verifyPassword(await dummyPasswordHash(), password);
      throw invalid();
    }
    const now = clock.now();
    refuseIfLocked(account, now);
    if (!(await verifyPassword(account.passwordHash, password)))
      await failLogin(
        deps,
        account,
        'applicant',
        now,
        (tx, values) => tx.update(identityApplicant).set(values).where(eq(identityApplicant.id, account.id)),
        invalid,
      );
    const token = randomToken();
    const csrfToken = randomToken(24);
    await deps.transaction(async (tx) => {
      await tx
        .update(identityApplicant)
        .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
        .where(eq(identityApplicant.id, account.id));
      await tx.insert(identityApplicantSession).values({
        id: newId(),
        tokenHash: tokenDigest(token),
        applicantId: account.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + deps.sessionTtlHours * 3_600_000),
      });
      await recordAudit(tx, clock, {
        actor: applicantActor(account, entry),
        action: 'identity.login.succeeded',
        subjectType: 'applicant',
        subjectId: account.id,
      });
    });
    return { token, csrfToken };
  }

  /** The session's applicant actor and CSRF token, or null when unknown or expired. */
  async function resolveSession(token: string) {
    const [session] = await db
      .select()
      .from(identityApplicantSession)
      .where(
        and(
          eq(identityApplicantSession.tokenHash, tokenDigest(token)),
          gt(identityApplicantSession.expiresAt, clock.now()),
        ),
      );
    if (!session) return null;
    const found = await loadAccount(db, session.applicantId);
    if (!found) return null;
    // Touch at most once a minute to keep writes off the hot path.
    if (clock.now().getTime() - session.lastSeenAt.getTime() > 60_000) {
      await db
        .update(identityApplicantSession)
        .set({ lastSeenAt: clock.now() })
        .where(eq(identityApplicantSession.id, session.id));
    }
    return {
      actor: applicantActor(found.account, found.entry),
      csrfToken: session.csrfToken,
      sessionId: session.id,
    };
  }

  async function logout(token: string) {
    await db
      .delete(identityApplicantSession)
      .where(eq(identityApplicantSession.tokenHash, tokenDigest(token)));
  }

  /** Deletes expired sessions; pass the job's transaction when called from a job. */
  async function purgeExpiredSessions(executor: Executor = db) {
    await executor
      .delete(identityApplicantSession)
      .where(lt(identityApplicantSession.expiresAt, clock.now()));
  }

  async function me(actor: Actor): Promise<PresentedApplicant> {
    const { account, entry } = await loadOwn(actor);
    return present(account, entry);
  }

  async function setPreferences(actor: Actor, preferences: ApplicantPreferences) {
    const { account } = await loadOwn(actor);
    const merged = { ...account.preferences, ...preferences };
    await db
      .update(identityApplicant)
      .set({ preferences: merged })
      .where(eq(identityApplicant.id, account.id));
    return merged;
  }

  /** Sets where notices go (SMS, email); an empty value removes it. Audited without the values. */
  async function setContact(actor: Actor, input: { phone?: string | null; email?: string | null }) {
    const { account, entry } = await loadOwn(actor);
    const changes: { phone?: string | null; email?: string | null } = {};
    if (input.phone !== undefined) {
      const phone = input.phone?.trim() || null;
      const checked = phone ? validateMobile(phone) : null;
      if (checked && !checked.ok) throw rejected(checked);
      changes.phone = checked?.ok ? checked.value : null;
    }
    if (input.email !== undefined) {
      const email = input.email?.trim().toLowerCase() || null;
      if (email && (email.length > 254 || !EMAIL.test(email)))
        throw new InputError('identity.applicant.email_invalid', 'This is not an email address.');
      changes.email = email;
    }
    const updated = await deps.transaction(async (tx) => {
      const [row] = await tx
        .update(identityApplicant)
        .set(changes)
        .where(eq(identityApplicant.id, account.id))
        .returning();
      await recordAudit(tx, clock, {
        actor,
        action: 'identity.applicant.contact_changed',
        subjectType: 'applicant',
        subjectId: account.id,
        data: { fields: Object.keys(changes) },
      });
      return row;
    });
    return present(updated, entry);
  }

  /** The applicant's own identity, unmasked: only for filling the applicant's own forms. */
  async function applicantIdentity(actor: Actor): Promise<ApplicantIdentity> {
    const { entry } = await loadOwn(actor);
    return entry.kind === 'citizen'
      ? { kind: 'citizen', registryId: entry.id, idNumber: entry.identifier, name: entry.name }
      : { kind: 'enterprise', registryId: entry.id, uscc: entry.identifier, name: entry.name };
  }

  /** Demo seeding (system actor only): the account for an existing registry entry, created once. */
  async function ensureAccount(
    actor: Actor,
    input: { kind: ApplicantKind; registryId: string; password: string },
  ): Promise<PresentedApplicant> {
    if (actor.type !== 'system')
      throw new NotAllowedError(
        'identity.applicant.system_only',
        'Only the platform seeds applicant accounts.',
      );
    checkPasswordStrength(input.password);
    const entry = await registryEntry(db, input.kind, input.registryId);
    if (!entry) throw new NotFoundError('identity.applicant.registry_not_found', 'No such registry entry.');
    const [existing] = await db
      .select()
      .from(identityApplicant)
      .where(eq(identityApplicant.registryId, entry.id));
    if (existing) return present(existing, entry);
    const passwordHash = await hashPassword(input.password);
    return deps.transaction(async (tx) => {
      const [account] = await tx
        .insert(identityApplicant)
        .values({ id: newId(), kind: entry.kind, registryId: entry.id, passwordHash, createdAt: clock.now() })
        .onConflictDoNothing()
        .returning();
      if (!account) {
        const [raced] = await tx
          .select()
          .from(identityApplicant)
          .where(eq(identityApplicant.registryId, entry.id));
        return present(raced, entry);
      }
      await recordAudit(tx, clock, {
        actor,
        action: 'identity.applicant.created',
        subjectType: 'applicant',
        subjectId: account.id,
        data: { kind: entry.kind, registryId: entry.id },
      });
      return present(account, entry);
    });
  }

  return {
    register,
    login,
    resolveSession,
    logout,
    purgeExpiredSessions,
    me,
    setPreferences,
    setContact,
    applicantIdentity,
    ensureAccount,
  };
}

export type ApplicantService = ReturnType<typeof createApplicantService>;
