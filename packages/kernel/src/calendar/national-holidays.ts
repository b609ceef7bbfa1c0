import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { parseDay, yearOf } from './day';

/** A day the State Council notice names: a statutory holiday or a 调休 make-up workday. */
export interface NationalDay {
  kind: 'holiday' | 'makeup_workday';
  /** Official Chinese name, e.g. 春节, 中秋节. */
  name: string;
  nameEn: string;
}

// The package's own functions format dates in the process's local time zone and shift days
// west of UTC; its published JSON (built from the State Council notices) has no such problem.
const source = data as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

// The package abbreviates some names; show the statutory ones.
const OFFICIAL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

const byDay = new Map<number, NationalDay>();
let fromYear = Number.POSITIVE_INFINITY;
let toYear = Number.NEGATIVE_INFINITY;

function load(entries: Record<string, string>, kind: NationalDay['kind']): void {
  for (const [day, label] of Object.entries(entries)) {
    // "Spring Festival,春节,4": English name, Chinese name, length of the break.
    const [nameEn, nameZh] = label.split(',');
    const number = parseDay(day);
    byDay.set(number, { kind, name: OFFICIAL_NAMES[nameZh] ?? nameZh, nameEn });
    fromYear = Math.min(fromYear, yearOf(number));
    toYear = Math.max(toYear, yearOf(number));
  }
}
load(source.holidays, 'holiday');
// A make-up workday never coincides with a holiday; loading them second would win if one did.
load(source.workdays, 'makeup_workday');

/** The years whose holidays and make-up workdays the bundled data knows. */
export const nationalCoverage: { readonly fromYear: number; readonly toYear: number } = Object.freeze({
  fromYear,
  toYear,
});

export function nationalDay(dayNumber: number): NationalDay | undefined {
  return byDay.get(dayNumber);
}

export function isCoveredYear(year: number): boolean {
  return year >= fromYear && year <= toYear;
}
