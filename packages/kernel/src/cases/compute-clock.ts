import type { Calendar } from '../calendar';
import { InputError } from '../errors';
import type { CaseClock } from './definition';

/** A step of a case's history, as clocks read it. */
export interface ClockStep {
  transition: string;
  at: Date;
  /** Limits set by routing, extensions approved (see HistoryMeta). */
  meta?: { limits?: Record<string, number>; extension?: { clock: string; units: number } } | null;
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
  /** The promised limit in force (routing may set it) and the extensions approved on top. */
  limit: number;
  extended: number;
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
  let limit = clock.promised;
  let extended = 0;
  for (const step of steps) {
    const routed = step.meta?.limits?.[clock.code];
    if (routed !== undefined) limit = routed;
    if (step.meta?.extension?.clock === clock.code) extended += step.meta.extension.units;
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
      limit,
      extended,
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
  const dueAt = deadline(limit + extended);
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
    limit,
    extended,
    overdue: end.getTime() > dueAt.getTime(),
  };
}

/** Denormalised SLA columns of a case from its first clock. */
export function slaColumns(readings: readonly ClockReading[], closing: boolean, wasLate: boolean | null) {
  const first = readings[0];
  if (!first) return { dueAt: null, warnAt: null, late: null };
  const running = first.status === 'running';
  return {
    dueAt: running || first.status === 'paused' ? first.dueAt : null,
    warnAt: running ? first.warnAt : null,
    late: closing ? first.overdue : wasLate,
  };
}

/** Promised limits set on opening or by a step: each names a clock of the type and is 0 < units ≤ 3650. */
export function checkLimits(clocks: readonly CaseClock[], limits: Record<string, number> | undefined): void {
  if (!limits) return;
  for (const [code, units] of Object.entries(limits))
    if (!clocks.some((c) => c.code === code) || !(units > 0 && units <= 3650))
      throw new InputError('cases.transition.invalid_limit', `Invalid time limit for clock ${code}.`);
}
