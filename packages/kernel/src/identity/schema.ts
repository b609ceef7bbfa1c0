import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Staff accounts (浙政钉 users). */
export const identityStaff = pgTable('identity_staff', {
  id: uuid('id').primaryKey(),
  username: varchar('username', { length: 64 }).notNull().unique(),
  displayName: text('display_name').notNull(),
  /** argon2id hash. */
  passwordHash: text('password_hash').notNull(),
  /** Home department. */
  departmentId: uuid('department_id'),
  /** Mobile number (personal data: masked in lists). */
  phone: varchar('phone', { length: 20 }),
  /** active | disabled */
  status: varchar('status', { length: 16 }).notNull().default('active'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** UI preferences: locale, elder mode. */
  preferences: jsonb('preferences')
    .$type<{ locale?: 'zh-CN' | 'en-US'; elderMode?: boolean }>()
    .notNull()
    .default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Roles: named permission sets. */
export const identityRole = pgTable('identity_role', {
  code: varchar('code', { length: 48 }).primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  permissions: jsonb('permissions').$type<string[]>().notNull(),
  builtin: boolean('builtin').notNull().default(false),
});

/** A role granted to a staff member within a scope. */
export const identityRoleAssignment = pgTable(
  'identity_role_assignment',
  {
    id: uuid('id').primaryKey(),
    staffId: uuid('staff_id').notNull(),
    roleCode: varchar('role_code', { length: 48 }).notNull(),
    /** Division scope: this division and everything under it. */
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    /** Department scope; null = any department within the division scope. */
    departmentId: uuid('department_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('identity_role_assignment_staff').on(t.staffId)],
);

/** Browser sessions; only the SHA-256 of the token is stored. */
export const identitySession = pgTable(
  'identity_session',
  {
    id: uuid('id').primaryKey(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    staffId: uuid('staff_id').notNull(),
    /** Double-submit CSRF token for cookie-authenticated writes. */
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('identity_session_staff').on(t.staffId)],
);

/** API keys for systems; only a hash is stored, the prefix identifies the key in lists. */
export const identityApiKey = pgTable('identity_api_key', {
  id: uuid('id').primaryKey(),
  staffId: uuid('staff_id').notNull(),
  name: text('name').notNull(),
  prefix: varchar('prefix', { length: 16 }).notNull(),
  keyHash: varchar('key_hash', { length: 64 }).notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** Natural persons known to the platform (身份证号 with GB 11643 check). */
export const identityCitizen = pgTable('identity_citizen', {
  id: uuid('id').primaryKey(),
  idNumber: varchar('id_number', { length: 18 }).notNull().unique(),
  name: text('name').notNull(),
  phone: varchar('phone', { length: 20 }),
  /** The check digit failed and a staff member overrode the warning (audited). */
  checkOverridden: boolean('check_overridden').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Enterprises and other organisations (统一社会信用代码 with GB 32100 check). */
export const identityEnterprise = pgTable('identity_enterprise', {
  id: uuid('id').primaryKey(),
  uscc: varchar('uscc', { length: 18 }).notNull().unique(),
  name: text('name').notNull(),
  legalRepresentative: text('legal_representative'),
  divisionCode: varchar('division_code', { length: 12 }),
  checkOverridden: boolean('check_overridden').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * Applicant accounts (浙里办-style): a citizen or an enterprise of the registry who signs in to
 * the service portal. One account per registry entry; argon2id password, lockout like staff.
 */
export const identityApplicant = pgTable('identity_applicant', {
  id: uuid('id').primaryKey(),
  /** citizen | enterprise */
  kind: varchar('kind', { length: 16 }).notNull(),
  /** identity_citizen.id or identity_enterprise.id. */
  registryId: uuid('registry_id').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  preferences: jsonb('preferences')
    .$type<{ locale?: 'zh-CN' | 'en-US'; elderMode?: boolean }>()
    .notNull()
    .default({}),
  /** Where notices go (SMS, email), as the applicant gave them; personal data, masked when shown. */
  phone: varchar('phone', { length: 20 }),
  email: varchar('email', { length: 254 }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
});

/** Applicant portal sessions; only the SHA-256 of the token is stored. */
export const identityApplicantSession = pgTable(
  'identity_applicant_session',
  {
    id: uuid('id').primaryKey(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    applicantId: uuid('applicant_id').notNull(),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('identity_applicant_session_applicant').on(t.applicantId)],
);
