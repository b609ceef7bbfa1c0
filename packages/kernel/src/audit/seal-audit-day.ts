import { and, asc, gte, lt } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Executor } from '../db/types';
import { merkleRoot } from './hash';
import { auditDailyRoot, auditEntry } from './schema';

/** Beijing-time day boundaries (UTC+8, no daylight saving). */
export function beijingDayRange(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00+08:00`);
  return { start, end: new Date(start.getTime() + 86_400_000) };
}

/**
 * Seals one Beijing-time day: stores the Merkle root of that day's entry hashes. A sealed root
 * can be published (e.g. to the 政务外网 notice board); later edits or tail deletions then show.
 * Returns null for a day with no entries or one already sealed.
 */
export async function sealAuditDay(db: Executor, clock: Clock, day: string) {
  const { start, end } = beijingDayRange(day);
  const entries = await db
    .select({ seq: auditEntry.seq, hash: auditEntry.hash })
    .from(auditEntry)
    .where(and(gte(auditEntry.at, start), lt(auditEntry.at, end)))
    .orderBy(asc(auditEntry.seq));
  if (entries.length === 0) return null;
  const row = {
    day,
    root: merkleRoot(entries.map((e) => e.hash)),
    count: entries.length,
    firstSeq: entries[0].seq,
    lastSeq: entries[entries.length - 1].seq,
    sealedAt: clock.now(),
  };
  const inserted = await db.insert(auditDailyRoot).values(row).onConflictDoNothing().returning();
  return inserted[0] ?? null;
}
