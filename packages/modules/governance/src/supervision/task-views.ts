import type { Actor } from '@zhizhi/kernel/access';
import { canManage, canReportFor, canSee } from './access';
import type { ActivityRow, AssignmentWithDepartment, TaskRow } from './repository';
import type { ActivityKind, AssignmentState, TaskGrade } from './schema';
import { type AssignmentStatus, assignmentStatus, isUnfinished } from './status';

/** A step the actor may take on an assignment now. */
export type AssignmentAction = 'accept' | 'report' | 'complete' | 'urge' | 'evaluate';

export interface FileRef {
  id: string;
  name: string;
  size: number;
  mime: string;
}

export interface ActivityView {
  id: string;
  kind: ActivityKind;
  progress: number | null;
  note: string | null;
  files: FileRef[];
  actorName: string;
  at: Date;
}

export interface AssignmentSummary {
  id: string;
  departmentId: string;
  departmentName: string;
  departmentNameEn: string;
  status: AssignmentStatus;
  progress: number;
}

export interface AssignmentView extends AssignmentSummary {
  acceptedAt: Date | null;
  acceptedByName: string | null;
  completedAt: Date | null;
  completedByName: string | null;
  /** Completed after the deadline. */
  late: boolean;
  grade: TaskGrade | null;
  evaluation: string | null;
  evaluatedAt: Date | null;
  evaluatedByName: string | null;
  remindedAt: Date | null;
  overdueNotifiedAt: Date | null;
  lastUrgedAt: Date | null;
  urgeCount: number;
  actions: AssignmentAction[];
  /** The timeline; the reports are its `progress` and `completed` entries. */
  activity: ActivityView[];
}

export type TaskSummary = Omit<TaskRow, 'requirements'> & {
  overdue: boolean;
  assignments: AssignmentSummary[];
};

export type TaskView = TaskRow & { overdue: boolean; assignments: AssignmentView[] };

/** The assignments of a task this actor may see (a task's creator sees them all). */
export function visibleAssignments<A extends AssignmentWithDepartment>(
  actor: Actor,
  task: TaskRow,
  all: A[],
) {
  if (task.createdBy && task.createdBy === actor.id) return all;
  return all.filter((a) => canSee(actor, a));
}

export function availableActions(
  actor: Actor,
  a: { state: AssignmentState } & AssignmentWithDepartment,
  dueAt: Date,
  now: Date,
) {
  const actions: AssignmentAction[] = [];
  if (canReportFor(actor, a)) {
    if (a.state === 'pending') actions.push('accept');
    if (a.state === 'in_progress') actions.push('report', 'complete');
  }
  if (canManage(actor, a)) {
    if (isUnfinished(a.state)) actions.push('urge');
    if (a.state === 'completed' || (isUnfinished(a.state) && now > dueAt)) actions.push('evaluate');
  }
  return actions;
}

export function summarise(task: TaskRow, assignments: AssignmentWithDepartment[], now: Date): TaskSummary {
  const { requirements: _, ...rest } = task;
  const items = assignments.map((a) => ({
    id: a.id,
    departmentId: a.departmentId,
    departmentName: a.departmentName,
    departmentNameEn: a.departmentNameEn,
    status: assignmentStatus(a.state, task.dueAt, now),
    progress: a.progress,
  }));
  return { ...rest, overdue: items.some((a) => a.status === 'overdue'), assignments: items };
}

export function fullView(
  actor: Actor,
  task: TaskRow,
  assignments: AssignmentWithDepartment[],
  activity: ActivityRow[],
  files: Map<string, FileRef>,
  now: Date,
): TaskView {
  const views = assignments.map((a): AssignmentView => {
    const { taskId: _t, divisionCode: _d, state, updatedAt: _u, ...rest } = a;
    return {
      ...rest,
      status: assignmentStatus(state, task.dueAt, now),
      late: !!a.completedAt && a.completedAt > task.dueAt,
      actions: availableActions(actor, a, task.dueAt, now),
      activity: activity
        .filter((e) => e.assignmentId === a.id)
        .map((e) => ({
          id: e.id,
          kind: e.kind,
          progress: e.progress,
          note: e.note,
          files: e.fileIds.map((id) => files.get(id)).filter((f): f is FileRef => !!f),
          actorName: e.actorName,
          at: e.at,
        })),
    };
  });
  return { ...task, overdue: views.some((v) => v.status === 'overdue'), assignments: views };
}
