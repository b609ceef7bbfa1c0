import { InputError } from '../errors';
import { dayOfInstant, MAX_DAY_NUMBER, MS_PER_DAY, startOfDay } from './day';
import type { PeriodMs } from './work-hours';

/** What the arithmetic needs to know about days; all instants are UTC milliseconds. */
export interface WorkingTimeRules {
  isWorkday(dayNumber: number): boolean;
  periods: readonly PeriodMs[];
}

function beyondRange(): InputError {
  return new InputError('calendar.instant.invalid', 'The result falls beyond the supported calendar range.');
}

/** Working milliseconds inside [from, to), both measured from the same Beijing midnight. */
function overlap(periods: readonly PeriodMs[], from: number, to: number): number {
  let total = 0;
  for (const [start, end] of periods) {
    const lo = Math.max(start, from);
    const hi = Math.min(end, to);
    if (hi > lo) total += hi - lo;
  }
  return total;
}

/** Working time in [a, b); negative when b is before a. */
export function workingMsBetween(rules: WorkingTimeRules, a: number, b: number): number {
  if (b < a) return 0 - workingMsBetween(rules, b, a) || 0; // never -0
  const firstDay = dayOfInstant(a);
  const lastDay = dayOfInstant(b);
  let total = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    if (!rules.isWorkday(day)) continue;
    const base = startOfDay(day);
    const from = day === firstDay ? a - base : 0;
    const to = day === lastDay ? b - base : MS_PER_DAY;
    total += overlap(rules.periods, from, to);
  }
  return total;
}

/** The earliest instant at which `ms` of working time have passed since `start`. */
export function addWorkingMs(rules: WorkingTimeRules, start: number, ms: number): number {
  if (ms === 0) return start;
  let remaining = ms;
  let day = dayOfInstant(start);
  let offset = start - startOfDay(day);
  while (day <= MAX_DAY_NUMBER) {
    if (rules.isWorkday(day)) {
      for (const [periodStart, periodEnd] of rules.periods) {
        if (periodEnd <= offset) continue;
        const from = Math.max(periodStart, offset);
        const available = periodEnd - from;
        if (remaining <= available) return startOfDay(day) + from + remaining;
        remaining -= available;
      }
    }
    day++;
    offset = 0;
  }
  throw beyondRange();
}

/** The day number of the n-th working day after `startDay` (n = 0: first working day from it on). */
export function nthWorkingDay(rules: WorkingTimeRules, startDay: number, n: number): number {
  let day = startDay;
  let left = n;
  if (left === 0) {
    while (!rules.isWorkday(day)) if (++day > MAX_DAY_NUMBER) throw beyondRange();
    return day;
  }
  while (left > 0) {
    if (++day > MAX_DAY_NUMBER) throw beyondRange();
    if (rules.isWorkday(day)) left--;
  }
  return day;
}

/** Working days d with dayOf(a) < d ≤ dayOf(b); negative when b is before a. */
export function workingDaysBetween(rules: WorkingTimeRules, a: number, b: number): number {
  const first = dayOfInstant(a);
  const last = dayOfInstant(b);
  if (last < first) return 0 - workingDaysBetween(rules, b, a) || 0;
  let count = 0;
  for (let day = first + 1; day <= last; day++) if (rules.isWorkday(day)) count++;
  return count;
}
