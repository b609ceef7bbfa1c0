import { type Actor, ConflictError, InputError, type Kernel, NotFoundError } from '@zhizhi/kernel';
import { requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { canSee, requireReporter } from './access';
import {
  type CompleteInput,
  completeInput,
  type EvaluateInput,
  evaluateInput,
  parseInput,
  type ReportInput,
  reportInput,
  type UrgeInput,
  urgeInput,
} from './inputs';
import { notices } from './notices';
import { TASK_MANAGE, TASK_REPORT } from './permissions';
import { type AssignmentRow, supervisionRepository as repo, type TaskRow } from './repository';
import type { ActivityKind } from './schema';
import { isUnfinished } from './status';
import type { TaskView } from './task-views';

interface Loaded {
  task: TaskRow;
  assignment: AssignmentRow;
}

/** The department's steps (accept, report, complete) and the leader's (urge, evaluate). */
export function createAssignmentSteps(
  kernel: Kernel,
  getTask: (actor: Actor, taskId: string) => Promise<TaskView>,
) {
  const { clock } = kernel;

  /** Locks the assignment (and the task, when closing may follow) inside the transaction. */
  async function load(tx: Executor, actor: Actor, taskId: string, assignmentId: string, lockTask = false) {
    const task = await repo.task(tx, taskId, lockTask);
    const assignment = task ? await repo.lockAssignment(tx, taskId, assignmentId) : null;
    if (!task || !assignment || !(task.createdBy === actor.id || canSee(actor, assignment)))
      throw new NotFoundError('governance.task.assignment_not_found', 'No such assignment.');
    return { task, assignment };
  }

  /** Timeline entry, audit entry and the actor-facing parts every step shares. */
  async function record(
    tx: Executor,
    actor: Actor,
    { task, assignment }: Loaded,
    kind: ActivityKind,
    entry: {
      progress?: number;
      note?: string | null;
      fileIds?: string[];
      data?: Record<string, unknown>;
    } = {},
  ) {
    const now = clock.now();
    await repo.addActivity(tx, {
      taskId: task.id,
      assignmentId: assignment.id,
      kind,
      progress: entry.progress ?? null,
      note: entry.note ?? null,
      fileIds: entry.fileIds ?? [],
      actorId: actor.id,
      actorName: actor.name,
      at: now,
    });
    await repo.touchTask(tx, task.id, now);
    await recordAudit(tx, clock, {
      actor,
      action: `governance.task.${kind === 'progress' ? 'progressed' : kind}`,
      subjectType: 'governance_task',
      subjectId: task.id,
      data: { assignmentId: assignment.id, departmentId: assignment.departmentId, ...entry.data },
    });
    return { taskId: task.id, assignmentId: assignment.id, departmentId: assignment.departmentId };
  }

  function requireInProgress(a: AssignmentRow) {
    if (a.state === 'pending')
      throw new ConflictError('governance.task.not_accepted', 'Accept the assignment first.');
    if (a.state !== 'in_progress')
      throw new ConflictError('governance.task.already_completed', 'The assignment is already completed.');
  }

  async function requireOwnFiles(tx: Executor, actor: Actor, fileIds: string[]) {
    const own = await repo.ownFileIds(tx, fileIds, actor.id);
    const missing = fileIds.filter((id) => !own.includes(id));
    if (missing.length)
      throw new InputError('governance.task.file_not_found', 'Attach only files you uploaded.', {
        fileIds: missing,
        errors: [{ path: '/fileIds', message: 'no such file of yours' }],
      });
  }

  /** 签收. */
  async function accept(actor: Actor, taskId: string, assignmentId: string) {
    requirePermission(actor, TASK_REPORT);
    await kernel.transaction(async (tx) => {
      const loaded = await load(tx, actor, taskId, assignmentId);
      requireReporter(actor, loaded.assignment);
      if (loaded.assignment.state !== 'pending')
        throw new ConflictError('governance.task.already_accepted', 'The assignment is already accepted.');
      const now = clock.now();
      await repo.updateAssignment(tx, assignmentId, {
        state: 'in_progress',
        acceptedAt: now,
        acceptedByName: actor.name,
        updatedAt: now,
      });
      const ref = await record(tx, actor, loaded, 'accepted');
      await kernel.events.publish(tx, 'governance.task.accepted', ref);
    });
    return getTask(actor, taskId);
  }

  /** 进展报送: a percentage, a text and optional attachments. */
  async function report(actor: Actor, taskId: string, assignmentId: string, input: ReportInput) {
    requirePermission(actor, TASK_REPORT);
    const parsed = parseInput(reportInput, input);
    await kernel.transaction(async (tx) => {
      const loaded = await load(tx, actor, taskId, assignmentId);
      requireReporter(actor, loaded.assignment);
      requireInProgress(loaded.assignment);
      await requireOwnFiles(tx, actor, parsed.fileIds);
      await repo.updateAssignment(tx, assignmentId, { progress: parsed.progress, updatedAt: clock.now() });
      const ref = await record(tx, actor, loaded, 'progress', {
        ...parsed,
        data: { progress: parsed.progress },
      });
      await kernel.events.publish(tx, 'governance.task.progressed', { ...ref, progress: parsed.progress });
    });
    return getTask(actor, taskId);
  }

  /** 办结报告. */
  async function complete(actor: Actor, taskId: string, assignmentId: string, input: CompleteInput) {
    requirePermission(actor, TASK_REPORT);
    const parsed = parseInput(completeInput, input);
    await kernel.transaction(async (tx) => {
      const loaded = await load(tx, actor, taskId, assignmentId);
      requireReporter(actor, loaded.assignment);
      requireInProgress(loaded.assignment);
      await requireOwnFiles(tx, actor, parsed.fileIds);
      const now = clock.now();
      const late = now > loaded.task.dueAt;
      await repo.updateAssignment(tx, assignmentId, {
        state: 'completed',
        progress: 100,
        completedAt: now,
        completedByName: actor.name,
        updatedAt: now,
      });
      const ref = await record(tx, actor, loaded, 'completed', { ...parsed, progress: 100, data: { late } });
      await kernel.events.publish(tx, 'governance.task.completed', {
        ...ref,
        completedAt: now.toISOString(),
        late,
      });
      if (loaded.task.createdBy) {
        const [d] = await repo.departments(tx, [ref.departmentId]);
        await kernel.notifications.notify(tx, {
          ...notices.completed(loaded.task, { zh: d?.name ?? '', en: d?.nameEn || d?.name || '' }),
          staffId: loaded.task.createdBy,
        });
      }
    });
    return getTask(actor, taskId);
  }

  /** 催办: a leader presses a department that has not finished. */
  async function urge(actor: Actor, taskId: string, assignmentId: string, input: UrgeInput = {}) {
    requirePermission(actor, TASK_MANAGE);
    const parsed = parseInput(urgeInput, input);
    await kernel.transaction(async (tx) => {
      const loaded = await load(tx, actor, taskId, assignmentId);
      requirePermission(actor, TASK_MANAGE, loaded.assignment);
      if (!isUnfinished(loaded.assignment.state))
        throw new ConflictError('governance.task.already_completed', 'The assignment is already completed.');
      const urgeCount = loaded.assignment.urgeCount + 1;
      await repo.updateAssignment(tx, assignmentId, {
        lastUrgedAt: clock.now(),
        urgeCount,
        updatedAt: clock.now(),
      });
      const ref = await record(tx, actor, loaded, 'urged', {
        note: parsed.message || null,
        data: { urgeCount },
      });
      await kernel.events.publish(tx, 'governance.task.urged', { ...ref, urgeCount });
      await kernel.notifications.notify(tx, {
        ...notices.urged(loaded.task, parsed.message),
        departmentId: ref.departmentId,
      });
    });
    return getTask(actor, taskId);
  }

  /**
   * 评价: grade a completed assignment; one left unfinished past its deadline can only fail.
   * The task closes with its last evaluation (the task row is locked, so two last ones cannot race).
   */
  async function evaluate(actor: Actor, taskId: string, assignmentId: string, input: EvaluateInput) {
    requirePermission(actor, TASK_MANAGE);
    const parsed = parseInput(evaluateInput, input);
    await kernel.transaction(async (tx) => {
      const loaded = await load(tx, actor, taskId, assignmentId, true);
      const { task, assignment } = loaded;
      requirePermission(actor, TASK_MANAGE, assignment);
      const now = clock.now();
      if (assignment.state === 'evaluated')
        throw new ConflictError('governance.task.already_evaluated', 'The assignment is already evaluated.');
      if (isUnfinished(assignment.state) && now <= task.dueAt)
        throw new ConflictError('governance.task.not_completed', 'The department has not completed it yet.');
      if (isUnfinished(assignment.state) && parsed.grade !== 'fail')
        throw new ConflictError(
          'governance.task.unfinished_must_fail',
          'An assignment left unfinished past its deadline can only be graded 不合格 (fail).',
        );
      await repo.updateAssignment(tx, assignmentId, {
        state: 'evaluated',
        grade: parsed.grade,
        evaluation: parsed.comment,
        evaluatedAt: now,
        evaluatedByName: actor.name,
        updatedAt: now,
      });
      const ref = await record(tx, actor, loaded, 'evaluated', {
        note: parsed.comment,
        data: { grade: parsed.grade },
      });
      const taskClosed = await repo.closeTaskIfDone(tx, taskId, now);
      if (taskClosed)
        await recordAudit(tx, clock, {
          actor,
          action: 'governance.task.closed',
          subjectType: 'governance_task',
          subjectId: taskId,
        });
      await kernel.events.publish(tx, 'governance.task.evaluated', {
        ...ref,
        grade: parsed.grade,
        taskClosed,
      });
      await kernel.notifications.notify(tx, {
        ...notices.evaluated(task, parsed.grade),
        departmentId: ref.departmentId,
      });
    });
    return getTask(actor, taskId);
  }

  return { accept, report, complete, urge, evaluate };
}
