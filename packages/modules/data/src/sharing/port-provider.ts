import { performance } from 'node:perf_hooks';
import type { Kernel } from '@zhizhi/kernel';
import { InputError, NotAllowedError } from '@zhizhi/kernel/errors';
import { orgDepartment } from '@zhizhi/kernel/org';
import type { SharedDataAnswer, SharedDataLookup, SharedDataProvider } from '@zhizhi/kernel/shared-data';
import { and, desc, eq } from 'drizzle-orm';
import { dataResource } from '../catalog/schema';
import { effectiveStatus } from './grant-service';
import type { Grant, ShareGateway, ShareQuery } from './gateway';
import { dataShareGrant, dataShareRequest } from './schema';
import { MATTER_CODE, UUID } from './share-access';

const CACHE_MS = 2000;
/** At most this many rows answer one lookup (a pre-fill names one person or entity). */
const LOOKUP_LIMIT = 100;
const RESOURCE_CODE = /^[A-Za-z0-9/_.-]{1,32}$/;

/** A grant with what the answer's source names. */
type SourcedGrant = Grant & {
  resourceName: string;
  providerDepartmentName: string;
  approvalNumber: string | null;
};

function noGrant(resourceCode: string, matterCode: string) {
  const resource = RESOURCE_CODE.test(resourceCode) ? ` ${resourceCode}` : '';
  const matter = MATTER_CODE.test(matterCode) ? ` ${matterCode}` : '';
  return new NotAllowedError(
    'data.share.no_grant',
    `The department holds no grant in force for resource${resource} and matter${matter}.`,
  );
}

/**
 * The shared-data port's provider (`kernel.sharedData`): a module reads rows of a catalogued
 * resource under the grant its department holds for one service matter. The grant is found by
 * (consumer department, resource code, matter code) among those in force; the checks, masking and
 * metering are the HTTP gateway's (`gateway.deliver`), so both doors refuse and log alike.
 */
export function createSharedDataProvider(kernel: Kernel, gateway: ShareGateway) {
  const { db, clock } = kernel;
  const { checkStatus, checkRetired, checkAccessor, approvedItems, filterOn } = gateway.checks;
  const cache = new Map<string, { grants: SourcedGrant[]; resourceId: string | null; at: number }>();

  /** The grants in force for the triple (newest first) and the resource's id, cached briefly. */
  async function grantsFor(input: SharedDataLookup) {
    const key = `${input.consumerDepartmentId}|${input.resourceCode}|${input.matterCode}`;
    const hit = cache.get(key);
    if (hit && performance.now() - hit.at < CACHE_MS) return hit;
    if (!UUID.test(input.consumerDepartmentId) || !RESOURCE_CODE.test(input.resourceCode))
      return { grants: [], resourceId: null };
    const rows = await db
      .select({
        grant: dataShareGrant,
        resourceStatus: dataResource.status,
        resourceName: dataResource.name,
        providerDepartmentName: orgDepartment.name,
        approvalNumber: dataShareRequest.number,
      })
      .from(dataShareGrant)
      .innerJoin(dataResource, eq(dataResource.id, dataShareGrant.resourceId))
      .innerJoin(orgDepartment, eq(orgDepartment.id, dataShareGrant.providerDepartmentId))
      .leftJoin(dataShareRequest, eq(dataShareRequest.id, dataShareGrant.requestId))
      .where(
        and(
          eq(dataShareGrant.consumerDepartmentId, input.consumerDepartmentId),
          eq(dataShareGrant.resourceCode, input.resourceCode),
          eq(dataShareGrant.matterCode, input.matterCode),
          eq(dataShareGrant.status, 'active'),
        ),
      )
      .orderBy(desc(dataShareGrant.approvedAt));
    const grants = rows.map((r) => ({
      ...r.grant,
      resourceStatus: r.resourceStatus,
      resourceName: r.resourceName,
      providerDepartmentName: r.providerDepartmentName,
      approvalNumber: r.approvalNumber ?? null,
    }));
    let resourceId = grants[0]?.resourceId ?? null;
    if (!resourceId) {
      const [resource] = await db
        .select({ id: dataResource.id })
        .from(dataResource)
        .where(eq(dataResource.code, input.resourceCode));
      resourceId = resource?.id ?? null;
    }
    for (const grant of grants) await gateway.loadUsage(grant.id);
    if (cache.size > 10_000) cache.clear();
    const found = { grants, resourceId, at: performance.now() };
    cache.set(key, found);
    return found;
  }

  /** Drops cached grants (revoked, renewed, new) so the change applies at once here. */
  function forget(grantId: string) {
    for (const [key, entry] of cache)
      if (!entry.grants.length || entry.grants.some((g) => g.id === grantId)) cache.delete(key);
  }

  /** Of the grants in force, the newest that approves every item asked for, else the newest. */
  function choose(grants: SourcedGrant[], input: SharedDataLookup): SourcedGrant | undefined {
    const now = clock.now();
    const live = grants.filter((g) => effectiveStatus(g, now) === 'active');
    const wanted = [...input.items, ...Object.keys(input.filter ?? {})];
    return live.find((g) => wanted.every((code) => g.items.some((i) => i.code === code))) ?? live[0];
  }

  function query(grant: SourcedGrant, input: SharedDataLookup): ShareQuery {
    const codes = Array.isArray(input.items) ? [...new Set(input.items)] : [];
    if (!codes.length || codes.length > 500 || codes.some((c) => typeof c !== 'string'))
      throw new InputError('data.share.parameter_invalid', 'Name 1–500 items to read.');
    const filters = Object.entries(input.filter ?? {}).map(([code, value]) => {
      if (typeof value !== 'string')
        throw new InputError('data.share.parameter_invalid', 'A filter value is malformed.');
      return filterOn(grant, code, value);
    });
    return { fields: approvedItems(grant, codes), limit: LOOKUP_LIMIT, offset: 0, filters };
  }

  /** Reads rows under the department's grant for the matter; metered like an HTTP call. */
  async function lookup(input: SharedDataLookup): Promise<SharedDataAnswer> {
    const {
      grant,
      query: asked,
      rows,
    } = await gateway.deliver<SourcedGrant>({
      accessor: input.accessor,
      grant: async (entry) => {
        entry.matterCode = MATTER_CODE.test(input.matterCode) ? input.matterCode : null;
        entry.consumerDepartmentId = UUID.test(input.consumerDepartmentId)
          ? input.consumerDepartmentId
          : null;
        const found = await grantsFor(input);
        entry.resourceId = found.resourceId;
        const grant = choose(found.grants, input);
        if (!grant) throw noGrant(input.resourceCode, input.matterCode);
        return grant;
      },
      check: (grant) => {
        checkStatus(grant);
        checkRetired(grant);
        checkAccessor(input.accessor, 'accessor');
      },
      query: (grant) => query(grant, input),
    });
    return {
      source: {
        resourceCode: grant.resourceCode,
        resourceName: grant.resourceName,
        providerDepartmentId: grant.providerDepartmentId,
        providerDepartmentName: grant.providerDepartmentName,
        grantId: grant.id,
        approvalNumber: grant.approvalNumber,
        matterCode: grant.matterCode,
        at: clock.now().toISOString(),
      },
      rows,
      modes: Object.fromEntries(asked.fields.map((f) => [f.code, f.mode])),
    };
  }

  const provider: SharedDataProvider = { lookup };
  return { provider, lookup, forget };
}

export type SharedDataGateway = ReturnType<typeof createSharedDataProvider>;
