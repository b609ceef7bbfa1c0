import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/** The append-only, hash-chained audit log. Never updated, never deleted. */
export const auditEntry = pgTable(
  'audit_entry',
  {
    /** Position in the chain. */
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** staff | citizen | enterprise | system | api_key */
    actorType: varchar('actor_type', { length: 16 }).notNull(),
    actorId: text('actor_id'),
    /** Display name at the time (so the log reads without joins). */
    actorName: text('actor_name'),
    /** Dotted action, e.g. `org.department.created`. */
    action: varchar('action', { length: 96 }).notNull(),
    subjectType: varchar('subject_type', { length: 48 }).notNull(),
    subjectId: text('subject_id'),
    /** The matter or request this served (数据调用事由). */
    purpose: text('purpose'),
    /** What changed; personal fields masked before they get here. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    prevHash: varchar('prev_hash', { length: 64 }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
  },
  (t) => [index('audit_entry_subject').on(t.subjectType, t.subjectId), index('audit_entry_at').on(t.at)],
);

/** One Merkle root per day over that day's entry hashes: publishable, so the past can't be rewritten quietly. */
export const auditDailyRoot = pgTable('audit_daily_root', {
  day: date('day').primaryKey(),
  root: varchar('root', { length: 64 }).notNull(),
  count: integer('count').notNull(),
  firstSeq: integer('first_seq').notNull(),
  lastSeq: integer('last_seq').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull(),
  note: text('note'),
});
