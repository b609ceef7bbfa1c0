import { describe, expect, it } from 'vitest';
import {
  activeRecords,
  type CreditRecord,
  creditRecordSchema,
  isActive,
  monthsBefore,
  recordStanding,
} from './records';

const asOf = new Date('2025-06-01T00:00:00+08:00');

function record(id: string, patch: Partial<CreditRecord> = {}): CreditRecord {
  return {
    id,
    subjectId: 's1',
    source: 'penalty',
    departmentCode: 'fh-scjg',
    date: new Date('2025-01-10T00:00:00+08:00'),
    validUntil: null,
    repairedAt: null,
    severity: 30,
    data: { amount: 2000 },
    ...patch,
  };
}

describe('activeRecords', () => {
  it('keeps records in effect and drops repaired, expired and future ones', () => {
    const records = [
      record('plain'),
      record('repaired', { repairedAt: new Date('2025-03-01T00:00:00+08:00') }),
      record('expired', { validUntil: new Date('2025-05-01T00:00:00+08:00') }),
      record('expires-later', { validUntil: new Date('2026-01-10T00:00:00+08:00') }),
      record('repaired-later', { repairedAt: new Date('2025-07-01T00:00:00+08:00') }),
      record('future', { date: new Date('2025-06-02T00:00:00+08:00') }),
    ];
    expect(activeRecords(records, asOf).map((r) => r.id)).toEqual([
      'plain',
      'expires-later',
      'repaired-later',
    ]);
  });

  it('stops counting at the instant of expiry or repair', () => {
    expect(isActive(record('a', { validUntil: asOf }), asOf)).toBe(false);
    expect(isActive(record('b', { repairedAt: asOf }), asOf)).toBe(false);
    expect(isActive(record('c', { date: asOf }), asOf)).toBe(true);
  });

  it('rates past moments as they were: a later repair still counted before it', () => {
    const repaired = record('r', { repairedAt: new Date('2025-03-01T00:00:00+08:00') });
    expect(isActive(repaired, new Date('2025-02-01T00:00:00+08:00'))).toBe(true);
    expect(isActive(repaired, new Date('2025-03-02T00:00:00+08:00'))).toBe(false);
  });
});

describe('recordStanding', () => {
  it('tells adverse, favourable and neutral records apart', () => {
    expect(recordStanding(record('p'))).toBe('adverse');
    expect(recordStanding(record('c', { source: 'complaint', data: {} }))).toBe('adverse');
    expect(recordStanding(record('l', { source: 'licence', data: {} }))).toBe('favourable');
    expect(recordStanding(record('i1', { source: 'inspection', data: { result: 'fail' } }))).toBe('adverse');
    expect(recordStanding(record('i2', { source: 'inspection', data: { result: 'pass' } }))).toBe(
      'favourable',
    );
    expect(recordStanding(record('k1', { source: 'commitment', data: { kept: true } }))).toBe('favourable');
    expect(recordStanding(record('k2', { source: 'commitment', data: { kept: false } }))).toBe('adverse');
    expect(recordStanding(record('k3', { source: 'commitment', data: { kept: null } }))).toBe('neutral');
    expect(recordStanding(record('t1', { source: 'tax', data: { violation: true } }))).toBe('adverse');
    expect(recordStanding(record('t2', { source: 'tax', data: { violation: false } }))).toBe('favourable');
  });
});

describe('creditRecordSchema', () => {
  it('parses dates (a plain day is Beijing midnight) and keeps extra data', () => {
    const parsed = creditRecordSchema.parse({
      id: 'r1',
      subjectId: 's1',
      source: 'inspection',
      departmentCode: 'fh-scjg',
      date: '2025-03-01',
      validUntil: '2026-03-01T00:00:00+08:00',
      severity: 20,
      data: { result: 'fail', item: '从业人员健康证明' },
    });
    expect(parsed.date.toISOString()).toBe('2025-02-28T16:00:00.000Z');
    expect(parsed.repairedAt).toBeNull();
    expect(parsed.data).toEqual({ result: 'fail', item: '从业人员健康证明' });
  });

  it('checks data by source and the order of dates, by path', () => {
    const result = creditRecordSchema.safeParse({
      id: 'r1',
      subjectId: 's1',
      source: 'inspection',
      departmentCode: 'fh-scjg',
      date: '2025-03-01',
      validUntil: '2025-02-01',
      repairedAt: '2025-01-01',
      severity: 101,
      data: { result: 'maybe' },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['severity']));
    const second = creditRecordSchema.safeParse({
      id: 'r1',
      subjectId: 's1',
      source: 'inspection',
      departmentCode: 'fh-scjg',
      date: '2025-03-01',
      validUntil: '2025-02-01',
      repairedAt: '2025-01-01',
      severity: 10,
      data: { result: 'maybe' },
    });
    expect(second.error?.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['validUntil', 'repairedAt', 'data.result']),
    );
  });
});

describe('monthsBefore', () => {
  it('counts calendar months in Beijing time', () => {
    expect(monthsBefore(asOf, 12).toISOString()).toBe('2024-05-31T16:00:00.000Z');
    expect(monthsBefore(new Date('2024-02-29T10:00:00+08:00'), 12).toISOString()).toBe(
      '2023-03-01T02:00:00.000Z',
    );
  });
});
