import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/types';
import { calendarOverride } from './schema';

/** An admin's decision about one day, on top of the national data. */
export interface CalendarOverride {
  /** The day, `YYYY-MM-DD` Beijing time. */
  day: string;
  isWorkday: boolean;
  /** Why, e.g. 台风停止办公 or a late-announced 调休; null when none was given. */
  note: string | null;
  /** Staff (or API key) id of whoever set it; null for the platform itself. */
  updatedBy: string | null;
  updatedAt: Date;
}

type Row = typeof calendarOverride.$inferSelect;

// The column is NOT NULL; an empty string stands for "no note".
function fromRow(row: Row): CalendarOverride {
  return { ...row, note: row.note || null };
}

export async function loadOverrides(db: Executor): Promise<CalendarOverride[]> {
  const rows = await db.select().from(calendarOverride).orderBy(asc(calendarOverride.day));
  return rows.map(fromRow);
}

export async function findOverride(db: Executor, day: string): Promise<CalendarOverride | null> {
  const [row] = await db.select().from(calendarOverride).where(eq(calendarOverride.day, day)).for('update');
  return row ? fromRow(row) : null;
}

export async function upsertOverride(db: Executor, override: CalendarOverride): Promise<CalendarOverride> {
  const row = { ...override, note: override.note ?? '' };
  const { day, ...changes } = row;
  const [saved] = await db
    .insert(calendarOverride)
    .values(row)
    .onConflictDoUpdate({ target: calendarOverride.day, set: changes })
    .returning();
  return fromRow(saved);
}

export async function deleteOverride(db: Executor, day: string): Promise<void> {
  await db.delete(calendarOverride).where(eq(calendarOverride.day, day));
}
