import { InputError } from '../errors';

interface CelErrorLike {
  summary?: unknown;
  code?: unknown;
  range?: { start?: unknown };
  message?: unknown;
}

/** 1-based line and column of a character offset. */
function lineAndColumn(expression: string, offset: number): { line: number; column: number } {
  const before = expression.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Turns anything cel-js (or the JavaScript engine under it) throws into an InputError with
 * `code`, naming the position when cel-js gives one.
 */
export function toRuleError(error: unknown, code: string, expression: string): InputError {
  if (error instanceof InputError) return error;
  const cel = (typeof error === 'object' && error !== null ? error : {}) as CelErrorLike;
  const summary =
    typeof cel.summary === 'string'
      ? cel.summary
      : typeof cel.message === 'string'
        ? cel.message.split('\n')[0]
        : String(error);
  const reason =
    typeof cel.code === 'string' ? cel.code : error instanceof RangeError ? 'resource_limit' : 'error';
  const start = cel.range?.start;
  if (typeof start !== 'number') return new InputError(code, `${summary}.`, { reason });
  const { line, column } = lineAndColumn(expression, start);
  return new InputError(code, `${summary} (line ${line}, column ${column}).`, {
    reason,
    position: start,
    line,
    column,
  });
}
