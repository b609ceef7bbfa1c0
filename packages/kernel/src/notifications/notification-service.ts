import { and, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Actor } from '../access';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { AuthenticationError, InputError, NotAllowedError } from '../errors';
import { newId } from '../ids';
import { identityStaff } from '../identity/schema';
import { notificationsMessage } from './schema';

export interface NotifyInput {
  /** One staff member… */
  staffId?: string | null;
  /** …or every active staff member of a department. */
  departmentId?: string | null;
  titleZh: string;
  titleEn: string;
  bodyZh?: string | null;
  bodyEn?: string | null;
  link?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  urgent?: boolean;
}

export interface NotificationServiceDeps {
  db: Db;
  clock: Clock;
}

function staffOnly(actor: Actor): string {
  if (actor.type === 'applicant')
    throw new NotAllowedError('access.staff_only', 'Messages are available to staff accounts only.');
  if (actor.type !== 'staff' || !actor.id)
    throw new AuthenticationError('access.unauthenticated', 'Please log in to read your messages.');
  return actor.id;
}

/** Staff inboxes. `notify` runs inside the caller's transaction, so a message exists iff its cause does. */
export function createNotificationService(deps: NotificationServiceDeps) {
  const { db, clock } = deps;

  /** Sends a message; returns how many inboxes received it. */
  async function notify(tx: Executor, input: NotifyInput): Promise<number> {
    const recipients = new Set<string>();
    if (input.staffId) recipients.add(input.staffId);
    if (input.departmentId) {
      const rows = await tx
        .select({ id: identityStaff.id })
        .from(identityStaff)
        .where(and(eq(identityStaff.departmentId, input.departmentId), eq(identityStaff.status, 'active')));
      for (const r of rows) recipients.add(r.id);
    }
    if (recipients.size === 0) return 0;
    const now = clock.now();
    await tx.insert(notificationsMessage).values(
      [...recipients].map((staffId) => ({
        id: newId(),
        staffId,
        titleZh: input.titleZh,
        titleEn: input.titleEn,
        bodyZh: input.bodyZh ?? null,
        bodyEn: input.bodyEn ?? null,
        link: input.link ?? null,
        subjectType: input.subjectType ?? null,
        subjectId: input.subjectId ?? null,
        urgent: input.urgent ?? false,
        createdAt: now,
      })),
    );
    return recipients.size;
  }

  /** The actor's messages, newest first; `before` is the last id of the previous page. */
  async function list(actor: Actor, query: { unreadOnly?: boolean; limit?: number; before?: string } = {}) {
    const staffId = staffOnly(actor);
    const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
    const conditions = [eq(notificationsMessage.staffId, staffId)];
    if (query.unreadOnly) conditions.push(isNull(notificationsMessage.readAt));
    if (query.before) {
      // UUIDv7 ids order by creation time.
      conditions.push(lt(notificationsMessage.id, query.before));
    }
    const items = await db
      .select()
      .from(notificationsMessage)
      .where(and(...conditions))
      .orderBy(desc(notificationsMessage.id))
      .limit(limit);
    const [unread] = await db
      .select({ n: count() })
      .from(notificationsMessage)
      .where(and(eq(notificationsMessage.staffId, staffId), isNull(notificationsMessage.readAt)));
    return { items, unread: Number(unread?.n ?? 0) };
  }

  /** Marks the actor's messages read (the given ids, or all). Returns how many changed. */
  async function markRead(actor: Actor, ids: string[] | 'all'): Promise<number> {
    const staffId = staffOnly(actor);
    if (ids !== 'all' && (ids.length === 0 || ids.length > 500))
      throw new InputError('notifications.invalid_ids', 'Give 1–500 message ids, or all.');
    const rows = await db
      .update(notificationsMessage)
      .set({ readAt: clock.now() })
      .where(
        and(
          eq(notificationsMessage.staffId, staffId),
          isNull(notificationsMessage.readAt),
          ids === 'all' ? undefined : inArray(notificationsMessage.id, ids),
        ),
      )
      .returning({ id: notificationsMessage.id });
    return rows.length;
  }

  return { notify, list, markRead };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
