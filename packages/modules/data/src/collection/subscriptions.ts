import type { Actor } from '@zhizhi/kernel/access';
import { requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { AuthenticationError } from '@zhizhi/kernel/errors';
import type { Kernel } from '@zhizhi/kernel';
import { and, eq } from 'drizzle-orm';
import { DATA_PERMISSIONS } from '../catalog/catalog-service';
import { findResource } from './resource-lookup';
import { dataSubscription } from './schema';

/** What subscribers hear about (title and body, zh and en, a link). */
export interface SubscriberMessage {
  titleZh: string;
  titleEn: string;
  bodyZh?: string;
  bodyEn?: string;
  link?: string;
}

/** Subscriptions to a resource; notices go out in the caller's transaction. */
export function createSubscriptions(kernel: Kernel) {
  const { db, clock } = kernel;

  function staffId(actor: Actor): string {
    if (actor.type !== 'staff' || !actor.id)
      throw new AuthenticationError('access.unauthenticated', 'Please log in to subscribe.');
    return actor.id;
  }

  /** Follows a resource (idempotent), audited. */
  async function subscribe(actor: Actor, resourceId: string) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    const id = staffId(actor);
    await findResource(db, resourceId);
    await kernel.transaction(async (tx) => {
      const inserted = await tx
        .insert(dataSubscription)
        .values({ resourceId, staffId: id, createdAt: clock.now() })
        .onConflictDoNothing()
        .returning();
      if (inserted.length)
        await recordAudit(tx, clock, {
          actor,
          action: 'data.subscription.created',
          subjectType: 'data_resource',
          subjectId: resourceId,
        });
    });
    return { subscribed: true };
  }

  /** Stops following a resource, audited. */
  async function unsubscribe(actor: Actor, resourceId: string) {
    const id = staffId(actor);
    await kernel.transaction(async (tx) => {
      const deleted = await tx
        .delete(dataSubscription)
        .where(and(eq(dataSubscription.resourceId, resourceId), eq(dataSubscription.staffId, id)))
        .returning();
      if (deleted.length)
        await recordAudit(tx, clock, {
          actor,
          action: 'data.subscription.deleted',
          subjectType: 'data_resource',
          subjectId: resourceId,
        });
    });
    return { subscribed: false };
  }

  async function isSubscribed(actor: Actor, resourceId: string) {
    const id = staffId(actor);
    const [row] = await db
      .select()
      .from(dataSubscription)
      .where(and(eq(dataSubscription.resourceId, resourceId), eq(dataSubscription.staffId, id)));
    return { subscribed: Boolean(row) };
  }

  /** Sends one message to every subscriber of the resource; returns how many got it. */
  async function notifySubscribers(tx: Executor, resourceId: string, message: SubscriberMessage) {
    const rows = await tx
      .select({ staffId: dataSubscription.staffId })
      .from(dataSubscription)
      .where(eq(dataSubscription.resourceId, resourceId));
    for (const row of rows)
      await kernel.notifications.notify(tx, {
        staffId: row.staffId,
        ...message,
        subjectType: 'data_resource',
        subjectId: resourceId,
      });
    return rows.length;
  }

  return { subscribe, unsubscribe, isSubscribed, notifySubscribers };
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;
