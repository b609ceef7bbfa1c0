import {
  boolean,
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
import type { RatingExplanation, RuleSet } from './credit/rating';
import type { CanonicalDrawInput } from './draw/input';
import type { DrawResult } from './draw/draw';
import type { Licence } from './subjects/subject';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Market subjects (市场主体), keyed by 统一社会信用代码. */
export const regulationSubject = pgTable(
  'regulation_subject',
  {
    id: uuid('id').primaryKey(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    name: text('name').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    address: text('address').notNull(),
    /** The standard address it matched (places), when it did. */
    addressId: uuid('address_id'),
    /** The township (or finer) division the subject is in. */
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    industryCode: varchar('industry_code', { length: 5 }).notNull(),
    licences: jsonb('licences').$type<Licence[]>().notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    /** The department that supervises it day to day (e.g. scjgj). */
    departmentCode: varchar('department_code', { length: 32 }).notNull(),
    /** The check character was wrong and a person accepted it. */
    checkOverridden: boolean('check_overridden').notNull(),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('regulation_subject_uscc').on(t.uscc),
    index('regulation_subject_division').on(t.divisionCode),
    index('regulation_subject_name').on(t.name),
  ],
);

/** Every registration and change of a subject: what changed, who, when (status history). */
export const regulationSubjectHistory = pgTable(
  'regulation_subject_history',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id').notNull(),
    version: integer('version').notNull(),
    at: ts('at').notNull(),
    actorName: text('actor_name').notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    /** Field → [before, after]; the first version lists no changes. */
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull(),
  },
  (t) => [uniqueIndex('regulation_subject_history_version').on(t.subjectId, t.version)],
);

/** Credit records (应归尽归): one per licence, penalty, inspection, complaint … */
export const regulationRecord = pgTable(
  'regulation_record',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id').notNull(),
    source: varchar('source', { length: 16 }).notNull(),
    departmentCode: varchar('department_code', { length: 32 }).notNull(),
    date: ts('date').notNull(),
    validUntil: ts('valid_until'),
    repairedAt: ts('repaired_at'),
    severity: integer('severity').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** A line saying what it is, e.g. 行政处罚：未按规定公示食品经营许可证. */
    summary: text('summary').notNull(),
    /** Where it came from (`manual`, `inspection`, `services.commitment` …) and the id there: unique. */
    origin: varchar('origin', { length: 48 }).notNull(),
    originId: varchar('origin_id', { length: 128 }).notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('regulation_record_subject').on(t.subjectId, t.date),
    uniqueIndex('regulation_record_origin').on(t.origin, t.originId),
  ],
);

/** The subjects a sector rule set rates: GB/T 4754 prefixes or a licence type they hold. */
export interface RuleSetScope {
  industryPrefixes: string[];
  licenceTypes: string[];
}

/** Rating rule sets, every version kept; the newest version rates. */
export const regulationRuleSet = pgTable(
  'regulation_rule_set',
  {
    code: varchar('code', { length: 48 }).notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<RuleSet>().notNull(),
    /** Which subjects a sector set rates (a general set rates everyone). */
    appliesTo: jsonb('applies_to').$type<RuleSetScope>().notNull(),
    savedAt: ts('saved_at').notNull(),
    savedBy: text('saved_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.version] })],
);

/** The current class of each subject under each rule set. */
export const regulationRatingCurrent = pgTable(
  'regulation_rating_current',
  {
    subjectId: uuid('subject_id').notNull(),
    ruleSetCode: varchar('rule_set_code', { length: 48 }).notNull(),
    ruleSetVersion: integer('rule_set_version').notNull(),
    creditClass: varchar('credit_class', { length: 1 }).notNull(),
    score: integer('score').notNull(),
    explanation: jsonb('explanation').$type<RatingExplanation[]>().notNull(),
    stats: jsonb('stats').$type<Record<string, number>>().notNull(),
    ratedAt: ts('rated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subjectId, t.ruleSetCode] }),
    index('regulation_rating_current_class').on(t.ruleSetCode, t.creditClass),
  ],
);

/** Rating history: a row each time a subject's class or score under a rule set changes. */
export const regulationRatingHistory = pgTable(
  'regulation_rating_history',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id').notNull(),
    ruleSetCode: varchar('rule_set_code', { length: 48 }).notNull(),
    ruleSetVersion: integer('rule_set_version').notNull(),
    creditClass: varchar('credit_class', { length: 1 }).notNull(),
    previousClass: varchar('previous_class', { length: 1 }),
    score: integer('score').notNull(),
    explanation: jsonb('explanation').$type<RatingExplanation[]>().notNull(),
    /** What caused the re-rating: `record`, `repair`, `rules`, `subject`, `schedule`. */
    reason: varchar('reason', { length: 24 }).notNull(),
    ratedAt: ts('rated_at').notNull(),
  },
  (t) => [index('regulation_rating_history_subject').on(t.subjectId, t.ruleSetCode, t.ratedAt)],
);

/** Early warnings (信用预警) to the supervising department. */
export const regulationWarning = pgTable(
  'regulation_warning',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id').notNull(),
    departmentCode: varchar('department_code', { length: 32 }).notNull(),
    /** `class_worsened` or `risk_records`. */
    kind: varchar('kind', { length: 24 }).notNull(),
    ruleSetCode: varchar('rule_set_code', { length: 48 }).notNull(),
    fromClass: varchar('from_class', { length: 1 }),
    toClass: varchar('to_class', { length: 1 }).notNull(),
    message: text('message').notNull(),
    /** `open`, `acknowledged`. */
    status: varchar('status', { length: 16 }).notNull(),
    subjectNotified: boolean('subject_notified').notNull(),
    createdAt: ts('created_at').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
  },
  (t) => [index('regulation_warning_department').on(t.departmentCode, t.status, t.createdAt)],
);

/** One item of the 检查事项清单. */
export interface ItemChecklistPoint {
  code: string;
  zh: string;
  en: string;
}

/** The inspection item list (检查事项清单). */
export const regulationItem = pgTable('regulation_item', {
  code: varchar('code', { length: 40 }).primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  departmentCode: varchar('department_code', { length: 32 }).notNull(),
  /** 检查依据. */
  legalBasis: text('legal_basis').notNull(),
  /** 检查方式, e.g. 现场检查, 书面检查. */
  method: text('method').notNull(),
  /** Which subjects it applies to: kinds and GB/T 4754 code prefixes (empty: all). */
  subjectKinds: jsonb('subject_kinds').$type<string[]>().notNull(),
  industryPrefixes: jsonb('industry_prefixes').$type<string[]>().notNull(),
  checklist: jsonb('checklist').$type<ItemChecklistPoint[]>().notNull(),
  /** Share of each credit class drawn by default (fewer for A, more for C/D). */
  ratioByClass: jsonb('ratio_by_class').$type<Record<'A' | 'B' | 'C' | 'D', number>>().notNull(),
  /**
   * Frequency per class: a subject is not drawn again for this item within this many days of its
   * last inspection covering it (e.g. A 365, D 30); 0: no limit.
   */
  intervalDaysByClass: jsonb('interval_days_by_class')
    .$type<Record<'A' | 'B' | 'C' | 'D', number>>()
    .notNull()
    .default({ A: 0, B: 0, C: 0, D: 0 }),
  active: boolean('active').notNull(),
});

/** The inspector roster (执法检查人员名录). */
export const regulationInspector = pgTable(
  'regulation_inspector',
  {
    id: uuid('id').primaryKey(),
    /** The staff account that signs in as this inspector. */
    accountId: uuid('account_id'),
    name: text('name').notNull(),
    departmentCode: varchar('department_code', { length: 32 }).notNull(),
    /** 执法证号. */
    badgeNumber: varchar('badge_number', { length: 32 }).notNull(),
    qualifications: jsonb('qualifications').$type<string[]>().notNull(),
    /** Subject ids the inspector declared a conflict with (回避). */
    conflicts: jsonb('conflicts').$type<string[]>().notNull(),
    active: boolean('active').notNull(),
  },
  (t) => [
    uniqueIndex('regulation_inspector_badge').on(t.badgeNumber),
    index('regulation_inspector_account').on(t.accountId),
  ],
);

export interface PlanItem {
  code: string;
  ratioByClass: Record<'A' | 'B' | 'C' | 'D', number>;
}

/**
 * Sampling plans (抽查计划) and their draw: `draft` → `committed` (plan, seed commitment and inputs
 * digest published) → `drawn` (result published) → `published` (seed published).
 */
export const regulationPlan = pgTable(
  'regulation_plan',
  {
    id: uuid('id').primaryKey(),
    number: varchar('number', { length: 32 }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    departmentCode: varchar('department_code', { length: 32 }).notNull(),
    items: jsonb('items').$type<PlanItem[]>().notNull(),
    /** Township codes the plan covers (empty: the whole district). */
    divisionCodes: jsonb('division_codes').$type<string[]>().notNull(),
    minInspectors: integer('min_inspectors').notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    /** Secret until the draw is done; then published. */
    seed: varchar('seed', { length: 128 }),
    seedCommitment: varchar('seed_commitment', { length: 64 }),
    inputsDigest: varchar('inputs_digest', { length: 64 }),
    input: jsonb('input').$type<CanonicalDrawInput>(),
    result: jsonb('result').$type<DrawResult>(),
    resultDigest: varchar('result_digest', { length: 64 }),
    createdAt: ts('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    committedAt: ts('committed_at'),
    drawnAt: ts('drawn_at'),
    seedPublishedAt: ts('seed_published_at'),
  },
  (t) => [uniqueIndex('regulation_plan_number').on(t.number)],
);

/** Inspections: one per visit (综合查一次 covers several departments' items), run as a case. */
export const regulationInspection = pgTable(
  'regulation_inspection',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id'),
    subjectId: uuid('subject_id').notNull(),
    itemCodes: jsonb('item_codes').$type<string[]>().notNull(),
    departmentCodes: jsonb('department_codes').$type<string[]>().notNull(),
    inspectorIds: jsonb('inspector_ids').$type<string[]>().notNull(),
    joint: boolean('joint').notNull(),
    caseId: uuid('case_id'),
    /** `assigned`, `rectifying`, `reinspecting`, `to_publish`, `published`. */
    status: varchar('status', { length: 16 }).notNull(),
    /** `pass` or `fail` once recorded (the final result after re-inspection). */
    result: varchar('result', { length: 8 }),
    /** Checklist answers: point code → `ok` | `problem` | `na`. */
    checklist: jsonb('checklist').$type<Record<string, string>>(),
    findings: text('findings'),
    rectificationDue: varchar('rectification_due', { length: 10 }),
    /** When the shop reported the rectification (or re-inspection found it done). */
    rectifiedAt: ts('rectified_at'),
    /** The last day to publish (20 working days from the end of the inspection), YYYY-MM-DD. */
    publishDue: varchar('publish_due', { length: 10 }),
    referred: boolean('referred').notNull(),
    createdAt: ts('created_at').notNull(),
    inspectedAt: ts('inspected_at'),
    concludedAt: ts('concluded_at'),
    publishedAt: ts('published_at'),
  },
  (t) => [
    index('regulation_inspection_subject').on(t.subjectId, t.createdAt),
    index('regulation_inspection_plan').on(t.planId),
    uniqueIndex('regulation_inspection_case').on(t.caseId),
  ],
);

/** 码上评价: consumers' ratings of a shop, from its code page. */
export const regulationShopReview = pgTable(
  'regulation_shop_review',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id').notNull(),
    stars: integer('stars').notNull(),
    comment: text('comment'),
    createdAt: ts('created_at').notNull(),
    /** A salted hash of the client, to limit repeated reviews; never the address itself. */
    clientHash: varchar('client_hash', { length: 64 }).notNull(),
  },
  (t) => [index('regulation_shop_review_subject').on(t.subjectId, t.createdAt)],
);
