import { describe, expect, it } from 'vitest';
import { normalizePhone, parseBeijingTime, parseDecimal } from './hotline-values';

const asStart = { date1904: false, dateOnlyMeansEndOfDay: false };
const asDeadline = { date1904: false, dateOnlyMeansEndOfDay: true };
const iso = (value: Parameters<typeof parseBeijingTime>[0], options = asStart) =>
  parseBeijingTime(value, options)?.toISOString() ?? null;

describe('parseBeijingTime', () => {
  it('reads the text forms of real exports as Beijing time', () => {
    for (const text of [
      '2025-10-09 14:03:00',
      '2025-10-09 14:03',
      '2025/10/9 14:03',
      '2025.10.09 14:03:00',
      '2025-10-09T14:03:00',
      '2025-10-09 14:03:00.0',
      '2025年10月9日 14时03分',
      '2025年10月9日 14:03:00',
      '２０２５-１０-０９　１４：０３',
      '2025-10-09T14:03:00+08:00',
      '2025-10-09T06:03:00Z',
      '45939.58541666667',
    ]) {
      expect(iso(text), text).toBe('2025-10-09T06:03:00.000Z');
    }
  });

  it('reads Excel serials and cell dates, rounding away binary fractions of a second', () => {
    expect(iso(45939.58541666667)).toBe('2025-10-09T06:03:00.000Z');
    expect(iso(45939.5854166)).toBe('2025-10-09T06:03:00.000Z');
    expect(iso(44477.58541666667, { ...asStart, date1904: true })).toBe('2025-10-09T06:03:00.000Z');
    expect(iso(new Date(Date.UTC(2025, 9, 9, 14, 2, 59, 999)))).toBe('2025-10-09T06:03:00.000Z');
  });

  it('reads a date without time as the start of the day, or the end of it for a deadline', () => {
    expect(iso('2025-10-16')).toBe('2025-10-15T16:00:00.000Z');
    expect(iso('2025-10-16', asDeadline)).toBe('2025-10-16T15:59:59.000Z');
    expect(iso('2025年10月16日', asDeadline)).toBe('2025-10-16T15:59:59.000Z');
    expect(iso(45946, asDeadline)).toBe('2025-10-16T15:59:59.000Z');
    expect(iso('2025-10-16 00:00:00', asDeadline)).toBe('2025-10-15T16:00:00.000Z');
  });

  it('rejects impossible dates, other text and implausible years', () => {
    for (const value of [
      '2025-02-30 10:00',
      '2025-13-01',
      '2025-10-09 24:00',
      '2025-10-09 14:60',
      '10/09/2025 14:03',
      '昨天下午',
      '5个工作日',
      '20251009',
      '1899-12-31',
      '2100-01-01',
      12,
      true,
      Number.NaN,
    ]) {
      expect(iso(value), String(value)).toBeNull();
    }
  });
});

describe('normalizePhone', () => {
  it('accepts mainland mobiles and landlines with area code in their usual spellings', () => {
    const cases: Record<string, string> = {
      '13900000001': '13900000001',
      '139 0000 0001': '13900000001',
      '139-0000-0001': '13900000001',
      '+86 139 0000 0001': '13900000001',
      '008613900000001': '13900000001',
      '１３９０００００００１': '13900000001',
      '0574-88000001': '0574-88000001',
      '057488000001': '0574-88000001',
      '(0574)88000001': '0574-88000001',
      '（0574）88000001': '0574-88000001',
      '0574 8800 0001': '0574-88000001',
      '0574-8800001': '0574-8800001',
      '010-62000001': '010-62000001',
      '02162000001': '021-62000001',
      '0574-88000001转801': '0574-88000001-801',
      '0574-88000001-801': '0574-88000001-801',
    };
    for (const [input, expected] of Object.entries(cases))
      expect(normalizePhone(input), input).toBe(expected);
  });

  it('rejects masked, short, foreign-looking and area-less numbers', () => {
    for (const input of [
      '139****0001',
      '1390000000',
      '139000000012',
      '12900000001',
      '23900000001',
      '88000001',
      '0574-123',
      '0574-08800001',
      '010-6200001',
      '13900000001转8',
      '13900000001/0574-88000001',
      '无',
      '',
    ]) {
      expect(normalizePhone(input), input).toBeNull();
    }
  });
});

describe('parseDecimal', () => {
  it('reads plain decimals only', () => {
    expect(parseDecimal('121.4062')).toBe(121.4062);
    expect(parseDecimal(' -29.5 ')).toBe(-29.5);
    expect(parseDecimal('１２１.４')).toBe(121.4);
    expect(parseDecimal(29.6553)).toBe(29.6553);
    for (const value of ['121°24′', '1e2', '0x10', '', '121,4', Number.POSITIVE_INFINITY, true]) {
      expect(parseDecimal(value), String(value)).toBeNull();
    }
  });
});
