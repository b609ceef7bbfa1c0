import './events';
import './permissions';

export { createSupervisionService, type SupervisionService } from './supervision-service';
export { registerSupervisionJobs, REMIND_JOB, OVERDUE_JOB } from './supervision-jobs';
export { TASK_MANAGE, TASK_READ, TASK_REPORT } from './permissions';
export type { TaskAssignmentRef } from './events';
export type {
  CreateTaskInput,
  ListTasksInput,
  ReportInput,
  CompleteInput,
  UrgeInput,
  EvaluateInput,
} from './inputs';
export { APP_PATH } from './inputs';
export type { AssignmentStatus } from './status';
export type {
  TaskView,
  TaskSummary,
  AssignmentView,
  AssignmentSummary,
  AssignmentAction,
  ActivityView,
  FileRef,
} from './task-views';
export type { AssignmentState, TaskGrade, ActivityKind } from './schema';
export { governanceTask, governanceTaskAssignment, governanceTaskActivity } from './schema';
