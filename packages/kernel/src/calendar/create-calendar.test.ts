import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import type { Database } from '../db';
import { createTestDatabase } from '../testing';
import { type Calendar, createCalendar } from '.';

const bj = (local: string) => new Date(`${local}+08:00`);
const HOUR = 3_600_000;

describe('calendar', () => {
  let database: Database;
  let calendar: Calendar;
  const clock = new ManualClock('2025-09-26T02:00:00Z');
  beforeAll(async () => {
    database = await createTestDatabase();
    calendar = createCalendar({ db: database.db, clock });
    await calendar.reload();
  });
  afterAll(() => database.close());

  describe('national days', () => {
    it('names the 2025 Spring Festival make-up workdays on a Sunday and a Saturday', () => {
      for (const day of ['2025-01-26', '2025-02-08']) {
        expect(calendar.dayInfo(day)).toMatchObject({
          day,
          isWorkday: true,
          kind: 'makeup_workday',
          name: '春节',
          overridden: false,
          note: null,
          covered: true,
        });
      }
    });

    it('marks 2025-10-01..08 as holidays, with 中秋节 on the 6th', () => {
      const days = calendar.listDays('2025-10-01', '2025-10-08');
      expect(days.map((d) => d.kind)).toEqual(Array(8).fill('holiday'));
      expect(days.map((d) => d.name)).toEqual([...Array(5).fill('国庆节'), '中秋节', '国庆节', '国庆节']);
      expect(days.every((d) => !d.isWorkday)).toBe(true);
    });

    it('marks 2025-09-28 and 2025-10-11 as make-up workdays and 2025-10-12 as a weekend', () => {
      expect(calendar.isWorkday('2025-09-28')).toBe(true);
      expect(calendar.dayInfo('2025-10-11').kind).toBe('makeup_workday');
      expect(calendar.dayInfo('2025-10-12')).toMatchObject({ kind: 'weekend', isWorkday: false, name: null });
      expect(calendar.dayInfo('2025-10-09')).toMatchObject({ kind: 'workday', isWorkday: true });
    });

    it('knows 2024: 春节 2-10..17 off, 2-4 and 2-18 (Sundays) worked, 中秋 9-14 (Saturday) worked', () => {
      expect(calendar.listDays('2024-02-10', '2024-02-17').every((d) => d.kind === 'holiday')).toBe(true);
      expect(calendar.dayInfo('2024-02-04').kind).toBe('makeup_workday');
      expect(calendar.dayInfo('2024-02-18').kind).toBe('makeup_workday');
      expect(calendar.dayInfo('2024-09-14')).toMatchObject({ kind: 'makeup_workday', name: '中秋节' });
      expect(calendar.dayInfo('2024-10-07')).toMatchObject({ kind: 'holiday', name: '国庆节' });
    });

    it('falls back to weekends only beyond the bundled years and says so', () => {
      const { fromYear, toYear } = calendar.coverage();
      expect(fromYear).toBe(2004);
      expect(toYear).toBeGreaterThanOrEqual(2026);
      const later = `${toYear + 1}-10-01`;
      expect(calendar.dayInfo(later)).toMatchObject({ covered: false, name: null });
      expect(['workday', 'weekend']).toContain(calendar.dayInfo(later).kind);
      expect(calendar.dayInfo('2199-12-31')).toMatchObject({ kind: 'workday', covered: false }); // a Tuesday
      expect(calendar.dayInfo('1999-10-01')).toMatchObject({ kind: 'workday', covered: false }); // a Friday
    });

    it('rejects impossible days with calendar.day.invalid', () => {
      for (const bad of ['2025-02-29', '2025-13-01', '2025-1-1', '20250101', '', '2300-01-01']) {
        expect(() => calendar.dayInfo(bad)).toThrow(
          expect.objectContaining({ code: 'calendar.day.invalid' }),
        );
      }
    });

    it('limits listDays to 400 days and an ordered range', () => {
      expect(calendar.listDays('2025-01-01', '2026-02-04')).toHaveLength(400);
      expect(() => calendar.listDays('2025-01-01', '2026-02-05')).toThrow(
        expect.objectContaining({ code: 'calendar.range.too_long' }),
      );
      expect(() => calendar.listDays('2025-01-02', '2025-01-01')).toThrow(
        expect.objectContaining({ code: 'calendar.range.invalid' }),
      );
    });

    it('tells today in Beijing, not UTC', () => {
      const c = new ManualClock('2025-12-31T16:30:00Z');
      expect(createCalendar({ db: database.db, clock: c }).today()).toBe('2026-01-01');
    });

    it('refuses to answer before the overrides are loaded', () => {
      const cold = createCalendar({ db: database.db, clock });
      expect(() => cold.isWorkday('2025-10-01')).toThrow(/reload/);
    });
  });

  describe('working days', () => {
    it('counts 5 working days across 国庆 2025 from the next working day', () => {
      // 9-30 (Tue) received: 10-09, 10-10, 10-11 (Sat, make-up), 10-13, 10-14.
      expect(calendar.addWorkingDays(bj('2025-09-30T16:00:00'), 5)).toEqual(bj('2025-10-14T23:59:59.999'));
      // 9-26 (Fri): 9-28 (Sun, make-up), 9-29, 9-30, 10-09, 10-10.
      expect(calendar.addWorkingDays(bj('2025-09-26T10:00:00'), 5)).toEqual(bj('2025-10-10T23:59:59.999'));
    });

    it('starts counting on the next working day when received on a weekend or holiday', () => {
      expect(calendar.addWorkingDays(bj('2025-10-04T10:00:00'), 1)).toEqual(bj('2025-10-09T23:59:59.999'));
      expect(calendar.addWorkingDays(bj('2025-01-25T10:00:00'), 1)).toEqual(bj('2025-01-26T23:59:59.999'));
    });

    it('gives 即办件 (n = 0) the end of the start day, or of the next working day', () => {
      expect(calendar.addWorkingDays(bj('2025-09-30T09:00:00'), 0)).toEqual(bj('2025-09-30T23:59:59.999'));
      expect(calendar.addWorkingDays(bj('2025-10-01T09:00:00'), 0)).toEqual(bj('2025-10-09T23:59:59.999'));
    });

    it('uses the Beijing day of the start instant', () => {
      // 2025-09-30T16:30Z is already 10-01 00:30 in Beijing.
      expect(calendar.addWorkingDays(new Date('2025-09-30T16:30:00Z'), 1)).toEqual(
        bj('2025-10-09T23:59:59.999'),
      );
    });

    it('counts working days between two instants the same way', () => {
      expect(calendar.workingDaysBetween(bj('2025-09-30T10:00:00'), bj('2025-10-14T08:00:00'))).toBe(5);
      expect(calendar.workingDaysBetween(bj('2025-10-14T08:00:00'), bj('2025-09-30T10:00:00'))).toBe(-5);
      expect(calendar.workingDaysBetween(bj('2025-10-01T10:00:00'), bj('2025-10-08T10:00:00'))).toBe(0);
    });

    it('rejects a bad count or date', () => {
      expect(() => calendar.addWorkingDays(bj('2025-01-01T00:00:00'), 1.5)).toThrow(
        expect.objectContaining({ code: 'calendar.working_days.invalid' }),
      );
      expect(() => calendar.addWorkingDays(new Date('nope'), 1)).toThrow(
        expect.objectContaining({ code: 'calendar.instant.invalid' }),
      );
    });
  });

  describe('working hours', () => {
    it('skips the lunch break', () => {
      expect(calendar.addWorkingHours(bj('2025-09-30T11:00:00'), 2)).toEqual(bj('2025-09-30T14:30:00'));
      expect(calendar.addWorkingHours(bj('2025-09-30T11:00:00'), 1)).toEqual(bj('2025-09-30T12:00:00'));
    });

    it('carries over nights, weekends and holidays', () => {
      // 9-30 16:30 → 1 h left that day; 国庆 off; 10-09 09:00 + 2 h.
      expect(calendar.addWorkingHours(bj('2025-09-30T16:30:00'), 3)).toEqual(bj('2025-10-09T11:00:00'));
      // Friday 10-10 17:00 → Saturday 10-11 is a make-up workday.
      expect(calendar.addWorkingHours(bj('2025-10-10T17:00:00'), 1)).toEqual(bj('2025-10-11T09:30:00'));
    });

    it('starts at the next opening when the start is out of hours', () => {
      expect(calendar.addWorkingHours(bj('2025-09-30T06:00:00'), 1)).toEqual(bj('2025-09-30T10:00:00'));
      expect(calendar.addWorkingHours(bj('2025-09-30T12:10:00'), 0.5)).toEqual(bj('2025-09-30T14:00:00'));
      expect(calendar.addWorkingHours(bj('2025-09-30T20:00:00'), 7)).toEqual(bj('2025-10-09T17:30:00'));
    });

    it('measures working time between two instants', () => {
      expect(calendar.workingTimeBetween(bj('2025-09-30T08:00:00'), bj('2025-10-09T10:00:00'))).toBe(
        8 * HOUR,
      );
      expect(calendar.workingTimeBetween(bj('2025-10-09T10:00:00'), bj('2025-09-30T08:00:00'))).toBe(
        -8 * HOUR,
      );
    });

    it('gives back exactly the hours added, through the service', () => {
      const start = Date.parse('2024-01-01T00:00:00+08:00');
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 3 * 365 * 24 * 60 }),
          fc.integer({ min: 0, max: 4 * 200 }),
          (minute, quarters) => {
            const a = new Date(start + minute * 60_000);
            const b = calendar.addWorkingHours(a, quarters / 4);
            expect(calendar.workingTimeBetween(a, b)).toBe(quarters * 15 * 60_000);
            expect(b >= a).toBe(true);
          },
        ),
      );
    });

    it('honours configured work hours', async () => {
      const cal = createCalendar({
        db: database.db,
        clock,
        workHours: [
          { start: '08:30', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
      });
      await cal.reload();
      expect(cal.addWorkingHours(bj('2025-09-30T11:00:00'), 2)).toEqual(bj('2025-09-30T15:00:00'));
      expect(() =>
        createCalendar({ db: database.db, clock, workHours: [{ start: '13:00', end: '12:00' }] }),
      ).toThrow(expect.objectContaining({ code: 'calendar.work_hours.invalid' }));
    });
  });
});
