import type { Actor } from '@zhizhi/kernel/access';
import type { Executor } from '@zhizhi/kernel/db';
import { AuthenticationError, NotFoundError } from '@zhizhi/kernel/errors';
import { identityCitizen, identityEnterprise } from '@zhizhi/kernel/identity';
import { eq } from 'drizzle-orm';
import type { Applicant } from './prefill';

/** The signed-in applicant behind an applicant actor (citizen or enterprise of the registry). */
export function applicantRef(actor: Actor): { kind: 'citizen' | 'enterprise'; registryId: string } | null {
  return actor.type === 'applicant' && actor.applicant
    ? { kind: actor.applicant.kind, registryId: actor.applicant.registryId }
    : null;
}

/** Loads an applicant from the registry by kind and registry id. */
export async function loadApplicant(
  executor: Executor,
  kind: 'citizen' | 'enterprise',
  registryId: string,
): Promise<Applicant> {
  if (kind === 'citizen') {
    const [row] = await executor.select().from(identityCitizen).where(eq(identityCitizen.id, registryId));
    if (!row) throw new NotFoundError('services.applicant.not_found', 'No such applicant.');
    return { kind, registryId, identifier: row.idNumber, name: row.name };
  }
  const [row] = await executor.select().from(identityEnterprise).where(eq(identityEnterprise.id, registryId));
  if (!row) throw new NotFoundError('services.applicant.not_found', 'No such applicant.');
  return { kind, registryId, identifier: row.uscc, name: row.name };
}

/** The applicant an actor applies as: themselves, never anyone else. */
export async function applicantOfActor(executor: Executor, actor: Actor): Promise<Applicant> {
  const ref = applicantRef(actor);
  if (!ref)
    throw new AuthenticationError('access.unauthenticated', 'Please sign in as a citizen or enterprise.');
  return loadApplicant(executor, ref.kind, ref.registryId);
}

/** Finds a registry entry by 身份证号 or 统一社会信用代码 (window staff apply on someone's behalf). */
export async function findRegistered(
  executor: Executor,
  kind: 'citizen' | 'enterprise',
  identifier: string,
): Promise<Applicant | null> {
  const value = identifier.trim().toUpperCase();
  if (kind === 'citizen') {
    const [row] = await executor.select().from(identityCitizen).where(eq(identityCitizen.idNumber, value));
    return row ? { kind, registryId: row.id, identifier: row.idNumber, name: row.name } : null;
  }
  const [row] = await executor.select().from(identityEnterprise).where(eq(identityEnterprise.uscc, value));
  return row ? { kind, registryId: row.id, identifier: row.uscc, name: row.name } : null;
}
