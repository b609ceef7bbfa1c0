import { InputError } from '../errors';

/** A calendar day in Beijing time, written `YYYY-MM-DD`. */
export type Day = string;

export const MS_PER_DAY = 86_400_000;
/** Beijing time is UTC+8 all year (China has had no DST since 1991). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

// Bounds keep every day-by-day loop short; nothing in government work needs more.
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;
const MIN_MS = Date.UTC(FIRST_YEAR, 0, 1) - BEIJING_OFFSET_MS;
const MAX_MS = Date.UTC(LAST_YEAR + 1, 0, 1) - BEIJING_OFFSET_MS;
export const MAX_DAY_NUMBER = Date.UTC(LAST_YEAR, 11, 31) / MS_PER_DAY;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

// Days are handled as day numbers (days since 1970-01-01) so arithmetic is integer arithmetic.

/** Day number of a `YYYY-MM-DD` string; InputError `calendar.day.invalid` unless it is a real date. */
export function parseDay(day: unknown): number {
  if (typeof day !== 'string' || !DAY_PATTERN.test(day)) throw invalidDay(day);
  const [year, month, date] = day.split('-').map(Number);
  if (year < FIRST_YEAR || year > LAST_YEAR) throw invalidDay(day);
  const number = Date.UTC(year, month - 1, date) / MS_PER_DAY;
  if (formatDay(number) !== day) throw invalidDay(day);
  return number;
}

export function formatDay(dayNumber: number): Day {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function yearOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

/** The instant (UTC ms) at which the Beijing day begins. */
export function startOfDay(dayNumber: number): number {
  return dayNumber * MS_PER_DAY - BEIJING_OFFSET_MS;
}

/** The Beijing day an instant (UTC ms) falls on. */
export function dayOfInstant(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET_MS) / MS_PER_DAY);
}

/** UTC ms of a Date; InputError `calendar.instant.invalid` when it is not a valid Date in range. */
export function instantMs(value: unknown, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms) || ms < MIN_MS || ms >= MAX_MS) {
    throw new InputError(
      'calendar.instant.invalid',
      `${field} must be a valid date between ${FIRST_YEAR} and ${LAST_YEAR}.`,
      { field },
    );
  }
  return ms;
}

function invalidDay(day: unknown): InputError {
  const shown = typeof day === 'string' ? day.slice(0, 40) : typeof day;
  return new InputError(
    'calendar.day.invalid',
    `"${shown}" is not a date in the form YYYY-MM-DD between ${FIRST_YEAR} and ${LAST_YEAR}.`,
    { day: shown },
  );
}
