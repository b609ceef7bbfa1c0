import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidIdNumber, isValidOrganisationCode, isValidUscc } from './check-digits';
import { syntheticIdNumber, syntheticName, syntheticPhone, syntheticUscc } from './people';

const birthDate = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));

describe('syntheticIdNumber', () => {
  it('produces valid numbers with a 9xx sequence whose parity gives the sex', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 49 }),
        birthDate,
        fc.boolean(),
        fc.constantFrom('330283' as const, '330213' as const),
        (seq, birth, male, addressCode) => {
          const id = syntheticIdNumber(seq, { birth, male, addressCode });
          expect(isValidIdNumber(id)).toBe(true);
          expect(id.slice(0, 6)).toBe(addressCode);
          expect(id.slice(6, 14)).toBe(birth);
          expect(id[14]).toBe('9');
          expect(Number(id[16]) % 2 === 1).toBe(male);
        },
      ),
    );
  });

  it('gives 50 distinct numbers per birth date and sex, and defaults to 330213', () => {
    const ids = Array.from({ length: 50 }, (_, seq) =>
      syntheticIdNumber(seq, { birth: '19800101', male: false }),
    );
    expect(new Set(ids).size).toBe(50);
    expect(ids.every((id) => id.startsWith('330213'))).toBe(true);
  });

  it('throws when the sequence or the date is out of range', () => {
    expect(() => syntheticIdNumber(50, { birth: '19800101', male: true })).toThrow(RangeError);
    expect(() => syntheticIdNumber(0, { birth: '19800230', male: true })).toThrow(RangeError);
  });
});

describe('syntheticUscc', () => {
  it('produces valid codes with a valid embedded organisation code', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }),
        fc.constantFrom('330213', '330283', '330200'),
        fc.constantFrom('91' as const, '92' as const, '93' as const),
        (seq, division, category) => {
          const uscc = syntheticUscc(seq, division, { category });
          expect(isValidUscc(uscc)).toBe(true);
          expect(isValidOrganisationCode(uscc.slice(8, 17))).toBe(true);
          expect(uscc.slice(0, 8)).toBe(`${category}${division}`);
          expect(uscc.slice(8, 11)).toBe('MAX');
        },
      ),
    );
  });

  it('throws on a bad division code or sequence', () => {
    expect(() => syntheticUscc(1, '33021')).toThrow(RangeError);
    expect(() => syntheticUscc(100_000, '330213')).toThrow(RangeError);
  });
});

describe('syntheticName and syntheticPhone', () => {
  it('gives the same two- or three-character name for the same n', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const name = syntheticName(n);
        expect(syntheticName(n)).toBe(name);
        expect(name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      }),
    );
  });

  it('varies names across consecutive n', () => {
    const names = new Set(Array.from({ length: 1000 }, (_, n) => syntheticName(n)));
    expect(names.size).toBeGreaterThan(950);
  });

  it('keeps phones in the 1990000xxxx block', () => {
    expect(syntheticPhone(0)).toBe('19900000000');
    expect(syntheticPhone(42)).toBe('19900000042');
    expect(() => syntheticPhone(10_000)).toThrow(RangeError);
  });
});
