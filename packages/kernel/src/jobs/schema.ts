import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Durable one-off jobs and timers. Claimed with FOR UPDATE SKIP LOCKED, so each fires once across nodes. */
export const jobsJob = pgTable(
  'jobs_job',
  {
    id: uuid('id').primaryKey(),
    /** Registered handler name, e.g. `cases.sla.check`. */
    kind: varchar('kind', { length: 96 }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** Earliest time to run. */
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    /** pending | done | failed | cancelled */
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    /** Idempotency: a second job with the same key is not created. */
    dedupeKey: varchar('dedupe_key', { length: 200 }).unique(),
    /** The schedule that produced it. */
    scheduleId: uuid('schedule_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_job_due').on(t.status, t.runAt)],
);

/** Recurring schedules (cron expressions in Asia/Shanghai by default). */
export const jobsSchedule = pgTable('jobs_schedule', {
  id: uuid('id').primaryKey(),
  name: varchar('name', { length: 96 }).notNull().unique(),
  kind: varchar('kind', { length: 96 }).notNull(),
  cron: varchar('cron', { length: 120 }).notNull(),
  timezone: varchar('timezone', { length: 48 }).notNull().default('Asia/Shanghai'),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
