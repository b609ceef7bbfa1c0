import type { Calendar } from '@zhizhi/kernel/calendar';

const DAY_MS = 86_400_000;

/** The day `n` days after a YYYY-MM-DD day (n may be negative). */
export function dayAfter(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The end of a Beijing day: 23:59:59.999 +08:00. */
export function endOfBeijingDay(day: string): Date {
  return new Date(`${day}T23:59:59.999+08:00`);
}

/**
 * When the automatic reminder goes out: the opening of office hours on the n-th working day before
 * the deadline day (n = 0: the deadline day itself). Deadline Friday, n = 2 → Wednesday 09:00.
 */
export function reminderTime(calendar: Calendar, deadline: string, n: number): Date {
  let day = deadline;
  for (let counted = 0; counted < n; ) {
    day = dayAfter(day, -1);
    if (calendar.isWorkday(day)) counted++;
  }
  const opening = calendar.workHours()[0]?.start ?? '09:00';
  return new Date(`${day}T${opening}:00+08:00`);
}
