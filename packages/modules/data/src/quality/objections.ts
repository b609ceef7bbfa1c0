import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { casesCase } from '@zhizhi/kernel/cases';
import { InputError } from '@zhizhi/kernel/errors';
import type { Kernel } from '@zhizhi/kernel';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DATA_PERMISSIONS } from '../catalog/catalog-service';
import { findResource } from '../collection/resource-lookup';
import type { Subscriptions } from '../collection/subscriptions';
import { OBJECTION_CASE_TYPE } from './case-types';

const objectionInput = z.object({
  itemCode: z.string().max(64).nullish(),
  reason: z.string().trim().min(5).max(2000),
  rowKey: z.string().trim().max(200).nullish(),
});

/**
 * 数据异议: any staff member who reads the catalog may dispute a resource (or one item, or one
 * row by its key); it becomes a case for the provider department. Answers go through the case
 * engine's normal steps; subscribers hear about them.
 */
export function createObjections(kernel: Kernel, subscriptions: Subscriptions) {
  const { db } = kernel;

  /** Files an objection: one `data_objection` case for the provider department (audited by the engine). */
  async function fileObjection(actor: Actor, resourceId: string, input: unknown) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    if (actor.type !== 'staff')
      throw new InputError('data.objection.staff_only', 'Only staff file objections here.');
    const parsed = objectionInput.safeParse(input);
    if (!parsed.success)
      throw new InputError(
        'data.objection.invalid',
        'Give a reason of 5–2000 characters (and optionally an item and row key).',
        {
          errors: parsed.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })),
        },
      );
    const resource = await findResource(db, resourceId);
    const { itemCode, reason, rowKey } = parsed.data;
    const item = itemCode ? resource.items.find((i) => i.code === itemCode) : null;
    if (itemCode && !item)
      throw new InputError('data.objection.unknown_item', `The resource has no item ${itemCode}.`);
    const opened = await kernel.transaction((tx) =>
      kernel.cases.openInTransaction(tx, actor, {
        typeCode: OBJECTION_CASE_TYPE,
        title: `数据异议：${resource.name}${item ? `（${item.name}）` : ''}`.slice(0, 200),
        divisionCode: resource.divisionCode,
        departmentId: resource.departmentId,
        data: {
          resource_id: resource.id,
          resource_code: resource.code,
          ...(item ? { item_code: item.code } : {}),
          ...(rowKey ? { row_key: rowKey } : {}),
          reason,
        },
      }),
    );
    return { caseId: opened.id, number: opened.number, state: opened.state };
  }

  /** A resource's objections, newest first (no reasons: they are in the case for those who may read it). */
  async function listObjections(actor: Actor, resourceId: string) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    await findResource(db, resourceId);
    return db
      .select({
        caseId: casesCase.id,
        number: casesCase.number,
        state: casesCase.state,
        itemCode: sql<string | null>`${casesCase.data}->>'item_code'`,
        openedAt: casesCase.openedAt,
        closedAt: casesCase.closedAt,
        dueAt: casesCase.dueAt,
      })
      .from(casesCase)
      .where(
        and(
          eq(casesCase.typeCode, OBJECTION_CASE_TYPE),
          sql`${casesCase.data}->>'resource_id' = ${resourceId}`,
        ),
      )
      .orderBy(desc(casesCase.openedAt))
      .limit(200);
  }

  /** Tells the resource's subscribers that an objection was answered (after the step commits). */
  kernel.events.subscribe('cases.case.signal', async (event) => {
    if (event.payload.typeCode !== OBJECTION_CASE_TYPE || event.payload.signal !== 'data.objection.answered')
      return;
    await kernel.transaction(async (tx) => {
      const [row] = await tx.select().from(casesCase).where(eq(casesCase.id, event.payload.caseId));
      const resourceId = row?.data.resource_id;
      if (typeof resourceId !== 'string') return;
      const corrected = row.state === 'corrected';
      await subscriptions.notifySubscribers(tx, resourceId, {
        titleZh: `数据异议 ${row.number} 已答复：${corrected ? '已更正，待下次归集复核' : '不予更正'}`,
        titleEn: `Data objection ${row.number} answered: ${corrected ? 'corrected, re-checked on the next load' : 'rejected'}`,
        link: `/cases/${row.id}`,
      });
    });
  });

  return { fileObjection, listObjections };
}

export type Objections = ReturnType<typeof createObjections>;
