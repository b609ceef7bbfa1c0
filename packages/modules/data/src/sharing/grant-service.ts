import { randomBytes } from 'node:crypto';
import type { Kernel } from '@zhizhi/kernel';
import { type Actor, can, requireAuthenticated, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { ConflictError, NotFoundError } from '@zhizhi/kernel/errors';
import { tokenDigest } from '@zhizhi/kernel/identity';
import { and, asc, desc, eq, gte, lte, type SQL, sql, sum } from 'drizzle-orm';
import { z } from 'zod';
import { dataResource } from '../catalog/schema';
import { SHARE_PERMISSIONS as P } from './permissions';
import { dataGrantUsage, dataShareGrant } from './schema';
import { departmentFilter, departmentOf, invalid, requireSee, scopeFor, UUID } from './share-access';

/** A new consumer key: `zzs_` and 32 URL-safe random characters (192 bits). */
export function newConsumerKey(): string {
  return `zzs_${randomBytes(24).toString('base64url')}`;
}

type GrantRow = typeof dataShareGrant.$inferSelect;

/** active | revoked | expired (expiry is read from the clock, not written). */
export function effectiveStatus(grant: Pick<GrantRow, 'status' | 'expiresAt'>, now: Date) {
  if (grant.status === 'revoked') return 'revoked' as const;
  return grant.expiresAt.getTime() <= now.getTime() ? ('expired' as const) : ('active' as const);
}

const revokeSchema = z.object({ reason: z.string().trim().min(2).max(500) });
const statsSchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** Grants (the approved policies), their consumer keys, revocation and call statistics. */
export function createShareGrants(kernel: Kernel, onGrantChanged: (grantId: string) => void) {
  const { db, clock } = kernel;

  function view(grant: GrantRow & { resourceName?: string }) {
    const { keyHash, ...rest } = grant;
    return { ...rest, hasKey: keyHash !== null, effectiveStatus: effectiveStatus(grant, clock.now()) };
  }

  async function load(id: string) {
    const [grant] = UUID.test(id)
      ? await db.select().from(dataShareGrant).where(eq(dataShareGrant.id, id))
      : [];
    if (!grant) throw new NotFoundError('data.share.grant_not_found', 'No such grant.');
    return grant;
  }

  async function list(actor: Actor, query: { box?: 'consumer' | 'provider' } = {}) {
    const columns =
      query.box === 'consumer'
        ? [dataShareGrant.consumerDepartmentId]
        : query.box === 'provider'
          ? [dataShareGrant.providerDepartmentId]
          : [dataShareGrant.consumerDepartmentId, dataShareGrant.providerDepartmentId];
    const rows = await db
      .select({ grant: dataShareGrant, resourceName: dataResource.name })
      .from(dataShareGrant)
      .innerJoin(dataResource, eq(dataResource.id, dataShareGrant.resourceId))
      .where(departmentFilter(actor, columns))
      .orderBy(desc(dataShareGrant.approvedAt))
      .limit(1000);
    return rows.map((r) => view({ ...r.grant, resourceName: r.resourceName }));
  }

  async function get(actor: Actor, id: string) {
    const grant = await load(id);
    const consumer = await departmentOf(db, grant.consumerDepartmentId);
    const provider = await departmentOf(db, grant.providerDepartmentId);
    requireSee(actor, consumer, provider, 'data.share.grant_not_found');
    const [resource] = await db
      .select({ name: dataResource.name })
      .from(dataResource)
      .where(eq(dataResource.id, grant.resourceId));
    return view({ ...grant, resourceName: resource?.name });
  }

  /** Issues (or rotates) the consumer key; the key is returned once and only its hash is kept. */
  async function issueKey(actor: Actor, id: string) {
    requireAuthenticated(actor);
    const grant = await load(id);
    const consumer = await departmentOf(db, grant.consumerDepartmentId);
    requirePermission(actor, P.request, scopeFor(consumer));
    const status = effectiveStatus(grant, clock.now());
    if (status !== 'active')
      throw new ConflictError(`data.share.grant_${status}`, `The grant is ${status}; no key can be issued.`);
    const key = newConsumerKey();
    const hint = key.slice(-4);
    await kernel.transaction(async (tx) => {
      await tx
        .update(dataShareGrant)
        .set({ keyHash: tokenDigest(key), keyHint: hint, keyIssuedAt: clock.now() })
        .where(eq(dataShareGrant.id, id));
      await recordAudit(tx, clock, {
        actor,
        action: grant.keyHash ? 'data.share.key_rotated' : 'data.share.key_issued',
        subjectType: 'data_share_grant',
        subjectId: id,
        data: { hint },
      });
    });
    onGrantChanged(id);
    return { key, hint };
  }

  /** Revokes a grant (the provider department, or an administrator). The key stops at once. */
  async function revoke(actor: Actor, id: string, input: unknown) {
    requireAuthenticated(actor);
    const parsed = revokeSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.share.revocation_invalid', parsed.error);
    const grant = await load(id);
    const provider = await departmentOf(db, grant.providerDepartmentId);
    requirePermission(actor, P.approve, scopeFor(provider));
    if (grant.status === 'revoked') throw new ConflictError('data.share.grant_revoked', 'Already revoked.');
    await kernel.transaction(async (tx) => {
      await tx
        .update(dataShareGrant)
        .set({
          status: 'revoked',
          revokedAt: clock.now(),
          revokedBy: actor.id,
          revokeReason: parsed.data.reason,
        })
        .where(eq(dataShareGrant.id, id));
      await recordAudit(tx, clock, {
        actor,
        action: 'data.share.revoked',
        subjectType: 'data_share_grant',
        subjectId: id,
        data: { reason: parsed.data.reason },
      });
      await kernel.events.publish(tx, 'data.share.revoked', {
        grantId: id,
        consumerDepartmentId: grant.consumerDepartmentId,
      });
    });
    onGrantChanged(id);
    return { id, status: 'revoked' as const };
  }

  /** Calls and rows by consumer department, by resource and by day (from the daily counters). */
  async function stats(actor: Actor, input: unknown = {}) {
    const parsed = statsSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.share.stats_invalid', parsed.error);
    const { from, to } = parsed.data;
    const where = and(
      departmentFilter(actor, [dataShareGrant.consumerDepartmentId, dataShareGrant.providerDepartmentId]),
      from ? gte(dataGrantUsage.day, from) : undefined,
      to ? lte(dataGrantUsage.day, to) : undefined,
    ) as SQL | undefined;
    const totals = {
      calls: sql<number>`coalesce(${sum(dataGrantUsage.calls)}, 0)::int`,
      rows: sql<number>`coalesce(${sum(dataGrantUsage.rows)}, 0)::bigint`,
      denied: sql<number>`coalesce(${sum(dataGrantUsage.denied)}, 0)::int`,
    };
    const byDepartment = await db
      .select({ departmentId: dataShareGrant.consumerDepartmentId, ...totals })
      .from(dataGrantUsage)
      .innerJoin(dataShareGrant, eq(dataShareGrant.id, dataGrantUsage.grantId))
      .where(where)
      .groupBy(dataShareGrant.consumerDepartmentId)
      .orderBy(asc(dataShareGrant.consumerDepartmentId));
    const byResource = await db
      .select({ resourceId: dataShareGrant.resourceId, resourceCode: dataShareGrant.resourceCode, ...totals })
      .from(dataGrantUsage)
      .innerJoin(dataShareGrant, eq(dataShareGrant.id, dataGrantUsage.grantId))
      .where(where)
      .groupBy(dataShareGrant.resourceId, dataShareGrant.resourceCode)
      .orderBy(asc(dataShareGrant.resourceCode));
    const byDay = await db
      .select({ day: dataGrantUsage.day, ...totals })
      .from(dataGrantUsage)
      .innerJoin(dataShareGrant, eq(dataShareGrant.id, dataGrantUsage.grantId))
      .where(where)
      .groupBy(dataGrantUsage.day)
      .orderBy(asc(dataGrantUsage.day));
    const num = <T extends { calls: unknown; rows: unknown; denied: unknown }>(r: T) => ({
      ...r,
      calls: Number(r.calls),
      rows: Number(r.rows),
      denied: Number(r.denied),
    });
    return { byDepartment: byDepartment.map(num), byResource: byResource.map(num), byDay: byDay.map(num) };
  }

  /** Whether the actor may verify the access log chain (auditors and administrators). */
  function canVerify(actor: Actor) {
    return can(actor, 'audit.read');
  }

  return { list, get, issueKey, revoke, stats, canVerify };
}

export type ShareGrants = ReturnType<typeof createShareGrants>;
