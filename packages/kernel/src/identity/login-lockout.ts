import { anonymousActor } from '../access';
import { recordAudit } from '../audit';
import type { Clock } from '../clock';
import type { Executor } from '../db/types';
import { RateLimitedError } from '../errors';

/** What an account with a lockout carries (staff and applicant accounts alike). */
export interface LockableAccount {
  id: string;
  failedLogins: number;
  lockedUntil: Date | null;
}

export interface LockoutPolicy {
  clock: Clock;
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
  maxFailures: number;
  lockMinutes: number;
}

/** Refuses a login while the account is locked (429 `identity.login.locked`). */
export function refuseIfLocked(account: LockableAccount, now: Date): void {
  if (account.lockedUntil && account.lockedUntil > now)
    throw new RateLimitedError(
      'identity.login.locked',
      `Too many failed attempts. Try again after ${account.lockedUntil.toISOString()}.`,
      { lockedUntil: account.lockedUntil.toISOString() },
    );
}

/**
 * Counts a failed login: after `maxFailures` in a row the account locks for `lockMinutes` (the
 * counter restarts), audited as `identity.login.failed` / `identity.login.locked` without the
 * attempted password. `store` writes the new counter on the account's own table. Always throws:
 * the lock, or `invalid()`.
 */
export async function failLogin(
  policy: LockoutPolicy,
  account: LockableAccount,
  subjectType: 'staff' | 'applicant',
  now: Date,
  store: (tx: Executor, values: { failedLogins: number; lockedUntil: Date | null }) => Promise<unknown>,
  invalid: () => Error,
): Promise<never> {
  const failures = account.failedLogins + 1;
  const lock = failures >= policy.maxFailures;
  await policy.transaction(async (tx) => {
    await store(tx, {
      failedLogins: lock ? 0 : failures,
      lockedUntil: lock ? new Date(now.getTime() + policy.lockMinutes * 60_000) : account.lockedUntil,
    });
    await recordAudit(tx, policy.clock, {
      actor: anonymousActor,
      action: lock ? 'identity.login.locked' : 'identity.login.failed',
      subjectType,
      subjectId: account.id,
      data: { failures },
    });
  });
  if (lock)
    throw new RateLimitedError(
      'identity.login.locked',
      `Too many failed attempts. The account is locked for ${policy.lockMinutes} minutes.`,
    );
  throw invalid();
}
