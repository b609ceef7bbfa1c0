import { ManualClock } from '@zhizhi/kernel';
import { type Calendar, createCalendar } from '@zhizhi/kernel/calendar';
import type { Database } from '@zhizhi/kernel/db';
import { createTestDatabase } from '@zhizhi/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressionRatio, dueAt } from './limits';

const bj = (local: string) => new Date(`${local}+08:00`);

describe('time limits', () => {
  let database: Database;
  let calendar: Calendar;
  beforeAll(async () => {
    database = await createTestDatabase();
    calendar = createCalendar({ db: database.db, clock: new ManualClock('2025-09-26T02:00:00Z') });
    await calendar.reload();
  });
  afterAll(() => database.close());

  it('counts working days over 国庆 and 中秋 and the 调休 make-up Saturday', () => {
    // Received on the afternoon of 30 Sep 2025: 1–8 Oct are holidays, Sat 11 Oct is a make-up workday.
    const received = bj('2025-09-30T16:00:00');
    expect(dueAt(received, { value: 5, unit: 'working_days' }, calendar)).toEqual(
      bj('2025-10-14T23:59:59.999'),
    );
    // The legal limit of 20 working days and a promised 5 end on different days from one start.
    const legal = dueAt(received, { value: 20, unit: 'working_days' }, calendar);
    const promised = dueAt(received, { value: 5, unit: 'working_days' }, calendar);
    expect(legal.getTime()).toBeGreaterThan(promised.getTime());
    expect(calendar.workingDaysBetween(received, legal)).toBe(20);
  });

  it('counts calendar days and months, and a 即办件 is due at once', () => {
    const received = new Date('2025-01-31T02:00:00Z');
    expect(dueAt(received, { value: 10, unit: 'days' }, calendar)).toEqual(new Date('2025-02-10T02:00:00Z'));
    expect(dueAt(received, { value: 1, unit: 'months' }, calendar)).toEqual(new Date('2025-02-28T02:00:00Z'));
    expect(dueAt(received, { value: 13, unit: 'months' }, calendar)).toEqual(
      new Date('2026-02-28T02:00:00Z'),
    );
    expect(dueAt(received, { value: 0, unit: 'working_days' }, calendar)).toEqual(received);
  });

  it('compresses the promised limit against the legal one (承诺期限压缩比)', () => {
    expect(
      compressionRatio({ value: 20, unit: 'working_days' }, { value: 5, unit: 'working_days' }),
    ).toBeCloseTo(0.75);
    expect(compressionRatio({ value: 0, unit: 'working_days' }, { value: 0, unit: 'working_days' })).toBe(0);
    expect(compressionRatio({ value: 1, unit: 'months' }, { value: 15, unit: 'days' })).toBeCloseTo(0.5);
    expect(compressionRatio({ value: 5, unit: 'working_days' }, { value: 10, unit: 'working_days' })).toBe(0);
  });
});
