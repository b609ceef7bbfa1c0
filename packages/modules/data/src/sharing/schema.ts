import {
  bigint,
  bigserial,
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

/** An approved item of a grant, with how its values leave, frozen at approval. */
export interface GrantItem {
  code: string;
  name: string;
  /** The item's type at approval (filters are compared in it). */
  type: string;
  /** clear | light | strict | redact (see `mask.ts`). */
  mode: 'clear' | 'light' | 'strict' | 'redact';
  personalKind: 'id_number' | 'name' | 'phone' | 'address' | 'bank_account' | 'other' | null;
}

/**
 * A sharing request (共享申请): the index of a `data_share_request` case, whose state and clock
 * the case engine keeps. A renewal (续期) request names the grant it extends.
 */
export const dataShareRequest = pgTable(
  'data_share_request',
  {
    /** The case's id. */
    id: uuid('id').primaryKey(),
    /** The case number, e.g. `GX20260302000001`. */
    number: varchar('number', { length: 32 }).notNull(),
    /** new | renewal */
    kind: varchar('kind', { length: 16 }).$type<'new' | 'renewal'>().notNull(),
    resourceId: uuid('resource_id').notNull(),
    consumerDepartmentId: uuid('consumer_department_id').notNull(),
    providerDepartmentId: uuid('provider_department_id').notNull(),
    /** Item codes asked for. */
    items: jsonb('items').$type<string[]>().notNull(),
    purpose: text('purpose').notNull(),
    /** 依据: the law, regulation or document the use rests on. */
    legalBasis: text('legal_basis').notNull(),
    /** The service matter served, e.g. `许可-00001-001`. */
    matterCode: varchar('matter_code', { length: 32 }).notNull(),
    durationDays: integer('duration_days').notNull(),
    /** pending | approved | rejected (mirrors the case state, written in the same transaction). */
    status: varchar('status', { length: 16 }).$type<'pending' | 'approved' | 'rejected'>().notNull(),
    /** The grant created (new) or extended (renewal). */
    grantId: uuid('grant_id'),
    rejectReason: text('reject_reason'),
    requestedBy: uuid('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('data_share_request_consumer').on(t.consumerDepartmentId, t.requestedAt),
    index('data_share_request_provider').on(t.providerDepartmentId, t.status),
  ],
);

/**
 * An approval, which is the policy (共享授权): what a consumer department may read of a resource,
 * how masked, which rows, how often, until when, under which key (only its hash is stored).
 */
export const dataShareGrant = pgTable(
  'data_share_grant',
  {
    id: uuid('id').primaryKey(),
    /** The approved request. */
    requestId: uuid('request_id').notNull(),
    consumerDepartmentId: uuid('consumer_department_id').notNull(),
    providerDepartmentId: uuid('provider_department_id').notNull(),
    resourceId: uuid('resource_id').notNull(),
    resourceCode: varchar('resource_code', { length: 32 }).notNull(),
    items: jsonb('items').$type<GrantItem[]>().notNull(),
    /** Equality conditions (item code → value) every query is limited to. */
    rowFilter: jsonb('row_filter').$type<Record<string, string | number | boolean>>().notNull(),
    /** Successful calls per Beijing day. */
    quotaPerDay: integer('quota_per_day').notNull(),
    ratePerMinute: integer('rate_per_minute').notNull(),
    matterCode: varchar('matter_code', { length: 32 }).notNull(),
    purpose: text('purpose').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** active | revoked (expired is read from `expires_at`). */
    status: varchar('status', { length: 16 }).$type<'active' | 'revoked'>().notNull(),
    /** SHA-256 of the consumer key `zzs_…`; null until the consumer issues one. */
    keyHash: varchar('key_hash', { length: 64 }),
    /** The key's last 4 characters, to tell keys apart. */
    keyHint: varchar('key_hint', { length: 8 }),
    keyIssuedAt: timestamp('key_issued_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
    revokedBy: uuid('revoked_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    uniqueIndex('data_share_grant_key').on(t.keyHash),
    index('data_share_grant_consumer').on(t.consumerDepartmentId),
    index('data_share_grant_provider').on(t.providerDepartmentId),
  ],
);

/**
 * Every call of the shared data API, granted or denied, in a hash chain (tamper-evident):
 * each entry's hash covers the previous hash and the entry. Written in batches (group commit).
 */
export const dataAccessLog = pgTable(
  'data_access_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    consumerDepartmentId: uuid('consumer_department_id'),
    grantId: uuid('grant_id'),
    resourceId: uuid('resource_id'),
    /** Item codes returned (never values). */
    items: jsonb('items').$type<string[]>().notNull(),
    rowsReturned: integer('rows_returned').notNull(),
    latencyMs: integer('latency_ms').notNull(),
    matterCode: varchar('matter_code', { length: 32 }),
    /** The person accessing (X-Accessor), e.g. a staff id. */
    accessor: varchar('accessor', { length: 64 }),
    /** HTTP status answered. */
    status: integer('status').notNull(),
    /** The problem code of a denied call. */
    code: varchar('code', { length: 64 }),
    prevHash: varchar('prev_hash', { length: 64 }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
  },
  (t) => [index('data_access_log_grant').on(t.grantId, t.at), index('data_access_log_at').on(t.at)],
);

/** Daily usage per grant (Beijing day), kept by the metering flush: quotas and statistics read it. */
export const dataGrantUsage = pgTable(
  'data_grant_usage',
  {
    grantId: uuid('grant_id').notNull(),
    day: date('day').notNull(),
    /** Successful calls. */
    calls: integer('calls').notNull().default(0),
    rows: bigint('rows', { mode: 'number' }).notNull().default(0),
    denied: integer('denied').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.grantId, t.day] })],
);
