export {
  createJobs,
  backoffDelay,
  type Jobs,
  type JobsOptions,
  type JobHandler,
  type JobContext,
  type EnqueueOptions,
  type ScheduleOptions,
} from './jobs';
export { jobsJob, jobsSchedule } from './schema';
