import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** The four grassroots governance platforms (基层治理四平台); names are configurable per district. */
export const governancePlatform = pgTable('governance_platform', {
  code: varchar('code', { length: 16 }).primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
});

/** The event category tree (事件分类): leaves are what people report; each belongs to a platform. */
export const governanceCategory = pgTable(
  'governance_category',
  {
    /** Dotted code, e.g. `road.pothole`; the parent is the code before the last dot. */
    code: varchar('code', { length: 96 }).primaryKey(),
    parentCode: varchar('parent_code', { length: 96 }),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    platform: varchar('platform', { length: 16 }).notNull(),
    /** Default handling limit (working days) when the catalogue gives none. */
    limitDays: integer('limit_days').notNull().default(5),
    /** Offered on the public report page and through Open311. */
    public: boolean('public').notNull().default(true),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('governance_category_parent').on(t.parentCode)],
);

/**
 * How an event came in (one row per event case): the channel, the reporter's contact (personal
 * data: masked in every response), the public tracking secret, and source keys that make intake
 * idempotent (a 12345 order number, an Open311 token, a module event id).
 */
export const governanceReport = pgTable(
  'governance_report',
  {
    caseId: uuid('case_id').primaryKey(),
    number: varchar('number', { length: 32 }).notNull().unique(),
    /** grid | public | hotline | open311 | event */
    channel: varchar('channel', { length: 16 }).notNull(),
    reporterName: text('reporter_name'),
    reporterPhone: varchar('reporter_phone', { length: 32 }),
    /** argon2id of the tracking password given to a public reporter. */
    trackingHash: text('tracking_hash'),
    /** Open311 token returned by POST requests.json. */
    open311Token: varchar('open311_token', { length: 64 }).unique(),
    /** 12345 order number, or `<event type>:<event id>` for module events. */
    externalId: varchar('external_id', { length: 128 }).unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('governance_report_channel').on(t.channel)],
);

/** A 12345 import: progress and a per-row error report. */
export const governanceImport = pgTable('governance_import', {
  id: uuid('id').primaryKey(),
  fileName: text('file_name').notNull(),
  fileId: uuid('file_id').notNull(),
  /** queued | running | done | failed */
  status: varchar('status', { length: 16 }).$type<'queued' | 'running' | 'done' | 'failed'>().notNull(),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  created: integer('created').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  /** The spreadsheet row of the last order taken: the next chunk resumes after it. */
  lastRow: integer('last_row').notNull().default(0),
  errors: jsonb('errors').$type<ImportRowError[]>().notNull().default([]),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export interface ImportRowError {
  row: number;
  field: string;
  code: string;
  message: string;
  messageZh: string;
}
