import type { Kernel } from '@zhizhi/kernel';
import { type Actor, systemActor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { InputError, NotAllowedError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { beijingDay } from './access-log';
import { approveSchema, insertGrant } from './grant-policy';
import { effectiveStatus } from './grant-service';
import type { ShareRequests } from './request-service';
import { dataShareGrant, dataShareRequest } from './schema';
import { departmentOf, ITEM_CODE, invalid, MATTER_CODE, resourceWithItems } from './share-access';

const grantForMatterSchema = z.object({
  consumerDepartmentId: z.uuid(),
  resourceId: z.uuid(),
  matterCode: z.string().trim().regex(MATTER_CODE, 'a matter code like 许可-00001-001'),
  /** Item codes; all the resource's items when left out. */
  items: z.array(z.string().regex(ITEM_CODE)).min(1).max(500).optional(),
  days: z.number().int().min(1).max(1095).default(365),
  purpose: z.string().trim().min(4).max(1000).optional(),
  legalBasis: z.string().trim().min(4).max(1000).optional(),
});

export type GrantForMatterInput = z.input<typeof grantForMatterSchema>;

export interface SeededGrant {
  grantId: string;
  /** The request's number: a `GX…` case number, or `GXS<Beijing date>-<6>` for a seeded grant. */
  approvalNumber: string | null;
  /** False when a grant in force already approved the items (nothing written). */
  created: boolean;
}

/**
 * Grants for service matters without a person at the keyboard (demo seeding, tests): the ordinary
 * request case and approval, taken by one actor holding both `data.share.request` on the consumer
 * and `data.share.approve` on the provider (the system actor by default) — so the grant has a
 * case number, masking frozen by `maskModeFor`, audit entries and events like any other.
 */
export function createGrantSeeder(
  kernel: Kernel,
  requests: ShareRequests,
  onGrantChanged: (grantId: string) => void,
) {
  const { db, clock } = kernel;

  function parse(input: GrantForMatterInput) {
    const parsed = grantForMatterSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.share.seed_invalid', parsed.error);
    return parsed.data;
  }

  /** The grant in force for (consumer, resource, matter) approving every item, if any. */
  async function held(
    executor: Executor,
    g: z.output<typeof grantForMatterSchema>,
    items: string[],
  ): Promise<SeededGrant | null> {
    const existing = await executor
      .select({ grant: dataShareGrant, number: dataShareRequest.number })
      .from(dataShareGrant)
      .leftJoin(dataShareRequest, eq(dataShareRequest.id, dataShareGrant.requestId))
      .where(
        and(
          eq(dataShareGrant.consumerDepartmentId, g.consumerDepartmentId),
          eq(dataShareGrant.resourceId, g.resourceId),
          eq(dataShareGrant.matterCode, g.matterCode),
          eq(dataShareGrant.status, 'active'),
        ),
      )
      .orderBy(desc(dataShareGrant.approvedAt));
    const now = clock.now();
    const found = existing.find(
      ({ grant }) =>
        effectiveStatus(grant, now) === 'active' &&
        items.every((code) => grant.items.some((i) => i.code === code)),
    );
    return found ? { grantId: found.grant.id, approvalNumber: found.number ?? null, created: false } : null;
  }

  /**
   * Idempotent: a grant in force for (consumer, resource, matter) that approves every item asked
   * for is returned as it is (`created: false`); otherwise a request is opened and approved.
   */
  async function grantForMatter(
    actor: Actor = systemActor,
    input: GrantForMatterInput,
  ): Promise<SeededGrant> {
    const g = parse(input);
    const items = g.items
      ? [...new Set(g.items)]
      : (await resourceWithItems(db, g.resourceId)).items.map((i) => i.code);
    const current = await held(db, g, items);
    if (current) return current;
    const request = await requests.request(actor, {
      resourceId: g.resourceId,
      consumerDepartmentId: g.consumerDepartmentId,
      items,
      purpose: g.purpose ?? `一证通办：${g.matterCode} 表单预填`,
      legalBasis: g.legalBasis ?? '《浙江省公共数据条例》',
      matterCode: g.matterCode,
      durationDays: g.days,
    });
    const approved = await requests.approve(actor, request.id, { items, expiresInDays: g.days });
    return { grantId: approved.grantId, approvalNumber: request.number, created: true };
  }

  /**
   * Seeds grants directly, for many (matter, resource) pairs at a demo's start: system actor only;
   * one transaction for the batch; per pair a request row (status approved, number `GXS…`, no
   * review case: nobody reviewed it) and its grant, written by the same `insertGrant` as an
   * approval (masking frozen by `maskModeFor`, default quota and rate), and a `data.share.seeded`
   * audit entry. Idempotent like `grantForMatter`. Refuses what a request would: unknown consumer,
   * the provider's own resource, retired or 不予共享 resources, unknown items.
   */
  async function seedGrants(actor: Actor, inputs: GrantForMatterInput[]): Promise<SeededGrant[]> {
    if (actor.type !== 'system')
      throw new NotAllowedError('data.share.seed_system_only', 'Only the system seeds grants directly.');
    const parsed = inputs.map(parse);
    const seeded = await kernel.transaction(async (tx) => {
      const out: SeededGrant[] = [];
      const resources = new Map<string, Awaited<ReturnType<typeof resourceWithItems>>>();
      const departments = new Map<string, Awaited<ReturnType<typeof departmentOf>>>();
      for (const g of parsed) {
        const loaded = resources.get(g.resourceId) ?? (await resourceWithItems(tx, g.resourceId));
        resources.set(g.resourceId, loaded);
        const { resource, items: resourceItems } = loaded;
        const items = g.items ? [...new Set(g.items)] : resourceItems.map((i) => i.code);
        const unknown = items.filter((code) => !resourceItems.some((i) => i.code === code));
        if (unknown.length)
          throw new InputError('data.share.item_unknown', `The resource has no item ${unknown.join(', ')}.`);
        const current = await held(tx, g, items);
        if (current) {
          out.push(current);
          continue;
        }
        const consumer =
          departments.get(g.consumerDepartmentId) ?? (await departmentOf(tx, g.consumerDepartmentId));
        departments.set(consumer.id, consumer);
        if (resource.providerDepartmentId === consumer.id)
          throw new InputError('data.share.own_resource', 'A department reads its own resources directly.');
        const now = clock.now();
        const grantId = newId();
        const row: typeof dataShareRequest.$inferSelect = {
          id: newId(),
          number: `GXS${beijingDay(now).replaceAll('-', '')}-${grantId.slice(-6)}`,
          kind: 'new',
          resourceId: resource.id,
          consumerDepartmentId: consumer.id,
          providerDepartmentId: resource.providerDepartmentId,
          items,
          purpose: g.purpose ?? `一证通办：${g.matterCode} 表单预填`,
          legalBasis: g.legalBasis ?? '《浙江省公共数据条例》',
          matterCode: g.matterCode,
          durationDays: g.days,
          status: 'approved',
          grantId,
          rejectReason: null,
          requestedBy: actor.id,
          requestedAt: now,
          decidedBy: actor.id,
          decidedAt: now,
        };
        await tx.insert(dataShareRequest).values(row);
        const approval = approveSchema.parse({ items, expiresInDays: g.days });
        await insertGrant(tx, actor, row, grantId, approval, now, loaded);
        await recordAudit(tx, clock, {
          actor,
          action: 'data.share.seeded',
          subjectType: 'data_share_grant',
          subjectId: grantId,
          purpose: g.matterCode,
          data: { requestId: row.id, resourceCode: resource.code, items, days: g.days },
        });
        out.push({ grantId, approvalNumber: row.number, created: true });
      }
      return out;
    });
    for (const s of seeded) if (s.created) onGrantChanged(s.grantId);
    return seeded;
  }

  /** One pair (see `seedGrants`). */
  async function seedGrant(actor: Actor, input: GrantForMatterInput): Promise<SeededGrant> {
    const [seeded] = await seedGrants(actor, [input]);
    return seeded;
  }

  return { grantForMatter, seedGrants, seedGrant };
}
