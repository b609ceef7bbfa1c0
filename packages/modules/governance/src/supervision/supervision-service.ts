import { type Actor, InputError, type Kernel, NotFoundError, newId } from '@zhizhi/kernel';
import { requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { canSee, requireSupervisionAccess, visibleAssignmentsSql } from './access';
import { createAssignmentSteps } from './assignment-steps';
import { dayAfter, endOfBeijingDay, reminderTime } from './deadlines';
import {
  type CreateTaskInput,
  createTaskInput,
  type ListTasksInput,
  listTasksInput,
  parseInput,
} from './inputs';
import { notices } from './notices';
import { TASK_MANAGE, TASK_REPORT } from './permissions';
import { type AssignmentRow, supervisionRepository as repo, type TaskRow } from './repository';
import { registerSupervisionJobs, scheduleTaskTimers } from './supervision-jobs';
import { fullView, summarise, type TaskView, visibleAssignments } from './task-views';

/** Supervision is about this year's work; a longer horizon is a typo. */
const MAX_DAYS_AHEAD = 730;

/** Attachments accepted on reports: photos and scanned documents. */
const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

/**
 * 督查督办: leaders dispatch tasks to departments with a deadline; departments accept, report
 * progress and completion; reminders and overdue warnings come from durable timers; leaders urge
 * and evaluate, and the task closes when every department is evaluated. Every change is audited
 * and publishes an outbox event in its transaction.
 */
export function createSupervisionService(kernel: Kernel) {
  const { db, clock } = kernel;
  registerSupervisionJobs(kernel);

  async function createTask(actor: Actor, input: CreateTaskInput): Promise<TaskView> {
    requirePermission(actor, TASK_MANAGE);
    const parsed = parseInput(createTaskInput, input);
    const departments = await repo.departments(db, parsed.departmentIds);
    const missing = parsed.departmentIds.filter((id) => !departments.some((d) => d.id === id && d.active));
    if (missing.length)
      throw new InputError('governance.task.department_not_found', 'No such active department.', {
        departmentIds: missing,
        errors: [{ path: '/departmentIds', message: 'no such active department' }],
      });
    for (const d of departments)
      requirePermission(actor, TASK_MANAGE, { divisionCode: d.divisionCode, departmentId: d.id });
    const calendar = kernel.calendar;
    if (parsed.deadline < calendar.today())
      throw new InputError('governance.task.deadline_past', 'The deadline must be today or later.', {
        errors: [{ path: '/deadline', message: 'must be today or later' }],
      });
    if (parsed.deadline > dayAfter(calendar.today(), MAX_DAYS_AHEAD))
      throw new InputError(
        'governance.task.deadline_too_far',
        `The deadline is at most ${MAX_DAYS_AHEAD} days ahead.`,
        {
          errors: [{ path: '/deadline', message: `at most ${MAX_DAYS_AHEAD} days ahead` }],
        },
      );
    const now = clock.now();
    const remindAt = reminderTime(calendar, parsed.deadline, parsed.remindWorkingDays);
    const task: TaskRow = {
      id: newId(),
      title: parsed.title,
      requirements: parsed.requirements,
      deadline: parsed.deadline,
      dueAt: endOfBeijingDay(parsed.deadline),
      remindWorkingDays: parsed.remindWorkingDays,
      remindAt: remindAt > now ? remindAt : null,
      status: 'open',
      createdBy: actor.id,
      createdByName: actor.name,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      sourceLabel: parsed.source?.label ?? null,
      sourcePath: parsed.source?.path ?? null,
    };
    const assignments = parsed.departmentIds.map((departmentId): AssignmentRow => {
      const d = departments.find((x) => x.id === departmentId)!;
      return {
        id: newId(),
        taskId: task.id,
        departmentId,
        divisionCode: d.divisionCode,
        state: 'pending',
        progress: 0,
        acceptedAt: null,
        acceptedByName: null,
        completedAt: null,
        completedByName: null,
        grade: null,
        evaluation: null,
        evaluatedAt: null,
        evaluatedByName: null,
        remindedAt: null,
        overdueNotifiedAt: null,
        lastUrgedAt: null,
        urgeCount: 0,
        updatedAt: now,
      };
    });
    await kernel.transaction(async (tx) => {
      await repo.insertTask(tx, task, assignments);
      await recordAudit(tx, clock, {
        actor,
        action: 'governance.task.created',
        subjectType: 'governance_task',
        subjectId: task.id,
        data: { title: task.title, deadline: task.deadline, departmentIds: parsed.departmentIds },
      });
      for (const a of assignments) {
        await repo.addActivity(tx, {
          taskId: task.id,
          assignmentId: a.id,
          kind: 'assigned',
          actorId: actor.id,
          actorName: actor.name,
          at: now,
        });
        await kernel.events.publish(tx, 'governance.task.assigned', {
          taskId: task.id,
          assignmentId: a.id,
          departmentId: a.departmentId,
          title: task.title,
          deadline: task.deadline,
          dueAt: task.dueAt.toISOString(),
        });
        await kernel.notifications.notify(tx, { ...notices.assigned(task), departmentId: a.departmentId });
      }
      await scheduleTaskTimers(kernel, tx, task);
    });
    return getTask(actor, task.id);
  }

  /** Tasks the actor may see (some assignment in scope, or dispatched by them), newest first. */
  async function listTasks(actor: Actor, input: ListTasksInput = {}) {
    requireSupervisionAccess(actor);
    const filter = parseInput(listTasksInput, input);
    const now = clock.now();
    const where = repo.taskConditions(
      { ...filter, visible: visibleAssignmentsSql(actor), createdBy: actor.id, now },
      db,
    );
    const { items, total } = await repo.pageOfTasks(db, where, filter.page, filter.pageSize);
    const assignments = await repo.assignments(
      db,
      items.map((t) => t.id),
    );
    return {
      items: items.map((t) =>
        summarise(
          t,
          visibleAssignments(
            actor,
            t,
            assignments.filter((a) => a.taskId === t.id),
          ),
          now,
        ),
      ),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  /** A task with the assignments the actor may see, their timelines and the steps open to the actor. */
  async function getTask(actor: Actor, taskId: string): Promise<TaskView> {
    requireSupervisionAccess(actor);
    const task = await repo.task(db, taskId);
    const assignments = task ? visibleAssignments(actor, task, await repo.assignments(db, [taskId])) : [];
    if (!task || assignments.length === 0)
      throw new NotFoundError('governance.task.not_found', 'No such supervision task.');
    const activity = await repo.activity(
      db,
      assignments.map((a) => a.id),
    );
    const fileIds = [...new Set(activity.flatMap((e) => e.fileIds))];
    const files = new Map((await repo.fileInfo(db, fileIds)).map((f) => [f.id, f]));
    return fullView(actor, task, assignments, activity, files, clock.now());
  }

  /** Stores a report attachment (photo or PDF) for the actor to reference by id. */
  async function uploadAttachment(actor: Actor, file: { name: string; content: Buffer }) {
    requirePermission(actor, TASK_REPORT);
    return kernel.files.store(actor, { ...file, allowed: ATTACHMENT_TYPES });
  }

  /** An attachment of a task, for those who may see the assignment it was reported on. */
  async function readAttachment(actor: Actor, taskId: string, fileId: string) {
    requireSupervisionAccess(actor);
    const task = await repo.task(db, taskId);
    const on = task ? await repo.fileAttachedTo(db, taskId, fileId) : [];
    const assignments = task ? await repo.assignments(db, [taskId]) : [];
    const visible =
      !!task &&
      assignments.some((a) => on.includes(a.id) && (task.createdBy === actor.id || canSee(actor, a)));
    if (!visible)
      throw new NotFoundError('governance.task.file_not_found', 'No such attachment on this task.');
    return kernel.files.read(fileId);
  }

  return {
    createTask,
    listTasks,
    getTask,
    ...createAssignmentSteps(kernel, getTask),
    uploadAttachment,
    readAttachment,
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
