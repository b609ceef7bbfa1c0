import { formatDay, weekdayOf, yearOf } from './day';
import { isCoveredYear, nationalDay } from './national-holidays';

/** What kind of day it is once national data and overrides are applied. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

/** Everything the calendar knows about one day. */
export interface DayInfo {
  /** `YYYY-MM-DD`, Beijing time. */
  day: string;
  isWorkday: boolean;
  /**
   * `makeup_workday`: a Saturday, Sunday or holiday on which offices work (调休上班);
   * `holiday`: a weekday (or any day named by the notice) on which they do not.
   */
  kind: DayKind;
  /** The festival the day belongs to (春节, 国庆节, 中秋节 …); null on ordinary days. */
  name: string | null;
  /** The same name in English. */
  nameEn: string | null;
  /** True when an admin override decided this day. */
  overridden: boolean;
  /** The override's note; null when not overridden or given without one. */
  note: string | null;
  /**
   * False when the year lies outside the bundled holiday data: then only weekends are days off
   * (plus any overrides), and deadlines that far out may move once the State Council publishes.
   */
  covered: boolean;
}

/** The override part the resolver needs. */
export interface DayOverride {
  isWorkday: boolean;
  note: string | null;
}

/** Applies national data, then the override, to one day. */
export function resolveDay(dayNumber: number, override: DayOverride | undefined): DayInfo {
  const national = nationalDay(dayNumber);
  const weekend = weekdayOf(dayNumber) === 0 || weekdayOf(dayNumber) === 6;
  let kind: DayKind = national?.kind ?? (weekend ? 'weekend' : 'workday');
  let isWorkday = kind === 'workday' || kind === 'makeup_workday';
  if (override && override.isWorkday !== isWorkday) {
    isWorkday = override.isWorkday;
    if (isWorkday) kind = weekend || kind === 'holiday' ? 'makeup_workday' : 'workday';
    else kind = weekend && kind !== 'holiday' ? 'weekend' : 'holiday';
  }
  return {
    day: formatDay(dayNumber),
    isWorkday,
    kind,
    name: national?.name ?? null,
    nameEn: national?.nameEn ?? null,
    overridden: override !== undefined,
    note: override?.note ?? null,
    covered: isCoveredYear(yearOf(dayNumber)),
  };
}

/** The fast path used by the arithmetic: same answer as `resolveDay(...).isWorkday`. */
export function isWorkdayNumber(dayNumber: number, override: DayOverride | undefined): boolean {
  if (override) return override.isWorkday;
  const national = nationalDay(dayNumber);
  if (national) return national.kind === 'makeup_workday';
  const weekday = weekdayOf(dayNumber);
  return weekday !== 0 && weekday !== 6;
}
