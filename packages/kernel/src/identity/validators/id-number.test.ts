import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, validateIdNumber } from './id-number';

const today = '2026-03-02';

/** A syntactically valid 身份证号 with the right check character. */
const idArb = fc
  .record({
    address: fc.integer({ min: 110000, max: 829999 }),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2026-03-01T00:00:00Z'),
      noInvalidDate: true,
    }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ address, birth, sequence }) => {
    const first17 = `${address}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    return first17 + idNumberCheckCharacter(first17);
  });

describe('validateIdNumber', () => {
  it('accepts the standard examples and decodes them', () => {
    expect(validateIdNumber('11010519491231002X', { today })).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'F',
      addressCode: '110105',
      checkDigitValid: true,
    });
    expect(validateIdNumber('440524188001010014', { today })).toMatchObject({
      ok: true,
      birthDate: '1880-01-01',
      sex: 'M',
      addressCode: '440524',
    });
  });

  it('normalises a lower-case x and surrounding spaces', () => {
    expect(validateIdNumber(' 11010519491231002x ', { today })).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('rejects malformed values with the format code, without echoing them', () => {
    for (const bad of [
      '',
      '1101051949123100',
      '11010519491231002Y',
      '01010519491231002X',
      '110105194912310021X',
      42,
    ]) {
      const result = validateIdNumber(bad, { today });
      expect(result).toMatchObject({ ok: false, code: 'identity.id_number.format', overridable: false });
      if (!result.ok && typeof bad === 'string' && bad) expect(result.message).not.toContain(bad);
    }
  });

  it('rejects impossible and future birth dates', () => {
    for (const first17 of ['33028319900230123', '33028317990101123', '33028320260303123']) {
      const result = validateIdNumber(first17 + idNumberCheckCharacter(first17), { today });
      expect(result).toMatchObject({ ok: false, code: 'identity.id_number.birth_date' });
    }
    const born = '33021320260302123';
    expect(validateIdNumber(born + idNumberCheckCharacter(born), { today }).ok).toBe(true);
    expect(
      validateIdNumber(born + idNumberCheckCharacter(born), { today: new Date('2026-03-01T16:00:00Z') }).ok,
    ).toBe(true);
  });

  it('reports a wrong check character as an overridable failure, or lets it through on request', () => {
    expect(validateIdNumber('110105194912310021', { today })).toMatchObject({
      ok: false,
      code: 'identity.id_number.check_digit',
      overridable: true,
    });
    expect(validateIdNumber('110105194912310021', { today, acceptBadCheckDigit: true })).toMatchObject({
      ok: true,
      checkDigitValid: false,
      sex: 'F',
    });
  });

  it('accepts every well-formed number and reads sex from the sequence', () => {
    fc.assert(
      fc.property(idArb, (id) => {
        const result = validateIdNumber(id, { today });
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.sex).toBe(Number(id[16]) % 2 ? 'M' : 'F');
        expect(validateIdNumber(id.toLowerCase(), { today })).toEqual(result);
      }),
    );
  });

  it('catches any single changed sequence digit or check character', () => {
    fc.assert(
      fc.property(
        idArb,
        fc.integer({ min: 14, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        (id, at, delta) => {
          const alphabet = '0123456789X';
          const replaced = alphabet[(alphabet.indexOf(id[at]) + delta) % 11];
          fc.pre(at === 17 || replaced !== 'X');
          const changed = id.slice(0, at) + replaced + id.slice(at + 1);
          expect(validateIdNumber(changed, { today })).toMatchObject({
            ok: false,
            code: 'identity.id_number.check_digit',
          });
        },
      ),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (value) => {
        const result = validateIdNumber(value, { today });
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});
