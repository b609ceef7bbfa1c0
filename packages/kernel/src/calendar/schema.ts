import { boolean, date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Admin overrides on top of the national holiday data (local holidays, late-announced 调休). */
export const calendarOverride = pgTable('calendar_override', {
  /** The day, in Beijing time. */
  day: date('day').primaryKey(),
  isWorkday: boolean('is_workday').notNull(),
  note: text('note').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
