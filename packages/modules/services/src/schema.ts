import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { Bundle, DictionaryEntry, Matter } from './catalogue/types';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The shared field dictionary: one row per field code. */
export const servicesField = pgTable('services_field', {
  code: varchar('code', { length: 64 }).primaryKey(),
  definition: jsonb('definition').$type<DictionaryEntry>().notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/**
 * Service matters, every version kept: applications name the version they were made under; the
 * newest version is the one offered.
 */
export const servicesMatter = pgTable(
  'services_matter',
  {
    id: uuid('id').primaryKey(),
    code: varchar('code', { length: 40 }).notNull(),
    version: integer('version').notNull(),
    nameZh: text('name_zh').notNull(),
    departmentCode: varchar('department_code', { length: 32 }).notNull(),
    definition: jsonb('definition').$type<Matter>().notNull(),
    publishedAt: ts('published_at').notNull(),
    publishedBy: text('published_by'),
  },
  (t) => [
    uniqueIndex('services_matter_version').on(t.code, t.version),
    index('services_matter_department').on(t.departmentCode),
  ],
);

/** “One thing” bundles (一件事), current definition. */
export const servicesBundle = pgTable('services_bundle', {
  code: varchar('code', { length: 64 }).primaryKey(),
  version: integer('version').notNull(),
  definition: jsonb('definition').$type<Bundle>().notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/** Where a pre-filled value came from (一证通办): shown next to the value and kept with the application. */
export interface ValueSource {
  kind: 'certificate' | 'resource' | 'identity';
  /** E-certificate type (电子证照) the value stands for, when it is one. */
  certificateType?: string;
  certificateName?: string;
  resourceCode?: string;
  resourceName?: string;
  providerDepartmentName?: string;
  /** The sharing approval (grant) and its request number. */
  grantId?: string;
  approvalNumber?: string | null;
  matterCode?: string;
  at: string;
  /** The value arrived masked (the grant does not cover it in clear); the applicant types it. */
  masked?: boolean;
}

/** One material of an application: uploaded files, or an e-certificate found for the applicant. */
export interface MaterialEntry {
  fileIds: string[];
  certificate?: ValueSource;
}

/**
 * Applications (办件): one per submission, a single matter or a “one thing” bundle. A draft has no
 * case; submitting opens the overall case and one child case per matter in the same transaction.
 */
export const servicesApplication = pgTable(
  'services_application',
  {
    id: uuid('id').primaryKey(),
    /** The overall case's number once submitted (e.g. BJ20261130000001). */
    number: varchar('number', { length: 32 }).unique(),
    caseId: uuid('case_id'),
    bundleCode: varchar('bundle_code', { length: 64 }),
    matterCodes: jsonb('matter_codes').$type<string[]>().notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    /** citizen | enterprise */
    applicantKind: varchar('applicant_kind', { length: 16 }).notNull(),
    applicantRegistryId: uuid('applicant_registry_id').notNull(),
    /** window | web | mobile | kiosk */
    channel: varchar('channel', { length: 16 }).notNull(),
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    /** draft | submitted | supplement | approved | partly_approved | refused */
    status: varchar('status', { length: 24 }).notNull(),
    form: jsonb('form').$type<Record<string, unknown>>().notNull().default({}),
    sources: jsonb('sources').$type<Record<string, ValueSource>>().notNull().default({}),
    materials: jsonb('materials').$type<Record<string, MaterialEntry>>().notNull().default({}),
    /** Matter code → when the applicant signed the commitment (告知承诺). */
    commitments: jsonb('commitments').$type<Record<string, string>>().notNull().default({}),
    /** Fees recorded (nothing is paid in this version), in fen. */
    feesFen: integer('fees_fen').notNull().default(0),
    /** Values the shared data supplied, by resource item (what instant-approval rules read as `shared`). */
    shared: jsonb('shared').$type<Record<string, unknown>>().notNull().default({}),
    queryPasswordHash: varchar('query_password_hash', { length: 64 }),
    createdBy: text('created_by'),
    /** Staff who applied on the applicant's behalf (一窗受理). */
    onBehalfBy: text('on_behalf_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    submittedAt: ts('submitted_at'),
    concludedAt: ts('concluded_at'),
  },
  (t) => [
    index('services_application_applicant').on(t.applicantKind, t.applicantRegistryId),
    index('services_application_submitted').on(t.submittedAt),
  ],
);

/** Certificates issued on approval (电子证照), each with a signed code (一码通服). */
export const servicesCertificate = pgTable(
  'services_certificate',
  {
    id: uuid('id').primaryKey(),
    number: varchar('number', { length: 40 }).notNull().unique(),
    type: varchar('type', { length: 64 }).notNull(),
    nameZh: text('name_zh').notNull(),
    matterCode: varchar('matter_code', { length: 40 }).notNull(),
    applicationId: uuid('application_id').notNull(),
    /** The matter case that approved it: one certificate per case. */
    caseId: uuid('case_id').notNull().unique(),
    holderKind: varchar('holder_kind', { length: 16 }).notNull(),
    holderRegistryId: uuid('holder_registry_id').notNull(),
    items: jsonb('items').$type<Record<string, unknown>>().notNull(),
    codeToken: varchar('code_token', { length: 40 }).notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedAt: ts('issued_at').notNull(),
    /** valid | revoked */
    status: varchar('status', { length: 16 }).notNull().default('valid'),
  },
  (t) => [index('services_certificate_holder').on(t.holderKind, t.holderRegistryId)],
);

/** 好差评: one row per rating round (the applicant may rate once more after a bad one). */
export const servicesRating = pgTable(
  'services_rating',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull(),
    round: integer('round').notNull(),
    /** Departments whose matters the application held (results are published by department). */
    departmentCodes: jsonb('department_codes').$type<string[]>().notNull(),
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    /** Indicator → 1 (非常不满意) … 5 (非常满意). */
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    overall: integer('overall').notNull(),
    comment: text('comment'),
    rectificationCaseId: uuid('rectification_case_id'),
    ratedAt: ts('rated_at').notNull(),
  },
  (t) => [uniqueIndex('services_rating_round').on(t.applicationId, t.round)],
);

/** Messages to applicants (in-app; SMS and email go out through adapters, recorded per channel). */
export const servicesNotice = pgTable(
  'services_notice',
  {
    id: uuid('id').primaryKey(),
    applicantKind: varchar('applicant_kind', { length: 16 }).notNull(),
    applicantRegistryId: uuid('applicant_registry_id').notNull(),
    applicationId: uuid('application_id'),
    /** The step a message follows (case id, version, state): a step redelivered sends nothing twice. */
    dedupeKey: varchar('dedupe_key', { length: 120 }).unique(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    /** Channel → sent | failed | pending, for the adapters configured. */
    deliveries: jsonb('deliveries').$type<Record<string, string>>().notNull().default({}),
    createdAt: ts('created_at').notNull(),
    read: boolean('read').notNull().default(false),
  },
  (t) => [index('services_notice_applicant').on(t.applicantKind, t.applicantRegistryId)],
);
