import type { Executor } from '@zhizhi/kernel/db';
import { filesFile } from '@zhizhi/kernel/files';
import { newId } from '@zhizhi/kernel';
import { orgDepartment } from '@zhizhi/kernel/org';
import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  ilike,
  inArray,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { governanceTask, governanceTaskActivity, governanceTaskAssignment } from './schema';

export type TaskRow = typeof governanceTask.$inferSelect;
export type AssignmentRow = typeof governanceTaskAssignment.$inferSelect;
export type AssignmentWithDepartment = AssignmentRow & { departmentName: string; departmentNameEn: string };
export type ActivityRow = typeof governanceTaskActivity.$inferSelect;

const OPEN_STATES = ['pending', 'in_progress'] as const;
const t = governanceTask;
const a = governanceTaskAssignment;

/** The only code that touches the supervision tables. */
export const supervisionRepository = {
  async departments(executor: Executor, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return executor
      .select({
        id: orgDepartment.id,
        name: orgDepartment.name,
        nameEn: orgDepartment.nameEn,
        divisionCode: orgDepartment.divisionCode,
        active: orgDepartment.active,
      })
      .from(orgDepartment)
      .where(inArray(orgDepartment.id, [...ids]));
  },

  async insertTask(tx: Executor, task: TaskRow, assignments: AssignmentRow[]) {
    await tx.insert(t).values(task);
    await tx.insert(a).values(assignments);
  },

  async addActivity(
    tx: Executor,
    entry: Omit<ActivityRow, 'id' | 'fileIds' | 'progress' | 'note'> &
      Partial<Pick<ActivityRow, 'fileIds' | 'progress' | 'note'>>,
  ) {
    await tx.insert(governanceTaskActivity).values({
      id: newId(),
      progress: null,
      note: null,
      fileIds: [],
      ...entry,
    });
  },

  /** A page of tasks matching `where`, newest first, with the total. */
  async pageOfTasks(executor: Executor, where: SQL | undefined, page: number, pageSize: number) {
    const [{ n }] = await executor.select({ n: count() }).from(t).where(where);
    const items = await executor
      .select()
      .from(t)
      .where(where)
      .orderBy(desc(t.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return { items, total: Number(n) };
  },

  /** Conditions on tasks for lists: some visible assignment, filters. */
  taskConditions(
    filter: {
      visible: SQL | undefined;
      createdBy: string | null;
      status?: 'open' | 'closed' | 'overdue';
      departmentId?: string;
      q?: string;
      now: Date;
    },
    executor: Executor,
  ): SQL | undefined {
    const anyAssignment = (condition: SQL | undefined) =>
      exists(
        executor
          .select({ one: sql`1` })
          .from(a)
          .where(and(eq(a.taskId, t.id), condition)),
      );
    const seen: SQL[] = [];
    if (filter.visible) seen.push(anyAssignment(filter.visible));
    if (filter.createdBy) seen.push(eq(t.createdBy, filter.createdBy));
    const conditions: (SQL | undefined)[] = [seen.length ? or(...seen) : sql`false`];
    if (filter.status === 'open' || filter.status === 'closed') conditions.push(eq(t.status, filter.status));
    if (filter.status === 'overdue')
      conditions.push(lt(t.dueAt, filter.now), anyAssignment(inArray(a.state, [...OPEN_STATES])));
    if (filter.departmentId) conditions.push(anyAssignment(eq(a.departmentId, filter.departmentId)));
    if (filter.q) conditions.push(ilike(t.title, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    return and(...conditions);
  },

  async task(executor: Executor, id: string, lock = false) {
    const query = executor.select().from(t).where(eq(t.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },

  /** Assignments of the tasks, with their departments' names, in dispatch order. */
  async assignments(executor: Executor, taskIds: readonly string[]): Promise<AssignmentWithDepartment[]> {
    if (taskIds.length === 0) return [];
    const rows = await executor
      .select({ assignment: a, name: orgDepartment.name, nameEn: orgDepartment.nameEn })
      .from(a)
      .leftJoin(orgDepartment, eq(orgDepartment.id, a.departmentId))
      .where(inArray(a.taskId, [...taskIds]))
      .orderBy(asc(a.id));
    return rows.map((r) => ({
      ...r.assignment,
      departmentName: r.name ?? '',
      departmentNameEn: r.nameEn ?? '',
    }));
  },

  async lockAssignment(tx: Executor, taskId: string, assignmentId: string) {
    const [row] = await tx
      .select()
      .from(a)
      .where(and(eq(a.id, assignmentId), eq(a.taskId, taskId)))
      .for('update');
    return row ?? null;
  },

  async updateAssignment(tx: Executor, id: string, changes: Partial<AssignmentRow>) {
    const [row] = await tx.update(a).set(changes).where(eq(a.id, id)).returning();
    return row;
  },

  async closeTaskIfDone(tx: Executor, taskId: string, now: Date): Promise<boolean> {
    const [{ open }] = await tx
      .select({ open: count() })
      .from(a)
      .where(and(eq(a.taskId, taskId), sql`${a.state} <> 'evaluated'`));
    if (Number(open) > 0) return false;
    await tx.update(t).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(t.id, taskId));
    return true;
  },

  async touchTask(tx: Executor, taskId: string, now: Date) {
    await tx.update(t).set({ updatedAt: now }).where(eq(t.id, taskId));
  },

  async activity(executor: Executor, assignmentIds: readonly string[]) {
    if (assignmentIds.length === 0) return [];
    return executor
      .select()
      .from(governanceTaskActivity)
      .where(inArray(governanceTaskActivity.assignmentId, [...assignmentIds]))
      .orderBy(asc(governanceTaskActivity.id));
  },

  /** Names and sizes of files (never their content). */
  async fileInfo(executor: Executor, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return executor
      .select({ id: filesFile.id, name: filesFile.name, size: filesFile.size, mime: filesFile.mime })
      .from(filesFile)
      .where(inArray(filesFile.id, [...ids]));
  },

  /** Of `ids`, those the staff member uploaded. */
  async ownFileIds(executor: Executor, ids: readonly string[], staffId: string | null) {
    if (ids.length === 0 || !staffId) return [];
    const rows = await executor
      .select({ id: filesFile.id })
      .from(filesFile)
      .where(and(inArray(filesFile.id, [...ids]), eq(filesFile.uploadedBy, staffId)));
    return rows.map((r) => r.id);
  },

  /** True when the file is attached to some activity of the task. */
  async fileAttachedTo(executor: Executor, taskId: string, fileId: string) {
    const rows = await executor
      .select({ assignmentId: governanceTaskActivity.assignmentId })
      .from(governanceTaskActivity)
      .where(
        and(
          eq(governanceTaskActivity.taskId, taskId),
          sql`${governanceTaskActivity.fileIds} @> ${JSON.stringify([fileId])}::jsonb`,
        ),
      );
    return rows.map((r) => r.assignmentId);
  },

  /**
   * Marks the task's unfinished assignments for a timer (reminder or overdue) and returns those
   * newly marked: a marker set once makes each alert go out once, whatever runs it.
   */
  async markUnfinished(tx: Executor, taskId: string, marker: 'remindedAt' | 'overdueNotifiedAt', now: Date) {
    return tx
      .update(a)
      .set({ [marker]: now })
      .where(and(eq(a.taskId, taskId), inArray(a.state, [...OPEN_STATES]), isNull(a[marker])))
      .returning();
  },
};
