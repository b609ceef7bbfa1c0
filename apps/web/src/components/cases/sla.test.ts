import { describe, expect, it } from 'vitest';
import { addDays, beijingDay, countdown, isWeekday, slaTone } from './sla';

// Monday 2025-10-13 10:00 Beijing.
const MONDAY_10 = Date.parse('2025-10-13T02:00:00Z');
const endOfBeijingDay = (day: string) => new Date(Date.parse(`${day}T15:59:59.999Z`)).toISOString();

describe('slaTone', () => {
  const due = endOfBeijingDay('2025-10-16');
  const warn = '2025-10-16T02:00:00Z';

  it('is green while running, orange after the warning time, red past the deadline', () => {
    expect(slaTone({ dueAt: due, warnAt: warn, closedAt: null }, MONDAY_10)).toBe('running');
    expect(slaTone({ dueAt: due, warnAt: warn, closedAt: null }, Date.parse(warn) + 1)).toBe('warning');
    expect(slaTone({ dueAt: due, warnAt: warn, closedAt: null }, Date.parse(due) + 1)).toBe('overdue');
  });

  it('is grey when closed and neutral without a running limit', () => {
    expect(slaTone({ dueAt: due, warnAt: warn, closedAt: due }, MONDAY_10)).toBe('closed');
    expect(slaTone({ dueAt: null, warnAt: null, closedAt: null }, MONDAY_10)).toBe('none');
  });
});

describe('countdown', () => {
  it('counts working days after today, skipping the weekend', () => {
    expect(countdown(endOfBeijingDay('2025-10-16'), MONDAY_10, isWeekday)).toEqual({
      kind: 'left_days',
      n: 3,
    });
    expect(countdown(endOfBeijingDay('2025-10-20'), MONDAY_10, isWeekday)).toEqual({
      kind: 'left_days',
      n: 5,
    });
  });

  it('uses the working calendar when given (a holiday is no working day)', () => {
    const holiday = (day: string) => isWeekday(day) && day !== '2025-10-14';
    expect(countdown(endOfBeijingDay('2025-10-16'), MONDAY_10, holiday)).toEqual({ kind: 'left_days', n: 2 });
  });

  it('gives hours on the due day and after it that day, days once it has passed', () => {
    expect(countdown(endOfBeijingDay('2025-10-13'), MONDAY_10, isWeekday)).toEqual({
      kind: 'due_today',
      n: 14,
    });
    expect(countdown('2025-10-13T01:00:00Z', MONDAY_10, isWeekday)).toEqual({ kind: 'overdue_hours', n: 1 });
    expect(countdown(endOfBeijingDay('2025-10-11'), MONDAY_10, isWeekday)).toEqual({
      kind: 'overdue_days',
      n: 2,
    });
  });
});

describe('days', () => {
  it('reads dates in Beijing time', () => {
    expect(beijingDay(Date.parse('2025-10-12T16:30:00Z'))).toBe('2025-10-13');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
});
