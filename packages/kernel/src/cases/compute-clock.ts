import type { Calendar } from '../calendar';
import type { CaseClock } from './definition';

/** A step of a case's history, as clocks read it. */
export interface ClockStep {
  transition: string;
  at: Date;
}

export interface ClockReading {
  code: string;
  status: 'not_started' | 'running' | 'paused' | 'stopped';
  startedAt: Date | null;
  stoppedAt: Date | null;
  /** Promised deadline, moved later by every pause (while paused: as if resumed now). */
  dueAt: Date | null;
  statutoryDueAt: Date | null;
  warnAt: Date | null;
  /** Working days or hours (per unit) spent paused. */
  paused: number;
  /** Past the promised deadline (at stop, or now while running). */
  overdue: boolean;
}

const HOUR = 3_600_000;

/**
 * Recomputes one clock from the case history alone (so it can always be rebuilt): the last
 * start begins a run, pauses extend it by the working time they took, a stop ends it.
 */
export function computeClock(
  clock: CaseClock,
  steps: readonly ClockStep[],
  calendar: Calendar,
  now: Date,
): ClockReading {
  let status: ClockReading['status'] = 'not_started';
  let startedAt: Date | null = null;
  let stoppedAt: Date | null = null;
  let pauseFrom: Date | null = null;
  let pauses: [Date, Date][] = [];
  for (const step of steps) {
    if ((status === 'not_started' || status === 'stopped') && clock.startOn.includes(step.transition)) {
      status = 'running';
      startedAt = step.at;
      stoppedAt = null;
      pauses = [];
    } else if (status === 'running' && clock.pauseOn.includes(step.transition)) {
      status = 'paused';
      pauseFrom = step.at;
    } else if (status === 'paused' && clock.resumeOn.includes(step.transition)) {
      status = 'running';
      pauses.push([pauseFrom!, step.at]);
    } else if ((status === 'running' || status === 'paused') && clock.stopOn.includes(step.transition)) {
      if (status === 'paused') pauses.push([pauseFrom!, step.at]);
      status = 'stopped';
      stoppedAt = step.at;
    }
  }
  if (!startedAt)
    return {
      code: clock.code,
      status,
      startedAt: null,
      stoppedAt: null,
      dueAt: null,
      statutoryDueAt: null,
      warnAt: null,
      paused: 0,
      overdue: false,
    };
  if (status === 'paused') pauses.push([pauseFrom!, now]);
  const days = clock.unit === 'working_days';
  const paused = pauses.reduce(
    (sum, [a, b]) =>
      sum +
      (days
        ? Math.max(0, calendar.workingDaysBetween(a, b))
        : Math.max(0, calendar.workingTimeBetween(a, b)) / HOUR),
    0,
  );
  const deadline = (limit: number) =>
    days
      ? calendar.addWorkingDays(startedAt!, limit + paused)
      : calendar.addWorkingHours(startedAt!, limit + paused);
  const dueAt = deadline(clock.promised);
  const warnAt = calendar.addWorkingHours(
    startedAt,
    (calendar.workingTimeBetween(startedAt, dueAt) * clock.warnAt) / HOUR,
  );
  const end = stoppedAt ?? now;
  return {
    code: clock.code,
    status,
    startedAt,
    stoppedAt,
    dueAt,
    statutoryDueAt: clock.statutory === undefined ? null : deadline(clock.statutory),
    warnAt,
    paused,
    overdue: end.getTime() > dueAt.getTime(),
  };
}
