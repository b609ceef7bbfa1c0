import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUBJECT_STATUSES, type SubjectStatus } from '../subjects/subject';
import { DEFAULT_RULE_SETS } from './default-rules';
import { CREDIT_CLASSES, compileRuleSet, type RatedSubject, rate } from './rating';
import { type CreditRecord, RECORD_SOURCES } from './records';

const asOf = new Date('2025-06-01T00:00:00+08:00');
const START = new Date('2020-01-01T00:00:00+08:00').getTime();
const END = new Date('2025-08-01T00:00:00+08:00').getTime();
const sets = DEFAULT_RULE_SETS.map((set) => compileRuleSet(set));
const rank = (c: (typeof CREDIT_CLASSES)[number]) => CREDIT_CLASSES.indexOf(c);

const instant = fc.integer({ min: START, max: END }).map((t) => new Date(t));
const later = (date: Date) =>
  fc.option(
    fc.integer({ min: 1, max: 4 * 365 * 86_400_000 }).map((d) => new Date(date.getTime() + d)),
    { nil: null },
  );

const dataFor: Record<CreditRecord['source'], fc.Arbitrary<Record<string, unknown>>> = {
  licence: fc.constant({ licenceType: '食品经营许可证' }),
  penalty: fc.record({ amount: fc.integer({ min: 0, max: 200_000 }), licenceRevoked: fc.boolean() }),
  inspection: fc.record({ result: fc.constantFrom('pass', 'fail') }),
  complaint: fc.constant({}),
  court: fc.constant({}),
  tax: fc.record({ violation: fc.boolean() }),
  commitment: fc.record({ kept: fc.constantFrom(true, false, null) }),
};
const adverseData: Partial<Record<CreditRecord['source'], fc.Arbitrary<Record<string, unknown>>>> = {
  penalty: dataFor.penalty,
  inspection: fc.constant({ result: 'fail' }),
  complaint: fc.constant({}),
  court: fc.constant({}),
  tax: fc.constant({ violation: true }),
  commitment: fc.constant({ kept: false }),
};

function recordOf(sources: fc.Arbitrary<CreditRecord['source']>, data: typeof dataFor) {
  return sources.chain((source) =>
    instant.chain((date) =>
      fc.record({
        source: fc.constant(source),
        date: fc.constant(date),
        validUntil: later(date),
        repairedAt: later(date),
        severity: fc.integer({ min: 0, max: 100 }),
        data: data[source],
      }),
    ),
  );
}

const anyRecord = recordOf(fc.constantFrom(...RECORD_SOURCES), dataFor);
const adverseRecord = recordOf(
  fc.constantFrom(...(Object.keys(adverseData) as CreditRecord['source'][])),
  adverseData as typeof dataFor,
);
type Generated = Omit<CreditRecord, 'id' | 'subjectId' | 'departmentCode'>;
const withIds = (records: Generated[], prefix = 'r'): CreditRecord[] =>
  records.map((r, i) => ({ ...r, id: `${prefix}${i}`, subjectId: 's1', departmentCode: 'fh-scjg' }));

const subjectArb: fc.Arbitrary<RatedSubject> = fc.record({
  id: fc.constant('s1'),
  kind: fc.constantFrom('enterprise', 'individual', 'cooperative', 'shop'),
  industryCode: fc.constantFrom('H6210', 'F5223', 'C1391'),
  status: fc.constantFrom(...(Object.keys(SUBJECT_STATUSES) as SubjectStatus[])),
  licences: fc.subarray([
    { type: '营业执照', number: '1', validFrom: '2019-01-01', validTo: null },
    { type: '食品经营许可证', number: 'JY1', validFrom: '2019-01-01', validTo: '2026-12-31' },
  ]),
});
const setArb = fc.constantFrom(...sets);
const RUNS = { numRuns: 100 };

describe('rating properties (default rule sets)', () => {
  it('adding an adverse record never improves the score or the class', () => {
    fc.assert(
      fc.property(
        subjectArb,
        setArb,
        fc.array(anyRecord, { maxLength: 12 }),
        adverseRecord,
        (s, set, rs, x) => {
          const before = rate(s, withIds(rs), set, asOf);
          const after = rate(s, [...withIds(rs), ...withIds([x], 'x')], set, asOf);
          expect(after.score).toBeLessThanOrEqual(before.score);
          expect(rank(after.class)).toBeGreaterThanOrEqual(rank(before.class));
        },
      ),
      RUNS,
    );
  });

  it('repairing an adverse record never worsens the score or the class', () => {
    fc.assert(
      fc.property(
        subjectArb,
        setArb,
        fc.array(anyRecord, { maxLength: 12 }),
        adverseRecord,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, set, rs, x, at) => {
          const records = [...withIds(rs), ...withIds([x], 'x')];
          const target = records[records.length - 1];
          const from = target.date.getTime();
          // Repaired at some moment between the record's date and the rating.
          const repairedAt = new Date(from + Math.floor(Math.max(0, asOf.getTime() - from) * at));
          const repaired = records.map((r) => (r === target ? { ...r, repairedAt } : r));
          const before = rate(s, records, set, asOf);
          const after = rate(s, repaired, set, asOf);
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          expect(rank(after.class)).toBeLessThanOrEqual(rank(before.class));
        },
      ),
      RUNS,
    );
  });

  it('is deterministic and does not depend on the order of records', () => {
    fc.assert(
      fc.property(
        subjectArb,
        setArb,
        fc.array(anyRecord, { maxLength: 15 }),
        fc.nat(),
        (s, set, rs, seed) => {
          const records = withIds(rs);
          const shuffled = records
            .map((r, i) => ({ r, key: (i * 7919 + seed) % 104_729 }))
            .sort((a, b) => a.key - b.key)
            .map((e) => e.r);
          const first = rate(s, records, set, asOf);
          expect(rate(s, records, set, asOf)).toEqual(first);
          expect(rate(s, shuffled, set, asOf)).toEqual(first);
        },
      ),
      RUNS,
    );
  });
});
