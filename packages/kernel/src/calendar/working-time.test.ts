import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfInstant, parseDay, startOfDay } from './day';
import { type DayOverride, isWorkdayNumber, resolveDay } from './day-info';
import { DEFAULT_WORK_HOURS, parseWorkHours } from './work-hours';
import {
  addWorkingMs,
  nthWorkingDay,
  type WorkingTimeRules,
  workingDaysBetween,
  workingMsBetween,
} from './working-time';

const FROM = Date.parse('2023-06-01T00:00:00+08:00');
const TO = Date.parse('2027-06-01T00:00:00+08:00');
const FIRST_DAY = parseDay('2023-06-01');

function rulesWith(overrides: Map<number, DayOverride>): WorkingTimeRules {
  return {
    periods: parseWorkHours(DEFAULT_WORK_HOURS),
    isWorkday: (day) => isWorkdayNumber(day, overrides.get(day)),
  };
}

/** National data plus a few random admin overrides over the same span. */
const rulesArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1460 }), fc.boolean()), { maxLength: 20 })
  .map((list) => rulesWith(new Map(list.map(([d, w]) => [FIRST_DAY + d, { isWorkday: w, note: 'x' }]))));
const instantArb = fc.integer({ min: FROM, max: TO });
const msArb = fc.integer({ min: 0, max: 300 * 3_600_000 });

/** An instant inside office hours on a working day. */
function insideHours(rules: WorkingTimeRules, dayOffset: number, fraction: number): number {
  const day = nthWorkingDay(rules, FIRST_DAY + dayOffset, 0);
  const total = rules.periods.reduce((sum, [s, e]) => sum + e - s, 0);
  let into = Math.floor(fraction * total);
  for (const [s, e] of rules.periods) {
    if (into < e - s) return startOfDay(day) + s + into;
    into -= e - s;
  }
  throw new Error('unreachable');
}

describe('working-time arithmetic', () => {
  it('adds exactly the working time asked for, from inside office hours', () => {
    fc.assert(
      fc.property(
        rulesArb,
        fc.integer({ min: 0, max: 1400 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        msArb,
        (rules, dayOffset, fraction, ms) => {
          const a = insideHours(rules, dayOffset, fraction);
          expect(workingMsBetween(rules, a, addWorkingMs(rules, a, ms))).toBe(ms);
        },
      ),
    );
  });

  it('returns the earliest such instant from any start', () => {
    fc.assert(
      fc.property(rulesArb, instantArb, msArb, (rules, a, ms) => {
        const end = addWorkingMs(rules, a, ms);
        expect(workingMsBetween(rules, a, end)).toBe(ms);
        if (ms > 0) expect(workingMsBetween(rules, a, end - 1)).toBe(ms - 1);
      }),
    );
  });

  it('is monotonic in the start and in the amount', () => {
    fc.assert(
      fc.property(rulesArb, instantArb, instantArb, msArb, msArb, (rules, a1, a2, m1, m2) => {
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const [less, more] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addWorkingMs(rules, lo, less)).toBeLessThanOrEqual(addWorkingMs(rules, hi, less));
        expect(addWorkingMs(rules, lo, less)).toBeLessThanOrEqual(addWorkingMs(rules, lo, more));
      }),
    );
  });

  it('splits working time additively and never exceeds elapsed time', () => {
    fc.assert(
      fc.property(rulesArb, instantArb, instantArb, instantArb, (rules, a, b, c) => {
        expect(workingMsBetween(rules, a, c)).toBe(
          workingMsBetween(rules, a, b) + workingMsBetween(rules, b, c),
        );
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const spent = workingMsBetween(rules, lo, hi);
        expect(spent).toBeGreaterThanOrEqual(0);
        expect(spent).toBeLessThanOrEqual(hi - lo);
      }),
    );
  });

  it('lands n working days later on a working day, counted the same way back', () => {
    fc.assert(
      fc.property(rulesArb, instantArb, fc.integer({ min: 0, max: 60 }), (rules, start, n) => {
        const startDay = dayOfInstant(start);
        const deadline = nthWorkingDay(rules, startDay, n);
        expect(rules.isWorkday(deadline)).toBe(true);
        expect(deadline).toBeGreaterThanOrEqual(startDay);
        if (n > 0) expect(workingDaysBetween(rules, start, startOfDay(deadline))).toBe(n);
        // n = 0 and n = 1 meet when the start day is a day off: both give the next working day.
        if (n > 0 || rules.isWorkday(startDay)) {
          expect(nthWorkingDay(rules, startDay, n + 1)).toBeGreaterThan(deadline);
        }
      }),
    );
  });

  it('agrees with the day resolver on every day of the covered span', () => {
    const rules = rulesWith(new Map());
    for (let day = FIRST_DAY; day < FIRST_DAY + 1460; day++) {
      expect(rules.isWorkday(day)).toBe(resolveDay(day, undefined).isWorkday);
    }
  });
});
