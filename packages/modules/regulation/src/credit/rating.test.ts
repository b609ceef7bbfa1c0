import { InputError } from '@zhizhi/kernel/errors';
import { describe, expect, it } from 'vitest';
import { FOOD_RULE_SET, GENERAL_RULE_SET } from './default-rules';
import { type RatedSubject, type RuleSetInput, compileRuleSet, rate } from './rating';
import type { CreditRecord, RecordSource } from './records';

const asOf = new Date('2025-06-01T00:00:00+08:00');
const general = compileRuleSet(GENERAL_RULE_SET);
const food = compileRuleSet(FOOD_RULE_SET);
const subject: RatedSubject = {
  id: 's1',
  kind: 'individual',
  industryCode: 'H6210',
  status: 'operating',
  licences: [
    { type: '营业执照', number: '1', validFrom: '2021-03-01', validTo: null },
    { type: '食品经营许可证', number: 'JY1', validFrom: '2021-04-01', validTo: '2026-03-31' },
  ],
};

let n = 0;
function rec(
  source: RecordSource,
  date: string,
  data: Record<string, unknown> = {},
  patch = {},
): CreditRecord {
  n++;
  return {
    id: `${source}-${n}`,
    subjectId: 's1',
    source,
    departmentCode: 'fh-scjg',
    date: new Date(`${date}T00:00:00+08:00`),
    validUntil: null,
    repairedAt: null,
    severity: 30,
    data,
    ...patch,
  };
}

function caught(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('rate with the general rule set', () => {
  it('rates a subject with no records A at the base score, with nothing to explain', () => {
    const rating = rate(subject, [], general, asOf);
    expect(rating).toMatchObject({
      ruleSet: 'general',
      sector: null,
      score: 90,
      class: 'A',
      explanation: [],
    });
    expect(rating.stats.adverseRecords).toBe(0);
  });

  it('A: a kept commitment and a passed inspection raise the score, naming their records', () => {
    const kept = rec('commitment', '2024-09-01', { kept: true });
    const pending = rec('commitment', '2025-05-01', { kept: null });
    const passed = rec('inspection', '2025-02-01', { result: 'pass' });
    const rating = rate(subject, [pending, passed, kept], general, asOf);
    expect(rating.score).toBe(100);
    expect(rating.class).toBe('A');
    expect(rating.explanation).toEqual([
      expect.objectContaining({ rule: 'commitment.kept', points: 5, records: [kept.id] }),
      expect.objectContaining({ rule: 'inspection.passed', points: 5, records: [passed.id] }),
    ]);
  });

  it('B: a failed inspection in 12 months; the explanation lists the failure, not the pass', () => {
    const passed = rec('inspection', '2025-01-05', { result: 'pass' });
    const failed = rec('inspection', '2025-03-05', { result: 'fail' });
    const rating = rate(subject, [passed, failed], general, asOf);
    expect(rating).toMatchObject({ score: 75, class: 'B' });
    expect(rating.explanation).toEqual([
      {
        rule: 'inspection.failed',
        description: { zh: '近 12 个月内检查不合格', en: 'Failed an inspection in the last 12 months' },
        points: -15,
        cap: null,
        records: [failed.id],
      },
    ]);
    expect(rating.stats).toMatchObject({ inspectionsPassed12m: 1, inspectionsFailed12m: 1 });
  });

  it('C: a recent penalty counts; a repaired and an expired one do not', () => {
    const recent = rec('penalty', '2025-02-01', { amount: 3000 });
    const repaired = rec('penalty', '2024-12-01', { amount: 500 }, { repairedAt: new Date('2025-04-01') });
    const expired = rec('penalty', '2022-01-01', {}, { validUntil: new Date('2025-01-01') });
    const rating = rate(subject, [repaired, recent, expired], general, asOf);
    expect(rating).toMatchObject({ score: 60, class: 'C' });
    expect(rating.explanation.map((e) => [e.rule, e.records])).toEqual([['penalty.recent', [recent.id]]]);
    expect(rating.stats).toMatchObject({ penaltyRecords: 1, penaltyAmount: 3000, penalties36m: 1 });
  });

  it('C: a broken commitment', () => {
    const broken = rec('commitment', '2023-05-01', { kept: false });
    const rating = rate(subject, [broken], general, asOf);
    expect(rating).toMatchObject({ score: 65, class: 'C' });
    expect(rating.explanation[0]).toMatchObject({ rule: 'commitment.broken', records: [broken.id] });
  });

  it('D: penalty, failed inspection and three complaints in 12 months add up', () => {
    const penalty = rec('penalty', '2025-05-01', { amount: 120000 });
    const failed = rec('inspection', '2025-04-01', { result: 'fail' });
    const complaints = ['2024-08-01', '2024-12-01', '2025-05-20'].map((d) => rec('complaint', d));
    const old = rec('complaint', '2023-01-01');
    const rating = rate(subject, [penalty, failed, ...complaints, old], general, asOf);
    expect(rating).toMatchObject({ score: 25, class: 'D' });
    expect(Object.fromEntries(rating.explanation.map((e) => [e.rule, e.records]))).toEqual({
      'penalty.recent': [penalty.id],
      'penalty.large_amount': [penalty.id],
      'inspection.failed': [failed.id],
      'complaint.frequent': complaints.map((c) => c.id),
    });
    expect(rating.stats.complaintRecords).toBe(4);
  });

  it('D: a revoked business licence caps the class whatever the score', () => {
    const rating = rate({ ...subject, status: 'revoked' }, [], general, asOf);
    expect(rating).toMatchObject({ score: 50, class: 'D' });
    expect(rating.explanation).toEqual([
      expect.objectContaining({ rule: 'status.revoked', cap: 'D', records: [] }),
    ]);
  });

  it('caps a class even when the score is high, and keeps the score within 0–100', () => {
    const capped = compileRuleSet({
      ...GENERAL_RULE_SET,
      code: 'capped',
      rules: [
        { code: 'watch', description: { zh: '重点关注', en: 'Watched' }, when: 'true', points: 0, cap: 'C' },
        { code: 'bonus', description: { zh: '加分', en: 'Bonus' }, when: 'true', points: 50 },
      ],
    } satisfies RuleSetInput);
    expect(rate(subject, [], capped, asOf)).toMatchObject({ score: 100, class: 'C' });
    const many = Array.from({ length: 5 }, (_, i) =>
      rec('penalty', `2025-0${i + 1}-02`, { licenceRevoked: i === 0 }, { severity: 90 }),
    );
    const rating = rate(
      subject,
      [...many, rec('court', '2024-01-01'), rec('tax', '2024-01-01', { violation: true })],
      general,
      asOf,
    );
    expect(rating).toMatchObject({ score: 0, class: 'D' });
  });

  it('lists all records of a zero-point rule, and records in date order', () => {
    const set = compileRuleSet({
      ...GENERAL_RULE_SET,
      code: 'info',
      rules: [
        {
          code: 'inspected',
          description: { zh: '有检查记录', en: 'Inspected' },
          when: 'stats.inspectionRecords > 0',
          points: 0,
          sources: ['inspection'],
        },
      ],
    } satisfies RuleSetInput);
    const late = rec('inspection', '2025-03-01', { result: 'pass' });
    const early = rec('inspection', '2024-03-01', { result: 'fail' });
    expect(rate(subject, [late, early], set, asOf).explanation[0].records).toEqual([early.id, late.id]);
  });
});

describe('rate with the food rule set', () => {
  it('marks down an operating food business without a valid food licence', () => {
    const expired = { ...subject, licences: [{ ...subject.licences![1], validTo: '2025-05-31' }] };
    expect(rate(subject, [], food, asOf)).toMatchObject({
      ruleSet: 'food',
      sector: 'food',
      score: 90,
      class: 'A',
    });
    expect(rate(expired, [], food, asOf)).toMatchObject({
      score: 70,
      class: 'C',
      explanation: [expect.objectContaining({ rule: 'food.no_licence', records: [] })],
    });
  });

  it('rates a food licence revocation D', () => {
    const revocation = rec('penalty', '2025-04-01', { licenceRevoked: true }, { severity: 80 });
    const rating = rate(subject, [revocation], food, asOf);
    expect(rating.class).toBe('D');
    expect(rating.explanation.map((e) => e.rule)).toEqual([
      'food.licence_revoked',
      'food.penalty.serious',
      'food.penalty.recent',
    ]);
  });
});

describe('rate refuses', () => {
  it('records of another subject, hand-made rule sets and bad dates', () => {
    const foreign = { ...rec('complaint', '2025-01-01'), subjectId: 's2' };
    expect(caught(() => rate(subject, [foreign], general, asOf))).toMatchObject({
      code: 'regulation.credit.foreign_record',
      details: { recordId: foreign.id },
    });
    expect(caught(() => rate(subject, [], { ...general }, asOf)).code).toBe('regulation.rules.not_compiled');
    expect(caught(() => rate(subject, [], general, new Date('x'))).code).toBe(
      'regulation.credit.invalid_date',
    );
  });

  it('names the rule that fails at run time', () => {
    const set = compileRuleSet({
      ...GENERAL_RULE_SET,
      code: 'broken',
      rules: [
        {
          code: 'div',
          description: { zh: '除', en: 'Divide' },
          when: '1 / stats.penaltyRecords > 0',
          points: 1,
        },
      ],
    } satisfies RuleSetInput);
    expect(caught(() => rate(subject, [], set, asOf))).toMatchObject({
      code: 'regulation.rules.evaluation_failed',
      details: { path: 'rules.0.when', rule: 'div' },
    });
  });
});

describe('compileRuleSet', () => {
  const rule = (code: string, when: string) => ({
    code,
    description: { zh: '规则', en: 'Rule' },
    when,
    points: -5,
  });

  it('compiles the default rule sets', () => {
    expect(general.rules).toHaveLength(GENERAL_RULE_SET.rules.length);
    expect(food.rules.every((r) => r.compiled.resultType === 'bool')).toBe(true);
  });

  it('reports every bad expression by path', () => {
    const error = caught(() =>
      compileRuleSet({
        ...GENERAL_RULE_SET,
        rules: [
          rule('ok', 'stats.penalties12m >= 1'),
          rule('syntax', 'stats.penalties12m >='),
          rule('number', 'stats.penalties12m + 1'),
          rule('unknown_stat', "stats.penalties >= 1 && subject.name == 'stats.x'"),
          rule('unknown_var', 'record.severity > 50'),
          rule('type', "stats.penalties12m == 'one'"),
        ],
      }),
    );
    expect(error.code).toBe('regulation.rules.invalid');
    const errors = error.details?.errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path)).toEqual([
      'rules.1.when',
      'rules.2.when',
      'rules.3.when',
      'rules.3.when',
      'rules.4.when',
      'rules.5.when',
    ]);
    expect(errors[0].message).toMatch(/line 1, column/);
    expect(errors[2].message).toBe('stats.penalties does not exist');
    expect(errors[3].message).toBe('subject.name does not exist');
  });

  it('reports a malformed rule set by path', () => {
    const error = caught(() =>
      compileRuleSet({
        ...GENERAL_RULE_SET,
        baseScore: 120,
        classes: { A: 60, B: 75, C: 90 },
        rules: [rule('same', 'true'), { ...rule('same', 'true'), points: 1.5, sources: ['gossip'] }],
      }),
    );
    const paths = (error.details!.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['baseScore', 'classes', 'rules.1.points', 'rules.1.sources.0']),
    );
    const repeated = caught(() =>
      compileRuleSet({ ...GENERAL_RULE_SET, rules: [rule('same', 'true'), rule('same', 'false')] }),
    );
    expect(repeated.details!.errors).toEqual([{ path: 'rules', message: 'rule codes must not repeat' }]);
  });
});
