import type { Calendar } from '@zhizhi/kernel/calendar';
import type { TimeLimit } from './types';

/**
 * When a limit runs out, counted from `start`: working days on the working calendar (holidays and
 * 调休 make-up days respected), calendar days, or calendar months. A limit of 0 is due at once (即办件).
 */
export function dueAt(start: Date, limit: TimeLimit, calendar: Pick<Calendar, 'addWorkingDays'>): Date {
  if (limit.value === 0) return new Date(start);
  if (limit.unit === 'working_days') return calendar.addWorkingDays(start, limit.value);
  const due = new Date(start);
  if (limit.unit === 'days') {
    due.setUTCDate(due.getUTCDate() + limit.value);
    return due;
  }
  // A month from 31 January is the last day of February, not 3 March.
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + limit.value);
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, lastDay));
  return due;
}

// For comparing limits written in different units: a working week is 5 of 7 days, a month 30 days.
const DAYS_PER_UNIT: Record<TimeLimit['unit'], number> = { working_days: 7 / 5, days: 1, months: 30 };

/** 承诺期限压缩比 = (legal − promised) ÷ legal, in comparable days; 0 when the legal limit is 0. */
export function compressionRatio(legal: TimeLimit, promised: TimeLimit): number {
  const legalDays = legal.value * DAYS_PER_UNIT[legal.unit];
  if (legalDays === 0) return 0;
  const promisedDays = promised.value * DAYS_PER_UNIT[promised.unit];
  return Math.max(0, Math.min(1, (legalDays - promisedDays) / legalDays));
}
