const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** How a time limit stands: green running, orange after the warning time, red overdue, grey closed. */
export type SlaTone = 'running' | 'warning' | 'overdue' | 'paused' | 'closed' | 'none';

export interface SlaInput {
  dueAt: string | null;
  warnAt: string | null;
  closedAt: string | null;
  paused?: boolean;
}

export function slaTone({ dueAt, warnAt, closedAt, paused }: SlaInput, now: number): SlaTone {
  if (closedAt) return 'closed';
  if (!dueAt) return 'none';
  if (now > Date.parse(dueAt)) return 'overdue';
  if (paused) return 'paused';
  if (warnAt && now >= Date.parse(warnAt)) return 'warning';
  return 'running';
}

/** The Beijing date of an instant, YYYY-MM-DD (government deadlines run on Beijing time). */
export function beijingDay(at: number): string {
  return new Date(at + 8 * HOUR_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Monday–Friday: the guess when the working calendar cannot be read. */
export function isWeekday(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export type Countdown =
  | { kind: 'left_days'; n: number }
  | { kind: 'due_today'; n: number }
  | { kind: 'overdue_hours'; n: number }
  | { kind: 'overdue_days'; n: number };

/**
 * What is left until a deadline: working days after today (剩 2 个工作日), hours on the due day,
 * or how far past it (超期 3 小时 / 超期 1 天, calendar days).
 */
export function countdown(dueAt: string, now: number, isWorkday: (day: string) => boolean): Countdown {
  const due = Date.parse(dueAt);
  const today = beijingDay(now);
  const dueDay = beijingDay(due);
  if (now > due) {
    if (dueDay === today) return { kind: 'overdue_hours', n: Math.max(1, Math.ceil((now - due) / HOUR_MS)) };
    return { kind: 'overdue_days', n: Math.round((Date.parse(today) - Date.parse(dueDay)) / DAY_MS) };
  }
  if (dueDay === today) return { kind: 'due_today', n: Math.max(1, Math.ceil((due - now) / HOUR_MS)) };
  let n = 0;
  for (let day = addDays(today, 1); day <= dueDay; day = addDays(day, 1)) if (isWorkday(day)) n += 1;
  return { kind: 'left_days', n };
}
