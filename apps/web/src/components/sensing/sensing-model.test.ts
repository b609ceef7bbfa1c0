import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  awaitingCase,
  axisBounds,
  formatReading,
  levelColour,
  mergeStreamValues,
  seriesPoints,
  severityColour,
  sortWarnings,
  stationColour,
  stationRank,
  thresholdLines,
} from './sensing-model';
import type { SensingRule } from './types';

const rule = (over: Partial<SensingRule> & { params: Record<string, unknown> }): SensingRule => ({
  id: 'r',
  code: 'c',
  nameZh: '规则',
  nameEn: 'Rule',
  alarmType: 't',
  severity: 'major',
  active: true,
  ...over,
});

const TINGXIA = { flood_limit_level: 78, warning_level: 83, guarantee_level: 86, river: '剡江' };

describe('thresholdLines', () => {
  it('resolves attribute names to the station’s levels and keeps numbers, sorted by value', () => {
    const rules = [
      rule({
        nameZh: '超保证水位',
        severity: 'critical',
        params: { kind: 'threshold', metric: 'water_level', op: '>', value: 'guarantee_level' },
      }),
      rule({
        nameZh: '超警戒水位',
        params: { kind: 'threshold', metric: 'water_level', op: '>', value: 'warning_level' },
      }),
      rule({
        nameZh: '低水位',
        severity: 'minor',
        params: { kind: 'threshold', metric: 'water_level', op: '<', value: 60 },
      }),
      rule({ params: { kind: 'threshold', metric: 'rain_1h', op: '>', value: 30 } }),
      rule({ params: { kind: 'rate', metric: 'water_level', ratePerHour: 0.5 } }),
    ];
    expect(thresholdLines(rules, TINGXIA, 'water_level')).toEqual([
      { value: 60, attribute: null, ruleNameZh: '低水位', ruleNameEn: 'Rule', severity: 'minor', op: '<' },
      {
        value: 83,
        attribute: 'warning_level',
        ruleNameZh: '超警戒水位',
        ruleNameEn: 'Rule',
        severity: 'major',
        op: '>',
      },
      {
        value: 86,
        attribute: 'guarantee_level',
        ruleNameZh: '超保证水位',
        ruleNameEn: 'Rule',
        severity: 'critical',
        op: '>',
      },
    ]);
  });

  it('leaves out inactive rules, missing or non-numeric attributes and duplicates', () => {
    const rules = [
      rule({ active: false, params: { kind: 'threshold', metric: 'water_level', op: '>', value: 90 } }),
      rule({ params: { kind: 'threshold', metric: 'water_level', op: '>', value: 'check_flood_level' } }),
      rule({ params: { kind: 'threshold', metric: 'water_level', op: '>', value: 'river' } }),
      rule({ params: { kind: 'threshold', metric: 'water_level', op: '>', value: 'warning_level' } }),
      rule({ params: { kind: 'threshold', metric: 'water_level', op: '>', value: 'warning_level' } }),
    ];
    expect(thresholdLines(rules, TINGXIA, 'water_level').map((line) => line.value)).toEqual([83]);
  });

  it('accepts attribute values stored as numeric strings', () => {
    const rules = [rule({ params: { kind: 'threshold', metric: 'noise_leq', op: '>', value: 'limit' } })];
    expect(thresholdLines(rules, { limit: '70' }, 'noise_leq')[0]?.value).toBe(70);
  });
});

describe('colours', () => {
  it('maps severities and township levels onto 红 橙 黄 蓝', () => {
    expect(
      ['critical', 'major', 'minor', 'warning', 'indeterminate'].map((s) => severityColour(s as never)),
    ).toEqual(['red', 'orange', 'yellow', 'blue', 'none']);
    expect([0, 1, 2, 3, 4, 5].map(levelColour)).toEqual(['none', 'red', 'orange', 'yellow', 'blue', 'none']);
  });

  it('colours a station by status, alarms by their worst severity', () => {
    expect(stationColour({ status: 'normal', worstSeverity: null })).toBe('#2b8a3e');
    expect(stationColour({ status: 'offline', worstSeverity: 'critical' })).toBe('#6b6b6b');
    expect(stationColour({ status: 'alarm', worstSeverity: 'critical' })).toBe('#c8102e');
    expect(stationColour({ status: 'alarm', worstSeverity: 'minor' })).toBe('#f5c400');
  });

  it('ranks critical alarms before lesser ones, offline and normal last', () => {
    const ranks = [
      stationRank({ status: 'normal', worstSeverity: null }),
      stationRank({ status: 'alarm', worstSeverity: 'minor' }),
      stationRank({ status: 'offline', worstSeverity: null }),
      stationRank({ status: 'alarm', worstSeverity: 'critical' }),
    ];
    expect(ranks).toEqual([20, 2, 10, 0]);
  });
});

describe('mergeStreamValues', () => {
  const station = (id: string, value: number, ts: string) => ({
    id,
    values: { water_level: { value, ts } },
  });

  it('takes newer values, keeps older ones and untouched stations by identity', () => {
    const a = station('a', 76.7, '2026-11-30T03:00:00.000Z');
    const b = station('b', 5, '2026-11-30T03:00:00.000Z');
    const later = Date.parse('2026-11-30T03:00:05.000Z');
    const earlier = Date.parse('2026-11-30T02:59:00.000Z');
    const [a2, b2] = mergeStreamValues([a, b], {
      a: { water_level: { value: 86.5, ts: later }, rain_1h: { value: 3, ts: later } },
      c: { water_level: { value: 1, ts: later } },
    });
    expect(a2?.values).toEqual({
      water_level: { value: 86.5, ts: '2026-11-30T03:00:05.000Z' },
      rain_1h: { value: 3, ts: '2026-11-30T03:00:05.000Z' },
    });
    expect(b2).toBe(b);
    const [a3] = mergeStreamValues([a], { a: { water_level: { value: 1, ts: earlier } } });
    expect(a3).toBe(a);
  });

  it('never shows an older value than the one it had (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: 0, max: 2e12 }), (shown, incoming) => {
        const before = station('s', 1, new Date(shown).toISOString());
        const [after] = mergeStreamValues([before], { s: { water_level: { value: 2, ts: incoming } } });
        const ts = Date.parse(after!.values.water_level!.ts);
        expect(ts).toBe(Math.max(shown, incoming));
      }),
    );
  });
});

describe('sortWarnings and formatReading', () => {
  it('puts red first and townships without a warning last', () => {
    const sorted = sortWarnings([
      { townshipCode: '330213001000', level: 0 },
      { townshipCode: '330213100000', level: 1 },
      { townshipCode: '330213002000', level: 4 },
      { townshipCode: '330213003000', level: 2 },
    ]);
    expect(sorted.map((w) => w.level)).toEqual([1, 2, 4, 0]);
  });

  it('formats readings with at least one decimal and no noise', () => {
    expect([83, 86.5, 76.713, 0, null].map((v) => formatReading(v))).toEqual([
      '83.0',
      '86.5',
      '76.71',
      '0.0',
      '—',
    ]);
  });
});

describe('seriesPoints', () => {
  it('keeps complete finite points, sorted by time', () => {
    expect(
      seriesPoints([
        [2000, 2, 1, 3],
        [1000, 1, 0.5, 1.5],
        [3000, Number.NaN, 1, 2],
        [4000, 1],
      ]),
    ).toEqual([
      [1000, 1, 0.5, 1.5],
      [2000, 2, 1, 3],
    ]);
  });
});

describe('awaitingCase', () => {
  const now = Date.parse('2026-11-30T04:00:00Z');
  const alarm = (over: Partial<Parameters<typeof awaitingCase>[0][number]> = {}) => ({
    status: 'active',
    severity: 'critical' as const,
    caseId: null,
    startTs: '2026-11-30T03:59:30Z',
    ...over,
  });

  it('holds for a fresh severe active alarm without a case', () => {
    expect(awaitingCase([alarm()], now)).toBe(true);
    expect(awaitingCase([alarm({ severity: 'major' })], now)).toBe(true);
  });

  it('does not hold once linked, when minor, cleared or older than two minutes', () => {
    expect(awaitingCase([alarm({ caseId: 'c' })], now)).toBe(false);
    expect(awaitingCase([alarm({ severity: 'minor' })], now)).toBe(false);
    expect(awaitingCase([alarm({ status: 'cleared' })], now)).toBe(false);
    expect(awaitingCase([alarm({ startTs: '2026-11-30T03:57:00Z' })], now)).toBe(false);
  });
});

describe('axisBounds', () => {
  it('covers readings and thresholds on round numbers', () => {
    expect(axisBounds([76.7, 81.9, 78, 83, 86, 86.5])).toEqual({ min: 75, max: 88 });
  });

  it('stays at zero or above for metrics that never go negative', () => {
    expect(axisBounds([0, 0, 0])).toEqual({ min: 0, max: 0.1 });
    expect(axisBounds([0, 12.5])).toEqual({ min: 0, max: 14 });
  });

  it('contains every value (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (values) => {
          const { min, max } = axisBounds(values);
          expect(min).toBeLessThanOrEqual(Math.min(...values));
          expect(max).toBeGreaterThanOrEqual(Math.max(...values));
          expect(max).toBeGreaterThan(min);
        },
      ),
    );
  });
});
