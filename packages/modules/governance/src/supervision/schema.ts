import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/** Stored state of one department's assignment; "overdue" is derived from the deadline, never stored. */
export type AssignmentState = 'pending' | 'in_progress' | 'completed' | 'evaluated';
/** 优秀 / 良好 / 合格 / 不合格. */
export type TaskGrade = 'excellent' | 'good' | 'pass' | 'fail';
/** What happened on an assignment's timeline. */
export type ActivityKind =
  | 'assigned'
  | 'accepted'
  | 'progress'
  | 'completed'
  | 'urged'
  | 'reminded'
  | 'overdue'
  | 'evaluated';

/** A 督查督办 task: a leader's instruction to one or more departments, due at the end of a Beijing day. */
export const governanceTask = pgTable(
  'governance_task',
  {
    id: uuid('id').primaryKey(),
    /** Short title shown in lists and notifications. */
    title: text('title').notNull(),
    /** What the departments must do (the 督办要求). */
    requirements: text('requirements').notNull(),
    /** The last day, YYYY-MM-DD in Beijing time. */
    deadline: date('deadline').notNull(),
    /** The end of the deadline day (23:59:59.999 Beijing). */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** The automatic reminder goes out this many working days before the deadline. */
    remindWorkingDays: integer('remind_working_days').notNull(),
    /** When the reminder is due; null when that moment had passed at dispatch. */
    remindAt: timestamp('remind_at', { withTimezone: true }),
    /** open | closed (closed once every assignment is evaluated). */
    status: varchar('status', { length: 16 }).$type<'open' | 'closed'>().notNull(),
    /** The dispatching staff member (null for the system). */
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** What raised the task, e.g. 驾驶舱预警: the warning's indicator (null when a leader wrote it). */
    sourceLabel: text('source_label'),
    /** The page of that source inside the platform, an app path such as /cockpit/indicators/… */
    sourcePath: text('source_path'),
  },
  (t) => [index('governance_task_status_due').on(t.status, t.dueAt)],
);

/** One department's share of a task: accept, report, complete, be evaluated. */
export const governanceTaskAssignment = pgTable(
  'governance_task_assignment',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => governanceTask.id),
    /** The responsible department (kernel org_department id). */
    departmentId: uuid('department_id').notNull(),
    /** The department's division at dispatch, for scope checks and scoped lists. */
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    state: varchar('state', { length: 16 }).$type<AssignmentState>().notNull(),
    /** Latest reported progress, 0–100. */
    progress: integer('progress').notNull().default(0),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedByName: text('accepted_by_name'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedByName: text('completed_by_name'),
    grade: varchar('grade', { length: 16 }).$type<TaskGrade>(),
    /** The leader's comment with the grade. */
    evaluation: text('evaluation'),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
    evaluatedByName: text('evaluated_by_name'),
    /** Set once by the automatic reminder job. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** Set once by the overdue job when the deadline passed unfinished. */
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    lastUrgedAt: timestamp('last_urged_at', { withTimezone: true }),
    urgeCount: integer('urge_count').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('governance_task_assignment_department').on(t.taskId, t.departmentId),
    index('governance_task_assignment_department_state').on(t.departmentId, t.state),
  ],
);

/** The timeline of an assignment: every step, report, urge, reminder and evaluation. */
export const governanceTaskActivity = pgTable(
  'governance_task_activity',
  {
    /** UUIDv7: orders by time. */
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => governanceTask.id),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => governanceTaskAssignment.id),
    kind: varchar('kind', { length: 16 }).$type<ActivityKind>().notNull(),
    /** Progress reported with this step (progress, completed). */
    progress: integer('progress'),
    /** The report text, urge message or evaluation comment. */
    note: text('note'),
    /** Attached kernel files (files_file ids). */
    fileIds: jsonb('file_ids').$type<string[]>().notNull(),
    /** Who acted (null for the system's timers). */
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('governance_task_activity_assignment').on(t.assignmentId, t.id)],
);
