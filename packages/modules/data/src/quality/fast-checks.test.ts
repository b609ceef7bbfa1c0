import fc from 'fast-check';
import {
  idNumberCheckCharacter,
  usccCheckCharacter,
  validateDivisionCode,
  validateIdNumber,
  validateMobile,
  validateUscc,
} from '@zhizhi/kernel/identity';
import { describe, expect, it } from 'vitest';
import { dateCheck, divisionCodeCheck, idNumberCheck, mobileCheck, usccCheck } from './fast-checks';
import { checkRows, compileRules } from './rules';

const TODAY = '2026-03-02';
const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXYabcIOSVZ -';

/** The fast paths must answer exactly as the kernel validators (and the old date check) do. */
describe('fast format checks', () => {
  it('agree with validateIdNumber on valid, near-valid and random values', () => {
    const fast = idNumberCheck(TODAY);
    const nearValid = fc
      .tuple(
        digits(6),
        fc.integer({ min: 1700, max: 2100 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        digits(3),
        fc.boolean(),
        fc.constantFrom('', 'x', 'X', '0'),
      )
      .map(([area, y, m, d, seq, good, tail]) => {
        const first17 = `${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
        return good ? `${first17}${idNumberCheckCharacter(first17)}` : `${first17}${tail}`;
      });
    fc.assert(
      fc.property(fc.oneof(nearValid, fc.string({ maxLength: 20 })), (v) => {
        expect(fast(v)).toBe(validateIdNumber(v, { today: TODAY }).ok);
      }),
      { numRuns: 3000 },
    );
  });

  it('agree with validateUscc, validateMobile and validateDivisionCode', () => {
    const credit = fc
      .tuple(fc.string({ unit: fc.constantFrom(...USCC_CHARS), minLength: 17, maxLength: 17 }), fc.boolean())
      .map(([body, good]) => {
        const upper = body.toUpperCase();
        return good && /^[0-9A-HJ-NPQRTUWXY]{17}$/.test(upper)
          ? `${body}${usccCheckCharacter(upper)}`
          : `${body}1`;
      });
    fc.assert(
      fc.property(fc.oneof(credit, fc.string({ maxLength: 19 })), (v) => {
        expect(usccCheck(v)).toBe(validateUscc(v).ok);
      }),
    );
    const phone = fc.tuple(fc.constantFrom('1', '2', '+86 1'), digits(10)).map(([a, b]) => `${a}${b}`);
    fc.assert(
      fc.property(fc.oneof(phone, fc.string({ maxLength: 13 })), (v) => {
        expect(mobileCheck(v)).toBe(validateMobile(v).ok);
      }),
    );
    const division = divisionCodeCheck();
    fc.assert(
      fc.property(
        fc.oneof(digits(12), fc.constantFrom('330213100000', '330200000000', '330213001005', '000000000000')),
        (v) => {
          expect(division(v)).toBe(validateDivisionCode(v).ok);
        },
      ),
    );
  });

  it('reads dates as the calendar does, leap years and years before 100 included', () => {
    const old = (v: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return false;
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
    };
    const dates = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(fc.oneof(dates, fc.string({ maxLength: 11 })), (v) => {
        expect(dateCheck(v)).toBe(old(v));
      }),
      { numRuns: 3000 },
    );
    expect(dateCheck('2024-02-29')).toBe(true);
    expect(dateCheck('1900-02-29')).toBe(false);
  });
});

describe('rules that need other resources', () => {
  it('checks references and cross-department consistency from the context it is given', () => {
    const sets = compileRules([
      { item: 'town', rules: [{ kind: 'reference', resource: '301012001/000001', item: 'code' }] },
      { item: 'since', rules: [{ kind: 'consistency' }] },
    ]);
    const rows = [
      { id: 'a', town: '330213100000', since: '2020-01-01' },
      { id: 'b', town: '999999999999', since: '2020-01-01' },
      { id: 'c', town: '330213100000', since: '2021-05-05' },
    ];
    const context = {
      references: { town: new Set(['330213100000']) },
      counterparts: {
        since: [
          {
            keyItem: 'id',
            values: new Map([
              ['a', '2020-01-01'],
              ['c', '2021-05-06'],
            ]),
          },
        ],
      },
    };
    const report = checkRows(sets, rows, { context });
    expect(report.groups).toEqual([
      { item: 'town', rule: 'reference', code: 'data.quality.reference', count: 1, rows: [2] },
      { item: 'since', rule: 'consistency', code: 'data.quality.consistency', count: 1, rows: [3] },
    ]);
    // Without the context those rules do not run (nothing to compare with).
    expect(checkRows(sets, rows).items).toEqual({
      town: { checks: 0, passed: 0 },
      since: { checks: 0, passed: 0 },
    });
  });
});
