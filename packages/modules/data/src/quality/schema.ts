import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/**
 * A quality score (0–100) of a resource or a department on one day, with its parts. Written by the
 * daily `data.quality.snapshot` job and again after each load (the day's row is replaced).
 */
export const dataQualityScore = pgTable(
  'data_quality_score',
  {
    id: uuid('id').primaryKey(),
    /** resource | department */
    subjectType: varchar('subject_type', { length: 16 }).$type<'resource' | 'department'>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** Beijing date of the snapshot. */
    day: date('day').notNull(),
    score: doublePrecision('score').notNull(),
    /** Share of optional catalog fields filled and of items with rules, 0–1. */
    completeness: doublePrecision('completeness').notNull(),
    /** Rule pass rate of the latest done load, 0–1 (0 with no load). */
    passRate: doublePrecision('pass_rate').notNull(),
    /** 1 when the latest load is within the update cycle, falling to 0 at twice the cycle. */
    timeliness: doublePrecision('timeliness').notNull(),
    /** Objections (数据异议) not yet answered or re-checked. */
    openObjections: integer('open_objections').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('data_quality_score_subject_day').on(t.subjectType, t.subjectId, t.day),
    index('data_quality_score_day').on(t.day),
  ],
);
