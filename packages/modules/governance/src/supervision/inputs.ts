import { InputError } from '@zhizhi/kernel';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);
const fileIds = z.array(z.uuid()).max(10).default([]);

/** A path inside the platform: one leading slash (not //, which a browser reads as another host). */
export const APP_PATH = /^\/(?![/\\])[^\s\\]*$/;

export const taskSource = z.object({
  label: text(100),
  path: z.string().max(300).regex(APP_PATH, 'must be a path inside the platform, starting with /'),
});

export const createTaskInput = z.object({
  title: text(200),
  requirements: text(5000),
  /** The last day, YYYY-MM-DD (Beijing); the task is due at the end of it. */
  deadline: z.iso.date(),
  departmentIds: z
    .array(z.uuid())
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'departments must not repeat'),
  /** Working days before the deadline for the automatic reminder (0 = the deadline day). */
  remindWorkingDays: z.number().int().min(0).max(30).default(2),
  /** Where the task came from, shown as a link on the task: an app path, never another site. */
  source: taskSource.optional(),
});
export type CreateTaskInput = z.input<typeof createTaskInput>;

export const listTasksInput = z.object({
  /** open / closed, or overdue: open with a department past the deadline unfinished. */
  status: z.enum(['open', 'closed', 'overdue']).optional(),
  departmentId: z.uuid().optional(),
  /** Words in the title. */
  q: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type ListTasksInput = z.input<typeof listTasksInput>;

export const reportInput = z.object({
  progress: z.number().int().min(0).max(100),
  note: text(2000),
  fileIds,
});
export type ReportInput = z.input<typeof reportInput>;

export const completeInput = z.object({ note: text(2000), fileIds });
export type CompleteInput = z.input<typeof completeInput>;

export const urgeInput = z.object({ message: z.string().trim().max(500).optional() });
export type UrgeInput = z.input<typeof urgeInput>;

export const evaluateInput = z.object({
  grade: z.enum(['excellent', 'good', 'pass', 'fail']),
  comment: text(1000),
});
export type EvaluateInput = z.input<typeof evaluateInput>;

/** Parses service input; bad input is an InputError with field errors, before anything changes. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: `/${issue.path.join('/')}`,
    message: issue.message,
  }));
  throw new InputError(
    'governance.task.invalid_input',
    `The input is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`.slice(0, 1000),
    { errors },
  );
}
