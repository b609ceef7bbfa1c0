import type { TaskGrade } from './schema';

/** What every supervision event names: the task, the assignment and its department. */
export interface TaskAssignmentRef {
  taskId: string;
  assignmentId: string;
  departmentId: string;
}

/** Events the supervision service publishes (declared on the kernel's EventMap). */
declare module '@zhizhi/kernel/events' {
  interface EventMap {
    /** A leader dispatched a task: one event per assigned department. */
    'governance.task.assigned': TaskAssignmentRef & { title: string; deadline: string; dueAt: string };
    /** A department signed for its assignment (签收). */
    'governance.task.accepted': TaskAssignmentRef;
    /** A department reported progress. */
    'governance.task.progressed': TaskAssignmentRef & { progress: number };
    /** A department reported completion (办结); `late` when after the deadline. */
    'governance.task.completed': TaskAssignmentRef & { completedAt: string; late: boolean };
    /** A leader urged a department (催办). */
    'governance.task.urged': TaskAssignmentRef & { urgeCount: number };
    /** The automatic reminder before the deadline went out (once per assignment). */
    'governance.task.reminded': TaskAssignmentRef & { dueAt: string };
    /** The deadline passed with the assignment unfinished (once per assignment). */
    'governance.task.overdue': TaskAssignmentRef & { dueAt: string };
    /** A leader graded an assignment; `taskClosed` when it was the last one. */
    'governance.task.evaluated': TaskAssignmentRef & { grade: TaskGrade; taskClosed: boolean };
  }
}
