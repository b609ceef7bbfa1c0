import { describe, expect, it } from 'vitest';
import { expectedAt, formulaSchema, progressOf, statusOf, targetDefinitionSchema } from './definitions';

const rate = {
  direction: 'higher_better' as const,
  target: 90,
  warningLine: 85,
  baseline: 70,
  baselineDate: '2020-12-31',
  deadline: '2025-12-31',
};

describe('trajectory, status and progress', () => {
  it('draws a straight line from the baseline to the target, and holds the target after the deadline', () => {
    expect(expectedAt(rate, '2020-12-31')).toBe(70);
    expect(expectedAt(rate, '2023-07-02')).toBeCloseTo(80, 0);
    expect(expectedAt(rate, '2026-11-30')).toBe(90);
    expect(expectedAt({ ...rate, target: null }, '2026-11-30')).toBe(70); // "grow": the baseline is the line
  });

  it('is below the warning line, behind the trajectory or on track', () => {
    expect(statusOf(rate, 84.9, 90)).toBe('below_warning');
    expect(statusOf(rate, 88, 90)).toBe('behind');
    expect(statusOf(rate, 90, 90)).toBe('on_track');
    expect(statusOf(rate, null, 90)).toBe('no_data');
    expect(statusOf({ direction: 'lower_better', warningLine: 10 }, 12, 8)).toBe('below_warning');
    expect(statusOf({ direction: 'lower_better', warningLine: 10 }, 9, 8)).toBe('behind');
  });

  it('counts progress from the baseline, and a reached target as done even below a better baseline', () => {
    expect(progressOf(rate, 80)).toBeCloseTo(0.5);
    expect(progressOf(rate, 95)).toBe(1);
    expect(progressOf({ ...rate, baseline: 98, target: 95 }, 100)).toBe(1);
    expect(progressOf({ ...rate, baseline: 98, target: 95 }, 47.5)).toBeCloseTo(0.5);
    expect(progressOf({ ...rate, target: null }, 80)).toBeNull();
  });
});

describe('definitions as data', () => {
  it('refuses unknown measures, a ratio that is not a percent and a deadline before the baseline', () => {
    expect(
      formulaSchema.safeParse({ op: 'ratio', numerator: 'events.nope', denominator: 'events.accepted' })
        .success,
    ).toBe(false);
    const base = {
      code: 'x.rate',
      nameZh: '测试',
      nameEn: 'Test',
      unit: 'count',
      direction: 'higher_better',
      promise: 'governance',
      target: 1,
      warningLine: null,
      baseline: null,
      ownerDepartmentCode: 'shzl',
      levels: ['district'],
      formula: { op: 'ratio', numerator: 'events.closed', denominator: 'events.accepted' },
      formulaText: '测试',
      formulaTextEn: 'test',
    };
    const bad = targetDefinitionSchema.safeParse(base);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['unit']);
    const late = targetDefinitionSchema.safeParse({
      ...base,
      unit: 'percent',
      baselineDate: '2026-01-01',
      deadline: '2025-12-31',
    });
    expect(late.error?.issues.map((i) => i.path.join('.'))).toEqual(['deadline']);
    expect(targetDefinitionSchema.safeParse({ ...base, unit: 'percent' }).success).toBe(true);
  });
});
