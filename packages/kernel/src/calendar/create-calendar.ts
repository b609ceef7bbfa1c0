import type { Actor } from '../access/actor';
import { requirePermission } from '../access/require-permission';
import { recordAudit } from '../audit/record-audit';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { InputError, NotFoundError } from '../errors';
import { dayOfInstant, formatDay, instantMs, MS_PER_DAY, parseDay, startOfDay } from './day';
import { type DayInfo, isWorkdayNumber, resolveDay } from './day-info';
import { nationalCoverage } from './national-holidays';
import {
  type CalendarOverride,
  deleteOverride,
  findOverride,
  loadOverrides,
  upsertOverride,
} from './override-repository';
import { DEFAULT_WORK_HOURS, parseWorkHours, type WorkPeriod } from './work-hours';
import {
  addWorkingMs,
  nthWorkingDay,
  type WorkingTimeRules,
  workingDaysBetween,
  workingMsBetween,
} from './working-time';

/** What the calendar needs. */
export interface CreateCalendarOptions {
  db: Db;
  clock: Clock;
  /** Office hours on every working day; defaults to 09:00–12:00 and 13:30–17:30 (7 h). */
  workHours?: readonly WorkPeriod[];
  /** The kernel's unit of work; defaults to a plain database transaction. */
  transaction?: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
}

/** What an admin sets for one day. */
export interface SetOverrideInput {
  isWorkday: boolean;
  /** Why, e.g. 台风停止办公 (≤ 200 characters; optional, but the audit log is clearer with one). */
  note?: string | null;
}

/** The working-day calendar: Beijing-time days, national holidays, 调休, admin overrides. */
export interface Calendar {
  /** Kind, festival name and override of one `YYYY-MM-DD` day. */
  dayInfo(day: string): DayInfo;
  /** Every day from `from` to `to` inclusive, at most 400 days. */
  listDays(from: string, to: string): DayInfo[];
  isWorkday(day: string): boolean;
  /** Today in Beijing, by the injected clock. */
  today(): string;
  /**
   * The SLA deadline for a limit of `n` working days (办结时限), Chinese convention: the day
   * of `start` is never counted (受理当日不计), counting begins with the next working day, and
   * the deadline is the end (23:59:59.999 Beijing) of the n-th working day after the start day.
   * A start on a weekend or holiday therefore counts from the next working day as day 1.
   * `n = 0` (即办件) gives the end of the start day if it is a working day, else of the next one.
   */
  addWorkingDays(start: Date, n: number): Date;
  /**
   * The earliest instant at which `hours` of office time have passed since `start`, counting
   * only work hours on working days. A start outside office hours begins at the next opening;
   * a result that lands exactly on a closing time stays there (12:00, not 13:30).
   */
  addWorkingHours(start: Date, hours: number): Date;
  /** Milliseconds of office time in [a, b); negative when b is before a (time overdue). */
  workingTimeBetween(a: Date, b: Date): number;
  /**
   * Working days after a's Beijing day up to and including b's, so that
   * `workingDaysBetween(s, addWorkingDays(s, n)) === n` for n ≥ 1; negative when b is before a.
   */
  workingDaysBetween(a: Date, b: Date): number;
  /** The years the bundled national data covers; other years fall back to weekends only. */
  coverage(): { fromYear: number; toYear: number };
  /** The office hours in use. */
  workHours(): WorkPeriod[];
  /** All overrides, by day. */
  listOverrides(): CalendarOverride[];
  /** Makes a day a working day or a day off. Needs `calendar.manage`; audited. */
  setOverride(actor: Actor, day: string, input: SetOverrideInput): Promise<CalendarOverride>;
  /** Returns a day to the national data. Needs `calendar.manage`; audited. */
  removeOverride(actor: Actor, day: string): Promise<void>;
  /**
   * Reads the overrides from the database. Must be awaited once before first use (startKernel);
   * call it again to pick up other nodes' changes. setOverride and removeOverride call it.
   */
  reload(): Promise<void>;
}

const MAX_LISTED_DAYS = 400;
const MAX_WORKING_DAYS = 3660;
const MAX_NOTE_LENGTH = 200;

/**
 * Builds the calendar. Await `reload()` once before using it: overrides then live in memory, so
 * every query and all SLA arithmetic are synchronous. Throws InputError `calendar.work_hours.invalid`
 * for bad work hours.
 */
export function createCalendar(options: CreateCalendarOptions): Calendar {
  const { db, clock } = options;
  const transaction = options.transaction ?? ((work) => db.transaction(work));
  const workHours = (options.workHours ?? DEFAULT_WORK_HOURS).map((p) => ({ start: p.start, end: p.end }));
  const periods = parseWorkHours(workHours);
  let overrides: Map<number, CalendarOverride> | null = null;

  function loaded(): Map<number, CalendarOverride> {
    // Answering without the overrides would give wrong deadlines silently.
    if (!overrides) throw new Error('The calendar is used before reload() has loaded its overrides.');
    return overrides;
  }

  const rules: WorkingTimeRules = {
    periods,
    isWorkday: (dayNumber) => isWorkdayNumber(dayNumber, loaded().get(dayNumber)),
  };

  async function reload(): Promise<void> {
    const rows = await loadOverrides(db);
    overrides = new Map(rows.map((row) => [parseDay(row.day), row]));
  }

  function dayInfo(day: string): DayInfo {
    const dayNumber = parseDay(day);
    return resolveDay(dayNumber, loaded().get(dayNumber));
  }

  function listDays(from: string, to: string): DayInfo[] {
    const first = parseDay(from);
    const last = parseDay(to);
    if (last < first) throw new InputError('calendar.range.invalid', `${to} is before ${from}.`);
    if (last - first + 1 > MAX_LISTED_DAYS) {
      throw new InputError(
        'calendar.range.too_long',
        `At most ${MAX_LISTED_DAYS} days can be listed at once.`,
      );
    }
    const days: DayInfo[] = [];
    for (let n = first; n <= last; n++) days.push(resolveDay(n, loaded().get(n)));
    return days;
  }

  function addWorkingDays(start: Date, n: number): Date {
    const startMs = instantMs(start, 'start');
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
      throw new InputError(
        'calendar.working_days.invalid',
        `The number of working days must be a whole number from 0 to ${MAX_WORKING_DAYS}.`,
      );
    }
    const deadlineDay = nthWorkingDay(rules, dayOfInstant(startMs), n);
    return new Date(startOfDay(deadlineDay) + MS_PER_DAY - 1);
  }

  function addWorkingHours(start: Date, hours: number): Date {
    const startMs = instantMs(start, 'start');
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > MAX_WORKING_DAYS * 24) {
      throw new InputError('calendar.working_hours.invalid', 'Working hours must be a number ≥ 0.');
    }
    return new Date(addWorkingMs(rules, startMs, Math.round(hours * 3_600_000)));
  }

  async function setOverride(actor: Actor, day: string, input: SetOverrideInput): Promise<CalendarOverride> {
    requirePermission(actor, 'calendar.manage');
    parseDay(day);
    const rawNote = input?.note ?? null;
    const note = typeof rawNote === 'string' ? rawNote.trim() || null : rawNote;
    if (
      typeof input?.isWorkday !== 'boolean' ||
      (note !== null && typeof note !== 'string') ||
      (note?.length ?? 0) > MAX_NOTE_LENGTH
    ) {
      throw new InputError(
        'calendar.override.invalid',
        `An override needs isWorkday (true or false) and at most a ${MAX_NOTE_LENGTH}-character note.`,
      );
    }
    const saved = await transaction(async (tx) => {
      const previous = await findOverride(tx, day);
      const row = await upsertOverride(tx, {
        day,
        isWorkday: input.isWorkday,
        note,
        updatedBy: actor.id,
        updatedAt: clock.now(),
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'calendar.override.set',
        subjectType: 'calendar_day',
        subjectId: day,
        data: {
          isWorkday: row.isWorkday,
          note: row.note,
          previous: previous ? { isWorkday: previous.isWorkday, note: previous.note } : null,
        },
      });
      return row;
    });
    await reload();
    return saved;
  }

  async function removeOverride(actor: Actor, day: string): Promise<void> {
    requirePermission(actor, 'calendar.manage');
    parseDay(day);
    await transaction(async (tx) => {
      const previous = await findOverride(tx, day);
      if (!previous) throw new NotFoundError('calendar.override.not_found', `${day} has no override.`);
      await deleteOverride(tx, day);
      await recordAudit(tx, clock, {
        actor,
        action: 'calendar.override.removed',
        subjectType: 'calendar_day',
        subjectId: day,
        data: { previous: { isWorkday: previous.isWorkday, note: previous.note } },
      });
    });
    await reload();
  }

  return {
    dayInfo,
    listDays,
    isWorkday: (day) => rules.isWorkday(parseDay(day)),
    today: () => formatDay(dayOfInstant(clock.now().getTime())),
    addWorkingDays,
    addWorkingHours,
    workingTimeBetween: (a, b) => workingMsBetween(rules, instantMs(a, 'a'), instantMs(b, 'b')),
    workingDaysBetween: (a, b) => workingDaysBetween(rules, instantMs(a, 'a'), instantMs(b, 'b')),
    coverage: () => ({ ...nationalCoverage }),
    workHours: () => workHours.map((p) => ({ ...p })),
    listOverrides: () =>
      [...loaded().values()].map((o) => ({ ...o })).sort((a, b) => a.day.localeCompare(b.day)),
    setOverride,
    removeOverride,
    reload,
  };
}
