import { ApiProblemError } from '@zhizhi/api-client';
import { isKernelError } from '@zhizhi/kernel';
import { problemMessage } from './remote';

/** Code of errors that are neither kernel errors nor API problems (shown without a code). */
export const UNCODED = 'cli.failed';

/** What the CLI prints and exits with for an error. */
export interface ErrorReport {
  code: string;
  message: string;
  exitCode: number;
}

/** Kernel errors and API problems print alike; a locked DATA_DIR exits 3, anything else 1. */
export function errorReport(error: unknown): ErrorReport {
  if (error instanceof ApiProblemError)
    return { code: error.problem.code, message: problemMessage(error.problem), exitCode: 1 };
  if (isKernelError(error))
    return {
      code: error.code,
      message: error.message,
      exitCode: error.code === 'db.data_dir.locked' ? 3 : 1,
    };
  return { code: UNCODED, message: error instanceof Error ? error.message : String(error), exitCode: 1 };
}
