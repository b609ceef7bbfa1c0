import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { CaseTypeDefinition } from './definition';
import type { DispatchRule } from './dispatch-catalogue';

/** Engine-owned facts about a case. */
export interface CaseMeta {
  grade?: string;
  /** Promised limits per clock set by routing (the catalogue's time limit). */
  limits?: Record<string, number>;
  pendingExtension?: { clock: string; units: number; reason: string; by: string | null; at: string };
  escalated?: boolean;
}

/** Engine-owned facts about a step. */
export interface HistoryMeta {
  departmentId?: string | null;
  departmentFrom?: string | null;
  assigneeId?: string | null;
  /** From now on, these promised limits apply (per clock). */
  limits?: Record<string, number>;
  /** An approved extension: the clock's limit grows by `units`. */
  extension?: { clock: string; units: number };
  children?: string[];
  relatedCaseId?: string;
  mergedInto?: string;
  merged?: string[];
}

/** Case type definitions, versioned: a running case keeps the version it was opened under. */
export const casesType = pgTable(
  'cases_type',
  {
    code: varchar('code', { length: 64 }).notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<CaseTypeDefinition>().notNull(),
    /** SHA-256 of the canonical definition: re-declaring an unchanged type adds no version. */
    hash: varchar('hash', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.version] })],
);

/** One case (工单/办件/事件): its current state and data. History is in cases_history. */
export const casesCase = pgTable(
  'cases_case',
  {
    id: uuid('id').primaryKey(),
    /** Human-facing number: type prefix + Beijing date + 6-digit daily sequence. */
    number: varchar('number', { length: 32 }).notNull().unique(),
    typeCode: varchar('type_code', { length: 64 }).notNull(),
    typeVersion: integer('type_version').notNull(),
    state: varchar('state', { length: 48 }).notNull(),
    /** Optimistic concurrency: each transition increments it; a stale one loses. */
    version: integer('version').notNull(),
    title: text('title').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** Where the case belongs (scopes who may see and handle it). */
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    departmentId: uuid('department_id'),
    assigneeId: uuid('assignee_id'),
    openedBy: text('opened_by'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** A child case (协办, 整改) points at its parent; `parentRole` says which relation. */
    parentId: uuid('parent_id'),
    parentRole: varchar('parent_role', { length: 48 }),
    /** A duplicate merged into another case waits for, and then shares, that case's outcome. */
    mergedInto: uuid('merged_into'),
    /** Engine bookkeeping: routing grade, promised limits, a pending extension request. */
    meta: jsonb('meta').$type<CaseMeta>().notNull().default({}),
    /** The first clock's promised deadline and warning time while it runs (for queues and SLA colours). */
    dueAt: timestamp('due_at', { withTimezone: true }),
    warnAt: timestamp('warn_at', { withTimezone: true }),
    /** Closed after the first clock's promised deadline (not 按时办结). */
    late: boolean('late'),
  },
  (t) => [
    index('cases_case_type_state').on(t.typeCode, t.state),
    index('cases_case_parent').on(t.parentId),
    index('cases_case_merged_into').on(t.mergedInto),
    index('cases_case_department').on(t.departmentId, t.state),
    index('cases_case_division').on(t.divisionCode),
    index('cases_case_assignee').on(t.assigneeId),
    // Newest cases of a type (live feeds and maps) without scanning the type's history.
    index('cases_case_type_opened').on(t.typeCode, t.openedAt),
  ],
);

/** Every step a case took (环环留痕): the source from which clocks and timelines are recomputed. */
export const casesHistory = pgTable(
  'cases_history',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    caseId: uuid('case_id').notNull(),
    /** Transition code; `open` for the first entry. */
    transition: varchar('transition', { length: 64 }).notNull(),
    fromState: varchar('from_state', { length: 48 }),
    toState: varchar('to_state', { length: 48 }).notNull(),
    actorType: varchar('actor_type', { length: 16 }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    note: text('note'),
    /** Field changes made with this step. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** What else the step did, for timelines and clocks: department moves, limits, extensions. */
    meta: jsonb('meta').$type<HistoryMeta>(),
  },
  (t) => [index('cases_history_case').on(t.caseId, t.seq)],
);

/** Daily counters for case numbers, per prefix. */
export const casesCounter = pgTable(
  'cases_counter',
  {
    prefix: varchar('prefix', { length: 8 }).notNull(),
    day: date('day').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.day] })],
);

/** Warnings and overdue alerts already raised, one per clock run: escalation fires exactly once. */
export const casesClockAlert = pgTable(
  'cases_clock_alert',
  {
    caseId: uuid('case_id').notNull(),
    clock: varchar('clock', { length: 48 }).notNull(),
    /** warning | overdue */
    kind: varchar('kind', { length: 16 }).notNull(),
    /** The run the alert belongs to (a clock restarted by a later step is a new run). */
    runStartedAt: timestamp('run_started_at', { withTimezone: true }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.clock, t.kind, t.runStartedAt] })],
);

/** Dispatch catalogues (派单目录): versioned decision tables routing a case type's reports. */
export const casesCatalogue = pgTable(
  'cases_catalogue',
  {
    typeCode: varchar('type_code', { length: 64 }).notNull(),
    version: integer('version').notNull(),
    rules: jsonb('rules').$type<DispatchRule[]>().notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.typeCode, t.version] })],
);
