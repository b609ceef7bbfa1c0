import { sql } from 'drizzle-orm';
import {
  date,
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
import type { Formula } from './definitions';

/**
 * The cockpit's indicators (the plan's targets): definition as data, with the trajectory from the
 * 2020 baseline to the target at the deadline, the warning line and the accountable department.
 */
export const cockpitIndicator = pgTable('cockpit_indicator', {
  code: varchar('code', { length: 96 }).primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  unit: varchar('unit', { length: 16 }).notNull(),
  direction: varchar('direction', { length: 16 }).notNull(),
  /** services | governance | overview | codes | data */
  promise: varchar('promise', { length: 16 }).notNull(),
  /** null: the plan says "grow". */
  target: doublePrecision('target'),
  warningLine: doublePrecision('warning_line'),
  baseline: doublePrecision('baseline'),
  baselineDate: date('baseline_date'),
  deadline: date('deadline'),
  /** Org code of the accountable department (dispatch goes there). */
  ownerDepartmentCode: varchar('owner_department_code', { length: 40 }),
  /** district | town | village | department */
  levels: jsonb('levels').$type<string[]>().notNull(),
  /** measured | reported */
  source: varchar('source', { length: 16 }).notNull(),
  formula: jsonb('formula').$type<Formula>().notNull(),
  formulaText: text('formula_text').notNull(),
  formulaTextEn: text('formula_text_en').notNull(),
  sort: integer('sort').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * What one source row (an event, an application) contributes to the counters: the months it counts
 * in, where, for which departments, and which measures (bits). Kept so a change is applied as the
 * difference between the old and the new contribution — redelivered or reordered events add nothing.
 */
export const cockpitFact = pgTable(
  'cockpit_fact',
  {
    source: varchar('source', { length: 16 }).notNull(),
    sourceId: uuid('source_id').notNull(),
    openedMonth: date('opened_month'),
    closedMonth: date('closed_month'),
    division: varchar('division', { length: 12 }),
    departments: jsonb('departments').$type<string[]>().notNull().default([]),
    flags: integer('flags').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.source, t.sourceId] })],
);

/** Counters per measure, month and scope (district, town, village, department): what the screen reads. */
export const cockpitTally = pgTable(
  'cockpit_tally',
  {
    measure: varchar('measure', { length: 48 }).notNull(),
    month: date('month').notNull(),
    /** district | town | village | department */
    scopeType: varchar('scope_type', { length: 12 }).notNull(),
    scopeCode: varchar('scope_code', { length: 40 }).notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.measure, t.month, t.scopeType, t.scopeCode] })],
);

/** A figure the platform does not produce, entered by its owner department with evidence. */
export const cockpitReported = pgTable(
  'cockpit_reported',
  {
    id: uuid('id').primaryKey(),
    code: varchar('code', { length: 96 }).notNull(),
    value: doublePrecision('value').notNull(),
    asOf: date('as_of').notNull(),
    note: text('note').notNull(),
    evidenceFileIds: jsonb('evidence_file_ids').$type<string[]>().notNull(),
    reportedBy: text('reported_by').notNull(),
    departmentId: uuid('department_id'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('cockpit_reported_code').on(t.code, t.asOf)],
);

/** A value below its warning line or behind its trajectory; dispatched as a 督办 task. */
export const cockpitWarning = pgTable(
  'cockpit_warning',
  {
    id: uuid('id').primaryKey(),
    code: varchar('code', { length: 96 }).notNull(),
    /** district | town:<code> | department:<code> */
    scope: varchar('scope', { length: 60 }).notNull(),
    /** warning_line | trajectory */
    kind: varchar('kind', { length: 16 }).notNull(),
    value: doublePrecision('value'),
    threshold: doublePrecision('threshold'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    taskId: uuid('task_id'),
    dispatchedBy: text('dispatched_by'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('cockpit_warning_open').on(t.code, t.scope, t.kind).where(sql`resolved_at is null`)],
);

/** The big screen's panels per role (order and visibility). */
export const cockpitLayout = pgTable('cockpit_layout', {
  roleCode: varchar('role_code', { length: 64 }).primaryKey(),
  panels: jsonb('panels').$type<{ id: string; visible: boolean }[]>().notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Weekly indicator reports (PDF and XLSX in the file store). */
export const cockpitReport = pgTable(
  'cockpit_report',
  {
    id: uuid('id').primaryKey(),
    weekFrom: date('week_from').notNull(),
    weekTo: date('week_to').notNull(),
    /** schedule | manual */
    trigger: varchar('trigger', { length: 16 }).notNull(),
    pdfFileId: uuid('pdf_file_id').notNull(),
    xlsxFileId: uuid('xlsx_file_id').notNull(),
    /** The same report in English (null for reports made before English reports existed). */
    pdfEnFileId: uuid('pdf_en_file_id'),
    xlsxEnFileId: uuid('xlsx_en_file_id'),
    generatedBy: text('generated_by').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('cockpit_report_scheduled').on(t.weekFrom).where(sql`trigger = 'schedule'`)],
);

/** Daily values for trends: each indicator's year-to-date value at the end of the day, per scope. */
export const cockpitSnapshot = pgTable(
  'cockpit_snapshot',
  {
    code: varchar('code', { length: 96 }).notNull(),
    day: date('day').notNull(),
    /** district | town:<code> | department:<code> */
    scope: varchar('scope', { length: 60 }).notNull(),
    value: doublePrecision('value'),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.day, t.scope] })],
);
