import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requireAuthenticated, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { casesCase } from '@zhizhi/kernel/cases';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { dataResource } from '../catalog/schema';
import { SHARE_REQUEST_TYPE } from './case-type';
import { approveSchema, insertGrant } from './grant-policy';
import { maskModeFor } from './mask';
import { SHARE_PERMISSIONS as P } from './permissions';
import { dataShareGrant, dataShareRequest } from './schema';
import {
  departmentFilter,
  departmentOf,
  ITEM_CODE,
  invalid,
  MATTER_CODE,
  requireSee,
  resourceWithItems,
  scopeFor,
  UUID,
} from './share-access';

const DAY = 86_400_000;

export const shareRequestSchema = z.object({
  resourceId: z.uuid(),
  /** Defaults to the actor's own department. */
  consumerDepartmentId: z.uuid().optional(),
  items: z.array(z.string().regex(ITEM_CODE)).min(1).max(500),
  purpose: z.string().trim().min(4).max(1000),
  legalBasis: z.string().trim().min(4).max(1000),
  matterCode: z.string().trim().regex(MATTER_CODE, 'a matter code like 许可-00001-001'),
  durationDays: z.number().int().min(1).max(1095),
});

const rejectSchema = z.object({ reason: z.string().trim().min(2).max(500) });

export const renewalSchema = z.object({
  durationDays: z.number().int().min(1).max(1095),
  purpose: z.string().trim().min(4).max(1000).optional(),
});

/**
 * Sharing requests as cases of `data_share_request`: the consumer asks, the provider approves
 * (possibly fewer items, with row filter, quota, rate and expiry — the grant) or rejects.
 */
export function createShareRequests(kernel: Kernel, onGrantChanged: (grantId: string) => void) {
  const { db, clock } = kernel;

  async function open(
    tx: Executor,
    actor: Actor,
    fields: {
      kind: 'new' | 'renewal';
      resource: typeof dataResource.$inferSelect;
      consumer: { id: string; divisionCode: string };
      provider: { id: string; divisionCode: string };
      items: string[];
      purpose: string;
      legalBasis: string;
      matterCode: string;
      durationDays: number;
      grantId?: string;
    },
  ) {
    const created = await kernel.cases.openInTransaction(tx, actor, {
      typeCode: SHARE_REQUEST_TYPE,
      title: `${fields.kind === 'renewal' ? '续期：' : ''}${fields.resource.name}`.slice(0, 200),
      divisionCode: fields.provider.divisionCode,
      departmentId: fields.provider.id,
      data: {
        kind: fields.kind,
        resource_code: fields.resource.code,
        items: fields.items.join(','),
        purpose: fields.purpose,
        legal_basis: fields.legalBasis,
        matter_code: fields.matterCode,
        duration_days: fields.durationDays,
      },
    });
    await tx.insert(dataShareRequest).values({
      id: created.id,
      number: created.number,
      kind: fields.kind,
      resourceId: fields.resource.id,
      consumerDepartmentId: fields.consumer.id,
      providerDepartmentId: fields.provider.id,
      items: fields.items,
      purpose: fields.purpose,
      legalBasis: fields.legalBasis,
      matterCode: fields.matterCode,
      durationDays: fields.durationDays,
      status: 'pending',
      grantId: fields.grantId ?? null,
      requestedBy: actor.id,
      requestedAt: clock.now(),
    });
    await kernel.notifications.notify(tx, {
      departmentId: fields.provider.id,
      titleZh: `数据共享申请待审核：${fields.resource.name}`,
      titleEn: `Data sharing request to review: ${fields.resource.code}`,
      link: '/data/sharing/inbox',
      subjectType: 'data_share_request',
      subjectId: created.id,
    });
    await recordAudit(tx, clock, {
      actor,
      action: 'data.share.requested',
      subjectType: 'data_share_request',
      subjectId: created.id,
      purpose: fields.matterCode,
      data: {
        kind: fields.kind,
        resourceCode: fields.resource.code,
        items: fields.items,
        days: fields.durationDays,
      },
    });
    await kernel.events.publish(tx, 'data.share.requested', {
      requestId: created.id,
      resourceId: fields.resource.id,
      consumerDepartmentId: fields.consumer.id,
      providerDepartmentId: fields.provider.id,
      kind: fields.kind,
    });
    return { id: created.id, number: created.number };
  }

  /** A consumer department asks for items of a shareable, active resource. */
  async function request(actor: Actor, input: unknown) {
    requireAuthenticated(actor);
    const parsed = shareRequestSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.share.request_invalid', parsed.error);
    const r = parsed.data;
    const consumerId = r.consumerDepartmentId ?? actor.departmentId;
    if (!consumerId)
      throw new InputError('data.share.consumer_required', 'Name the requesting department.', {
        errors: [{ path: '/consumerDepartmentId', message: 'required for staff without a department' }],
      });
    const consumer = await departmentOf(db, consumerId);
    requirePermission(actor, P.request, scopeFor(consumer));
    return kernel.transaction(async (tx) => {
      const { resource, items } = await resourceWithItems(tx, r.resourceId);
      if (resource.status === 'retired')
        throw new ConflictError('data.share.resource_retired', 'The resource is retired and not shared.');
      if (resource.sharingType === 'none')
        throw new ConflictError(
          'data.share.resource_not_shareable',
          'The resource is not shared (不予共享).',
        );
      if (resource.providerDepartmentId === consumer.id)
        throw new InputError('data.share.own_resource', 'A department reads its own resources directly.');
      const known = new Set(items.map((i) => i.code));
      const unknown = [...new Set(r.items)].filter((code) => !known.has(code));
      if (unknown.length)
        throw new InputError('data.share.item_unknown', `The resource has no item ${unknown.join(', ')}.`, {
          errors: unknown.map((code) => ({ path: '/items', message: `unknown item ${code}` })),
        });
      const provider = await departmentOf(tx, resource.providerDepartmentId, '/resourceId');
      return open(tx, actor, {
        kind: 'new',
        resource,
        consumer,
        provider,
        items: [...new Set(r.items)],
        purpose: r.purpose,
        legalBasis: r.legalBasis,
        matterCode: r.matterCode,
        durationDays: r.durationDays,
      });
    });
  }

  /** The consumer asks to extend a grant; the provider approves it like a request. */
  async function requestRenewal(actor: Actor, grantId: string, input: unknown) {
    requireAuthenticated(actor);
    const parsed = renewalSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.share.renewal_invalid', parsed.error);
    return kernel.transaction(async (tx) => {
      const [grant] = UUID.test(grantId)
        ? await tx.select().from(dataShareGrant).where(eq(dataShareGrant.id, grantId))
        : [];
      if (!grant) throw new NotFoundError('data.share.grant_not_found', 'No such grant.');
      const consumer = await departmentOf(tx, grant.consumerDepartmentId);
      requirePermission(actor, P.request, scopeFor(consumer));
      if (grant.status === 'revoked')
        throw new ConflictError('data.share.grant_revoked', 'A revoked grant cannot be renewed.');
      const { resource } = await resourceWithItems(tx, grant.resourceId);
      if (resource.status === 'retired' || resource.sharingType === 'none')
        throw new ConflictError('data.share.resource_not_shareable', 'The resource is no longer shared.');
      const [original] = await tx
        .select()
        .from(dataShareRequest)
        .where(eq(dataShareRequest.id, grant.requestId));
      const provider = await departmentOf(tx, grant.providerDepartmentId, '/grantId');
      return open(tx, actor, {
        kind: 'renewal',
        resource,
        consumer,
        provider,
        items: grant.items.map((i) => i.code),
        purpose: parsed.data.purpose ?? grant.purpose,
        legalBasis: original?.legalBasis ?? '—',
        matterCode: grant.matterCode,
        durationDays: parsed.data.durationDays,
        grantId: grant.id,
      });
    });
  }

  async function pending(tx: Executor, actor: Actor, id: string) {
    const [row] = UUID.test(id)
      ? await tx.select().from(dataShareRequest).where(eq(dataShareRequest.id, id)).for('update')
      : [];
    if (!row) throw new NotFoundError('data.share.request_not_found', 'No such request.');
    const provider = await departmentOf(tx, row.providerDepartmentId);
    requirePermission(actor, P.approve, scopeFor(provider));
    if (row.status !== 'pending')
      throw new ConflictError('data.share.request_decided', `The request is already ${row.status}.`);
    const [kase] = await tx
      .select({ version: casesCase.version })
      .from(casesCase)
      .where(eq(casesCase.id, id));
    return { row, version: kase.version };
  }

  /** The provider approves: a new grant (the policy), or a renewal's longer expiry. Audited. */
  async function approve(actor: Actor, id: string, input: unknown) {
    requireAuthenticated(actor);
    const parsed = approveSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.share.approval_invalid', parsed.error);
    const a = parsed.data;
    const result = await kernel.transaction(async (tx) => {
      const { row, version } = await pending(tx, actor, id);
      if (a.expiresInDays > row.durationDays)
        throw new InputError('data.share.expiry_too_long', 'The expiry exceeds the duration requested.', {
          errors: [{ path: '/expiresInDays', message: `at most ${row.durationDays}` }],
        });
      const now = clock.now();
      const grantId = row.kind === 'renewal' ? row.grantId! : newId();
      let approvedItems: string[];
      if (row.kind === 'renewal') {
        const [grant] = await tx
          .select()
          .from(dataShareGrant)
          .where(eq(dataShareGrant.id, grantId))
          .for('update');
        if (grant.status === 'revoked')
          throw new ConflictError('data.share.grant_revoked', 'The grant was revoked meanwhile.');
        const base = Math.max(now.getTime(), grant.expiresAt.getTime());
        await tx
          .update(dataShareGrant)
          .set({ expiresAt: new Date(base + a.expiresInDays * DAY) })
          .where(eq(dataShareGrant.id, grantId));
        approvedItems = grant.items.map((i) => i.code);
      } else {
        approvedItems = await insertGrant(tx, actor, row, grantId, a, now);
      }
      await kernel.cases.transitionInTransaction(tx, actor, id, {
        transition: 'approve',
        expectedVersion: version,
        note: a.note ?? null,
        data: { approved_items: approvedItems.join(',') },
      });
      await tx
        .update(dataShareRequest)
        .set({ status: 'approved', grantId, decidedBy: actor.id, decidedAt: now })
        .where(eq(dataShareRequest.id, id));
      await recordAudit(tx, clock, {
        actor,
        action: row.kind === 'renewal' ? 'data.share.renewed' : 'data.share.approved',
        subjectType: 'data_share_grant',
        subjectId: grantId,
        purpose: row.matterCode,
        data: { requestId: id, items: approvedItems, days: a.expiresInDays },
      });
      await kernel.events.publish(tx, 'data.share.approved', {
        requestId: id,
        grantId,
        consumerDepartmentId: row.consumerDepartmentId,
      });
      return { grantId, items: approvedItems };
    });
    onGrantChanged(result.grantId);
    return result;
  }

  /** The provider rejects with a reason. Audited. */
  async function reject(actor: Actor, id: string, input: unknown) {
    requireAuthenticated(actor);
    const parsed = rejectSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.share.rejection_invalid', parsed.error);
    await kernel.transaction(async (tx) => {
      const { row, version } = await pending(tx, actor, id);
      await kernel.cases.transitionInTransaction(tx, actor, id, {
        transition: 'reject',
        expectedVersion: version,
        note: parsed.data.reason,
      });
      await tx
        .update(dataShareRequest)
        .set({
          status: 'rejected',
          rejectReason: parsed.data.reason,
          decidedBy: actor.id,
          decidedAt: clock.now(),
        })
        .where(eq(dataShareRequest.id, id));
      await recordAudit(tx, clock, {
        actor,
        action: 'data.share.rejected',
        subjectType: 'data_share_request',
        subjectId: id,
        data: { reason: parsed.data.reason },
      });
      await kernel.events.publish(tx, 'data.share.rejected', {
        requestId: id,
        consumerDepartmentId: row.consumerDepartmentId,
      });
    });
    return { id, status: 'rejected' as const };
  }

  const listColumns = {
    request: dataShareRequest,
    resourceCode: dataResource.code,
    resourceName: dataResource.name,
    dueAt: casesCase.dueAt,
    caseState: casesCase.state,
  };

  /** Requests of the actor's departments: `mine` as consumer, `inbox` as provider, or both. */
  async function list(actor: Actor, query: { box?: 'mine' | 'inbox'; status?: string; limit?: number } = {}) {
    const columns =
      query.box === 'mine'
        ? [dataShareRequest.consumerDepartmentId]
        : query.box === 'inbox'
          ? [dataShareRequest.providerDepartmentId]
          : [dataShareRequest.consumerDepartmentId, dataShareRequest.providerDepartmentId];
    const scope = departmentFilter(actor, columns);
    const rows = await db
      .select(listColumns)
      .from(dataShareRequest)
      .innerJoin(dataResource, eq(dataResource.id, dataShareRequest.resourceId))
      .innerJoin(casesCase, eq(casesCase.id, dataShareRequest.id))
      .where(
        and(scope, query.status ? eq(dataShareRequest.status, query.status as 'pending') : undefined) as
          | SQL
          | undefined,
      )
      .orderBy(desc(dataShareRequest.requestedAt))
      .limit(Math.min(query.limit ?? 200, 1000));
    return rows.map(({ request: r, ...rest }) => ({ ...r, ...rest }));
  }

  /** One request with the resource's items (for the approve-fewer-items form). */
  async function get(actor: Actor, id: string) {
    const [row] = UUID.test(id)
      ? await db
          .select(listColumns)
          .from(dataShareRequest)
          .innerJoin(dataResource, eq(dataResource.id, dataShareRequest.resourceId))
          .innerJoin(casesCase, eq(casesCase.id, dataShareRequest.id))
          .where(eq(dataShareRequest.id, id))
      : [];
    if (!row) throw new NotFoundError('data.share.request_not_found', 'No such request.');
    const consumer = await departmentOf(db, row.request.consumerDepartmentId);
    const provider = await departmentOf(db, row.request.providerDepartmentId);
    requireSee(actor, consumer, provider, 'data.share.request_not_found');
    const { items } = await resourceWithItems(db, row.request.resourceId);
    return {
      ...row.request,
      resourceCode: row.resourceCode,
      resourceName: row.resourceName,
      dueAt: row.dueAt,
      caseState: row.caseState,
      resourceItems: items.map((i) => ({
        code: i.code,
        name: i.name,
        grade: i.grade,
        personalKind: i.personalKind,
        mode: maskModeFor(i),
      })),
    };
  }

  return { request, requestRenewal, approve, reject, list, get };
}

export type ShareRequests = ReturnType<typeof createShareRequests>;
