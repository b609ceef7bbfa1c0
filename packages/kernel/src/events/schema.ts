import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/** Transactional outbox: an event row is written in the same transaction as the change it reports. */
export const eventsOutbox = pgTable(
  'events_outbox',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    /** Dotted event type, e.g. `org.department.created`. */
    type: varchar('type', { length: 96 }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** Set once every local subscriber has handled it. */
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('events_outbox_pending').on(t.dispatchedAt, t.seq)],
);
