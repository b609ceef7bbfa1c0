import { boolean, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * A staff member's inbox (站内消息): reminders, overdue warnings, 督办 notes, new assignments.
 * A message to a department is fanned out to its active staff when sent, so each reads their own.
 */
export const notificationsMessage = pgTable(
  'notifications_message',
  {
    id: uuid('id').primaryKey(),
    staffId: uuid('staff_id').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    bodyZh: text('body_zh'),
    bodyEn: text('body_en'),
    /** A path in the web app, e.g. `/cases/<id>`. */
    link: text('link'),
    subjectType: varchar('subject_type', { length: 48 }),
    subjectId: text('subject_id'),
    /** Urgent messages (overdue, 督办) are shown first and highlighted. */
    urgent: boolean('urgent').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_message_staff').on(t.staffId, t.createdAt)],
);
