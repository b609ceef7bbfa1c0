import type { AssignmentState } from './schema';

/** What a user sees per assignment: 待签收, 办理中, 已办结, 已逾期, 已评价. */
export type AssignmentStatus = 'pending' | 'in_progress' | 'completed' | 'overdue' | 'evaluated';

/** Overdue is derived: not completed by the end of the deadline day. */
export function assignmentStatus(state: AssignmentState, dueAt: Date, now: Date): AssignmentStatus {
  if ((state === 'pending' || state === 'in_progress') && now.getTime() > dueAt.getTime()) return 'overdue';
  return state;
}

/** True while the department still has work to do. */
export function isUnfinished(state: AssignmentState): boolean {
  return state === 'pending' || state === 'in_progress';
}
