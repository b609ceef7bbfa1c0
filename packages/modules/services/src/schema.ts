import {
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
