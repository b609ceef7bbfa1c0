import {
  date,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';

/** A registered indicator (指标): what it measures, its unit and its target. */
export const indicatorsIndicator = pgTable('indicators_indicator', {
  code: varchar('code', { length: 96 }).primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** percent | count | days | hours | score | … */
  unit: varchar('unit', { length: 16 }).notNull(),
  /** higher_better | lower_better */
  direction: varchar('direction', { length: 16 }).notNull(),
  /** The plan's target (e.g. 95 for "≥ 95%"), null when the plan only says "grow". */
  target: doublePrecision('target'),
  /** How it is computed, in words (shown next to the figure). */
  formula: text('formula').notNull(),
  /** Module or pack that owns it. */
  owner: varchar('owner', { length: 48 }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** One computed value of an indicator for a period and a scope (division or department). */
export const indicatorsSnapshot = pgTable(
  'indicators_snapshot',
  {
    code: varchar('code', { length: 96 }).notNull(),
    /** First day of the period, Beijing time. */
    periodStart: date('period_start').notNull(),
    /** day | month | year */
    period: varchar('period', { length: 8 }).notNull(),
    /** division | department */
    scopeType: varchar('scope_type', { length: 16 }).notNull(),
    /** 12-digit division code or department id. */
    scopeCode: varchar('scope_code', { length: 40 }).notNull(),
    numerator: doublePrecision('numerator').notNull(),
    /** For rates; 1 for plain counts. */
    denominator: doublePrecision('denominator').notNull(),
    /** numerator / denominator in the indicator's unit (×100 for percent); null when the denominator is 0. */
    value: doublePrecision('value'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    /** Number of times recomputed (a later recomputation replaces the value). */
    revisions: integer('revisions').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.code, t.periodStart, t.period, t.scopeType, t.scopeCode] })],
);
