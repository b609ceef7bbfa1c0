// Both standards carry wall-clock time in China Standard Time (UTC+8, no daylight saving).
const CHINA_OFFSET_MS = 8 * 3600_000;

export interface ClockParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** Epoch ms of a China wall-clock time, or null when a field is out of range (30 Feb, 25:00). */
export function chinaTimeToEpoch(parts: ClockParts): number | null {
  const { year, month, day, hour, minute, second, millisecond } = parts;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Date.UTC rolls 30 Feb over to March; reading the parts back rejects such dates.
  const back = new Date(utc);
  const valid =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second &&
    millisecond >= 0 &&
    millisecond < 1000;
  return valid ? utc - CHINA_OFFSET_MS : null;
}

/** China wall-clock parts of an epoch ms. */
export function epochToChinaParts(epochMs: number): ClockParts {
  const d = new Date(epochMs + CHINA_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}
