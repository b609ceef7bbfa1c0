import { type Kernel, systemActor } from '@zhizhi/kernel';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { notices } from './notices';
import { type AssignmentRow, supervisionRepository as repo, type TaskRow } from './repository';

export const REMIND_JOB = 'governance.task.remind';
export const OVERDUE_JOB = 'governance.task.overdue';

/** Inside the dispatch transaction: the durable reminder and overdue timers of a task. */
export async function scheduleTaskTimers(kernel: Kernel, tx: Executor, task: TaskRow) {
  if (task.remindAt) {
    await kernel.jobs.enqueue(tx, {
      kind: REMIND_JOB,
      payload: { taskId: task.id },
      runAt: task.remindAt,
      dedupeKey: `governance.task:${task.id}:remind`,
    });
  }
  await kernel.jobs.enqueue(tx, {
    kind: OVERDUE_JOB,
    payload: { taskId: task.id },
    runAt: new Date(task.dueAt.getTime() + 1),
    dedupeKey: `governance.task:${task.id}:overdue`,
  });
}

/**
 * Registers the timer handlers. Each marks the unfinished assignments it alerts (reminded_at,
 * overdue_notified_at) in the job's own transaction, so an alert goes out once even if a timer ran
 * twice; the job claim makes it run once across nodes. Handlers touch the database only through `tx`.
 */
export function registerSupervisionJobs(kernel: Kernel) {
  const { clock } = kernel;

  async function alert(tx: Executor, task: TaskRow, a: AssignmentRow, kind: 'reminded' | 'overdue') {
    const now = clock.now();
    await repo.addActivity(tx, {
      taskId: task.id,
      assignmentId: a.id,
      kind,
      actorId: null,
      actorName: systemActor.name,
      at: now,
    });
    const message = kind === 'reminded' ? notices.reminded(task) : notices.overdue(task);
    await kernel.notifications.notify(tx, { ...message, departmentId: a.departmentId });
    await recordAudit(tx, clock, {
      actor: systemActor,
      action: `governance.task.${kind}`,
      subjectType: 'governance_task',
      subjectId: task.id,
      data: { assignmentId: a.id, departmentId: a.departmentId, dueAt: task.dueAt.toISOString() },
    });
    const ref = {
      taskId: task.id,
      assignmentId: a.id,
      departmentId: a.departmentId,
      dueAt: task.dueAt.toISOString(),
    };
    await kernel.events.publish(
      tx,
      kind === 'reminded' ? 'governance.task.reminded' : 'governance.task.overdue',
      ref,
    );
  }

  kernel.jobs.register(REMIND_JOB, async (payload, { tx }) => {
    const task = await repo.task(tx, String(payload.taskId));
    const now = clock.now();
    // A reminder delayed past the deadline (platform down) says nothing the overdue warning won't.
    if (!task || task.status === 'closed' || now > task.dueAt) return;
    for (const a of await repo.markUnfinished(tx, task.id, 'remindedAt', now))
      await alert(tx, task, a, 'reminded');
  });

  kernel.jobs.register(OVERDUE_JOB, async (payload, { tx }) => {
    const task = await repo.task(tx, String(payload.taskId));
    const now = clock.now();
    if (!task || task.status === 'closed' || now <= task.dueAt) return;
    const late = await repo.markUnfinished(tx, task.id, 'overdueNotifiedAt', now);
    for (const a of late) await alert(tx, task, a, 'overdue');
    if (late.length && task.createdBy) {
      const departments = await repo.departments(
        tx,
        late.map((a) => a.departmentId),
      );
      await kernel.notifications.notify(tx, {
        ...notices.overdueToLeader(task, {
          zh: departments.map((d) => d.name),
          en: departments.map((d) => d.nameEn || d.name),
        }),
        staffId: task.createdBy,
      });
    }
  });
}
