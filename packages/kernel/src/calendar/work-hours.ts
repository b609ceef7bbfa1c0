import { InputError } from '../errors';

/** One block of office hours on a working day, Beijing time, `HH:MM` (end may be `24:00`). */
export interface WorkPeriod {
  start: string;
  end: string;
}

/** 09:00–12:00 and 13:30–17:30: seven hours, the usual hours of a Zhejiang service hall. */
export const DEFAULT_WORK_HOURS: readonly WorkPeriod[] = Object.freeze([
  Object.freeze({ start: '09:00', end: '12:00' }),
  Object.freeze({ start: '13:30', end: '17:30' }),
]);

/** A work period as milliseconds since Beijing midnight, [start, end). */
export type PeriodMs = readonly [number, number];

const TIME_PATTERN = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutes(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = TIME_PATTERN.exec(value);
  if (!match) return null;
  const total = Number(match[1]) * 60 + Number(match[2]);
  return total <= 24 * 60 ? total : null;
}

/** Validates work hours: at least one period, each start < end, in order, not overlapping. */
export function parseWorkHours(periods: readonly WorkPeriod[]): PeriodMs[] {
  const invalid = (reason: string) =>
    new InputError('calendar.work_hours.invalid', `Work hours are invalid: ${reason}.`, { reason });
  if (!Array.isArray(periods) || periods.length === 0) throw invalid('at least one period is needed');
  const parsed: PeriodMs[] = [];
  let previousEnd = 0;
  for (const period of periods) {
    const start = minutes(period?.start);
    const end = minutes(period?.end);
    if (start === null || end === null) throw invalid('times must be HH:MM between 00:00 and 24:00');
    if (start >= end) throw invalid(`${period.start} is not before ${period.end}`);
    if (start < previousEnd) throw invalid('periods must be in order and must not overlap');
    parsed.push([start * 60_000, end * 60_000]);
    previousEnd = end;
  }
  return parsed;
}
