import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/types';
import { auditEntry } from './schema';

export interface ListAuditOptions {
  action?: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  /** Keyset paging: entries before this seq. */
  beforeSeq?: number;
  limit?: number;
}

/** Newest first, keyset-paged. */
export async function listAudit(db: Executor, options: ListAuditOptions = {}) {
  const where: SQL[] = [];
  if (options.action) where.push(eq(auditEntry.action, options.action));
  if (options.subjectType) where.push(eq(auditEntry.subjectType, options.subjectType));
  if (options.subjectId) where.push(eq(auditEntry.subjectId, options.subjectId));
  if (options.actorId) where.push(eq(auditEntry.actorId, options.actorId));
  if (options.from) where.push(gte(auditEntry.at, options.from));
  if (options.to) where.push(lt(auditEntry.at, options.to));
  if (options.beforeSeq) where.push(lt(auditEntry.seq, options.beforeSeq));
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const items = await db
    .select()
    .from(auditEntry)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEntry.seq))
    .limit(limit + 1);
  const more = items.length > limit;
  const page = more ? items.slice(0, limit) : items;
  return { items: page, nextBeforeSeq: more ? page[page.length - 1].seq : null };
}
