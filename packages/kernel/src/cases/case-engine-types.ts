import type { Actor } from '../access';
import type { recordAudit } from '../audit';
import type { Calendar } from '../calendar';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import type { EventBus } from '../events';
import type { Jobs } from '../jobs';
import type { NotificationService } from '../notifications';
import type { ListCasesQuery } from './case-queries';
import type { createCaseTypeStore } from './case-type-store';
import type { ClockReading, ClockStep } from './compute-clock';
import type { CaseTypeDefinition } from './definition';
import type { CaseMeta, casesCase, HistoryMeta } from './schema';

// The case engine's shared types: its inputs, the row, one step, and what its parts share.

export interface CaseServiceDeps {
  db: Db;
  clock: Clock;
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
  publish: EventBus['publish'];
  /** Durable timers for clock warnings and deadlines. */
  jobs: Pick<Jobs, 'enqueue' | 'register'>;
  /** The working-day calendar (a getter: it is loaded when the kernel starts). */
  calendar: () => Calendar;
  /** Staff inboxes, for `notify` effects, 督办 notes and clock alerts. */
  notify?: NotificationService['notify'];
}

export interface OpenCaseInput {
  typeCode: string;
  title: string;
  divisionCode: string;
  departmentId?: string | null;
  data: Record<string, unknown>;
}

export interface TransitionInput {
  transition: string;
  /** The case version the actor saw; a stale one loses with `cases.case.version_conflict`. */
  expectedVersion: number;
  note?: string | null;
  /** Field values this step sets. */
  data?: Record<string, unknown>;
  /** For transitions with `assign: 'input'`. */
  assigneeId?: string | null;
  /** For transitions with `department: 'input'` (dispatch, transfer). */
  departmentId?: string | null;
  /** For `open_children` effects: one co-handling child case per department (协办). */
  coDepartmentIds?: string[];
  /** Promised limits per clock code from now on (the routing's time limit). */
  limits?: Record<string, number>;
  /** Routing grade, kept on the case. */
  grade?: string;
}

export type CaseRow = typeof casesCase.$inferSelect;

export type { ListCasesQuery };

/** What the engine's parts share (handling steps and queries live in their own files). */
export interface CaseEngine {
  db: Db;
  clock: Clock;
  deps: CaseServiceDeps;
  types: ReturnType<typeof createCaseTypeStore>;
  readable(
    actor: Actor,
    caseId: string,
    executor?: Executor,
  ): Promise<{ row: CaseRow; definition: CaseTypeDefinition }>;
  canRead(actor: Actor, row: CaseRow, definition: CaseTypeDefinition): boolean;
  scope(row: CaseRow): { divisionCode: string; departmentId: string | null };
  commitStep(
    tx: Executor,
    row: CaseRow,
    definition: CaseTypeDefinition,
    step: Step,
    expectedVersion: number,
  ): Promise<CaseRow>;
  audited<T>(work: (tx: Executor) => Promise<T>): Promise<T>;
  audit(tx: Executor, entry: Parameters<typeof recordAudit>[2]): void;
  historySteps(tx: Executor, caseId: string): Promise<ClockStep[]>;
  readClocks(definition: CaseTypeDefinition, steps: readonly ClockStep[], now: Date): ClockReading[];
}

/** One committed step: what changes on the case and what the history records. */
export interface Step {
  actor: Actor;
  code: string;
  to: string;
  note?: string | null;
  changes?: Record<string, unknown>;
  assigneeId?: string | null;
  departmentId?: string | null;
  meta?: HistoryMeta;
  caseMeta?: CaseMeta;
  mergedInto?: string | null;
  /** Without a version bump: notes (督办) and extension requests don't race with handling. */
  keepVersion?: boolean;
}
