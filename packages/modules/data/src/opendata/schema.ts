import {
  bigint,
  date,
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
 * A registered open-data developer (开发者): a person or organisation holding one API key.
 * The key is stored only as its SHA-256 digest; contact details are never returned unmasked.
 */
export const dataOpenDeveloper = pgTable(
  'data_open_developer',
  {
    id: uuid('id').primaryKey(),
    /** The developer's name (联系人). */
    name: text('name').notNull(),
    /** The organisation the developer acts for (单位名称). */
    organisation: text('organisation').notNull(),
    /** 统一社会信用代码 of the organisation, checked (GB 32100) when given. */
    uscc: varchar('uscc', { length: 18 }),
    /** Mainland mobile, 11 digits (personal data: shown masked only). */
    mobile: varchar('mobile', { length: 11 }).notNull(),
    email: text('email').notNull(),
    /** SHA-256 of the current API key (`zzo_…`). */
    keyDigest: varchar('key_digest', { length: 64 }).notNull(),
    /** The key's first characters, to tell keys apart (`zzo_AbCd`). */
    keyPrefix: varchar('key_prefix', { length: 12 }).notNull(),
    /** active | disabled */
    status: varchar('status', { length: 16 }).$type<'active' | 'disabled'>().notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    keyRotatedAt: timestamp('key_rotated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('data_open_developer_key').on(t.keyDigest)],
);

/**
 * A developer's application (开放申请) for a restricted-open resource; decided on the case engine
 * (case type `data_open_application`) by the provider department.
 */
export const dataOpenApplication = pgTable(
  'data_open_application',
  {
    id: uuid('id').primaryKey(),
    developerId: uuid('developer_id').notNull(),
    resourceId: uuid('resource_id').notNull(),
    /** The case that carries the decision. */
    caseId: uuid('case_id').notNull().unique(),
    /** Item codes asked for. */
    items: jsonb('items').$type<string[]>().notNull(),
    purpose: text('purpose').notNull(),
    /** How long access is wanted once approved. */
    durationDays: integer('duration_days').notNull(),
    /** submitted | approved | rejected (mirrors the case). */
    status: varchar('status', { length: 16 }).$type<'submitted' | 'approved' | 'rejected'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('data_open_application_developer').on(t.developerId),
    index('data_open_application_resource').on(t.resourceId),
  ],
);

/**
 * A developer's access to a restricted-open resource, created by an approval: the items granted
 * with the mask mode fixed at approval (a later re-grading never unmasks them) and the expiry.
 */
export const dataOpenAccess = pgTable(
  'data_open_access',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull().unique(),
    developerId: uuid('developer_id').notNull(),
    resourceId: uuid('resource_id').notNull(),
    /** Item code → mask mode (`clear` | `light` | `strict` | `redact`). */
    items: jsonb('items').$type<Record<string, 'clear' | 'light' | 'strict' | 'redact'>>().notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('data_open_access_developer_resource').on(t.developerId, t.resourceId)],
);

/**
 * Usage counters (计量) per Beijing day, resource, developer and kind: downloads and API calls.
 * Anonymous downloads count under the nil developer id. No personal data, no query values.
 */
export const dataOpenUsage = pgTable(
  'data_open_usage',
  {
    day: date('day').notNull(),
    resourceId: uuid('resource_id').notNull(),
    /** The developer, or `00000000-0000-0000-0000-000000000000` for anonymous downloads. */
    developerId: uuid('developer_id').notNull(),
    /** download_csv | download_json | download_xlsx | api_call */
    kind: varchar('kind', { length: 16 })
      .$type<'download_csv' | 'download_json' | 'download_xlsx' | 'api_call'>()
      .notNull(),
    count: integer('count').notNull().default(0),
    /** Rows delivered (API calls) or exported (downloads). */
    rows: bigint('rows', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.resourceId, t.developerId, t.kind] }),
    index('data_open_usage_resource').on(t.resourceId),
  ],
);

/** The developer id anonymous usage counts under. */
export const ANONYMOUS_DEVELOPER = '00000000-0000-0000-0000-000000000000';

/** What a usage counter counts. */
export type OpenUsageKind = (typeof dataOpenUsage.$inferSelect)['kind'];
