import { and, asc, desc, gte, lt } from 'drizzle-orm';
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

/**
 * Seals every unsealed day from the day after the last seal (or the first entry) up to `lastDay`,
 * so days missed while the platform was down are sealed too. At most 400 days per call.
 */
export async function sealAuditDaysUpTo(db: Executor, clock: Clock, lastDay: string) {
  const [last] = await db
    .select({ day: auditDailyRoot.day })
    .from(auditDailyRoot)
    .orderBy(desc(auditDailyRoot.day))
    .limit(1);
  let day: string;
  if (last) day = nextDay(last.day);
  else {
    const [first] = await db
      .select({ at: auditEntry.at })
      .from(auditEntry)
      .orderBy(asc(auditEntry.seq))
      .limit(1);
    if (!first) return 0;
    day = new Date(first.at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  }
  let sealed = 0;
  for (let i = 0; i < 400 && day <= lastDay; i++, day = nextDay(day)) {
    if (await sealAuditDay(db, clock, day)) sealed++;
  }
  return sealed;
}

function nextDay(day: string): string {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
}
