import type { CellValue } from '@zhizhi/kernel/files';

// XLSX dates arrive as `Date` whose UTC fields hold the wall-clock time Excel shows.
export type { CellValue };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 12345 exports write Beijing time (UTC+8, no daylight saving) without saying so. */
const BEIJING_OFFSET = 8 * HOUR;
// Excel's 1900 serials count from 1899-12-30 (the 1900 leap-year bug folded in); 1904 ones from 1904-01-01.
const SERIAL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const SERIAL_EPOCH_1904 = Date.UTC(1904, 0, 1);
const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2100;

/** The cell as trimmed text: what a person reads in it. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return formatWallClock(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).trim();
}

function formatWallClock(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 19).replace('T', ' ');
}

export interface ParseTimeOptions {
  /** The workbook counts serials from 1904 (old Mac Excel). */
  date1904: boolean;
  /**
   * Read a date without a time of day as the end of that day (23:59:59): a deadline of
   * 2025-10-16 still allows the whole of the 16th.
   */
  dateOnlyMeansEndOfDay: boolean;
}

/** The instant a cell names, read as Beijing time; null when it is no date. */
export function parseBeijingTime(value: CellValue, options: ParseTimeOptions): Date | null {
  if (value instanceof Date) return fromWallClock(value.getTime(), options);
  if (typeof value === 'number') return fromSerial(value, options);
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFKC').trim();
  if (/^\d+(\.\d+)?$/.test(text)) return fromSerial(Number(text), options);
  return fromText(text, options);
}

function fromSerial(serial: number, options: ParseTimeOptions): Date | null {
  if (!Number.isFinite(serial)) return null;
  const epoch = options.date1904 ? SERIAL_EPOCH_1904 : SERIAL_EPOCH_1900;
  return fromWallClock(epoch + serial * DAY, options);
}

/** `wallClock` holds the Beijing wall-clock time in its UTC fields. */
function fromWallClock(wallClock: number, options: ParseTimeOptions): Date | null {
  if (!Number.isFinite(wallClock)) return null;
  // Serials are binary fractions of a day: 14:03 comes back as 14:02:59.9999.
  let rounded = Math.round(wallClock / 1000) * 1000;
  const year = new Date(rounded).getUTCFullYear();
  if (year < EARLIEST_YEAR || year >= LATEST_YEAR) return null;
  if (options.dateOnlyMeansEndOfDay && rounded % DAY === 0) rounded += DAY - 1000;
  return new Date(rounded - BEIJING_OFFSET);
}

// 2025-10-09 14:03:00, 2025/10/9 14:03, 2025.10.09, 2025年10月9日 14时03分, 2025-10-09T14:03:00+08:00
const DATE_TIME =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:(?:\s+|T)(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.\d{1,6})?秒?)?分?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function fromText(text: string, options: ParseTimeOptions): Date | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, zone] = match;
  const parts = [year, month, day, hour ?? 0, minute ?? 0, second ?? 0].map(Number);
  const [y, mo, d, h, mi, s] = parts;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const wallClock = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(wallClock).getUTCDate() !== d) return null; // 2025-02-30
  if (zone === undefined) {
    return fromWallClock(wallClock, {
      ...options,
      dateOnlyMeansEndOfDay: options.dateOnlyMeansEndOfDay && !hour,
    });
  }
  if (y < EARLIEST_YEAR || y >= LATEST_YEAR) return null;
  return new Date(wallClock - zoneOffset(zone));
}

function zoneOffset(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * HOUR + Number(digits.slice(3, 5)) * 60_000);
}

/**
 * A mainland mobile number as its 11 digits, or a landline as `0574-88123456` (with `-801` for
 * an extension); null when the text is neither. A +86 / 0086 prefix, spaces, hyphens and
 * brackets around the area code are accepted.
 */
export function normalizePhone(text: string): string | null {
  let value = text.normalize('NFKC').replace(/\s/g, '');
  let extension = '';
  const marked = /^(.*?)(?:转|分机|ext\.?|#)(\d{1,6})$/i.exec(value);
  const dashed = /^(\(?0\d{2,3}\)?-?\d{7,8})-(\d{1,6})$/.exec(value);
  const withExtension = marked ?? dashed;
  if (withExtension) [, value, extension] = withExtension;
  const digits = value.replace(/^(\+86|0086)-?/, '').replace(/[-()]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  if (/^1[3-9]\d{9}$/.test(digits)) return extension ? null : digits;
  const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
  const local = digits.slice(areaLength);
  if (!/^0[1-9]/.test(digits) || !/^[2-9]\d{6,7}$/.test(local)) return null;
  if (areaLength === 3 && local.length !== 8) return null;
  return `${digits.slice(0, areaLength)}-${local}${extension ? `-${extension}` : ''}`;
}

/** A decimal coordinate; null when the cell holds anything else. */
export function parseDecimal(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFKC').trim();
  return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}
