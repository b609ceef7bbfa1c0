import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/**
 * One load (归集批次) of a resource's rows: who, when, from where, the column mapping, row counts
 * and the diff to the previous load. Versions count up per resource.
 */
export const dataLoad = pgTable(
  'data_load',
  {
    id: uuid('id').primaryKey(),
    resourceId: uuid('resource_id').notNull(),
    version: integer('version').notNull(),
    /** upload (CSV/XLSX/JSON) | http (a department's JSON endpoint) | postgres (a table) */
    source: varchar('source', { length: 16 }).$type<'upload' | 'http' | 'postgres'>().notNull(),
    /** File name, URL without credentials or query secrets, or `schema.table` — never a password. */
    sourceLabel: text('source_label').notNull(),
    /** Source column → item code. */
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    /** running | done | failed */
    status: varchar('status', { length: 16 }).$type<'running' | 'done' | 'failed'>().notNull(),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsTotal: integer('rows_total'),
    added: integer('added').notNull().default(0),
    changed: integer('changed').notNull().default(0),
    removed: integer('removed').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    /** Share of quality checks passed, 0–1, once checked. */
    passRate: doublePrecision('pass_rate'),
    /** Quality summary: per item checks/passed, finding counts by rule (never values). */
    report: jsonb('report').$type<Record<string, unknown>>(),
    errorCode: varchar('error_code', { length: 64 }),
    createdBy: text('created_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** Written with every batch read; a running load with a stale heartbeat was interrupted. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('data_load_resource_version').on(t.resourceId, t.version)],
);

/**
 * The current rows of a resource (the latest done load), keyed by the resource's key items
 * (or the row's content hash when it has none). `data` holds item code → value.
 */
export const dataRow = pgTable(
  'data_row',
  {
    resourceId: uuid('resource_id').notNull(),
    rowKey: text('row_key').notNull(),
    data: jsonb('data').$type<Record<string, string | number | boolean | null>>().notNull(),
    /** SHA-256 of the canonical row, for diffs. */
    hash: varchar('hash', { length: 64 }).notNull(),
    /** The load version that last wrote or confirmed this row. */
    loadVersion: integer('load_version').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.rowKey] }),
    index('data_row_data').using('gin', t.data.op('jsonb_path_ops')),
  ],
);

/** A staff member following a resource: told about new loads, quality cases and objection answers. */
export const dataSubscription = pgTable(
  'data_subscription',
  {
    resourceId: uuid('resource_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.staffId] }), index('data_subscription_staff').on(t.staffId)],
);
