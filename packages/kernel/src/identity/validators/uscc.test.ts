import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usccCheckCharacter, validateUscc } from './uscc';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const charArb = fc.constantFrom(...ALPHABET);
const usccArb = fc
  .tuple(
    fc.array(charArb, { minLength: 2, maxLength: 2 }),
    fc.integer({ min: 0, max: 999_999 }),
    fc.array(charArb, { minLength: 9, maxLength: 9 }),
  )
  .map(([head, division, body]) => {
    const first17 = `${head.join('')}${String(division).padStart(6, '0')}${body.join('')}`;
    return first17 + usccCheckCharacter(first17);
  });

describe('validateUscc', () => {
  it('accepts the standard examples and decodes them', () => {
    for (const code of ['91350100M000100Y43', '91512081MA62K0260E', '91350200MA2YJ1XR9G']) {
      expect(validateUscc(code)).toMatchObject({ ok: true, value: code, checkDigitValid: true });
    }
    expect(validateUscc('91350100M000100Y43')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
      registrationAuthority: { code: '9', name: '工商' },
      category: { code: '1', name: '企业' },
      divisionCode: '350100',
      organizationCode: 'M000100Y4',
      checkDigitValid: true,
    });
  });

  it('normalises case and spaces', () => {
    expect(validateUscc(' 91512081ma62k0260e ')).toMatchObject({ ok: true, value: '91512081MA62K0260E' });
  });

  it('decodes social organisations and leaves unknown categories unnamed', () => {
    const first17 = '51330213MJ0000000';
    expect(validateUscc(first17 + usccCheckCharacter(first17))).toMatchObject({
      registrationAuthority: { name: '民政' },
      category: { name: '社会团体' },
      divisionCode: '330213',
    });
    const odd = '97330213MA0000000';
    expect(validateUscc(odd + usccCheckCharacter(odd))).toMatchObject({
      ok: true,
      category: { code: '7', name: null },
    });
  });

  it('rejects letters outside the alphabet and a bad layout', () => {
    for (const bad of [
      '91350100M000100Y4',
      '91350100M000100YI3',
      '9135010OM000100Y43',
      '913501A0M000100Y43',
      null,
    ]) {
      expect(validateUscc(bad)).toMatchObject({
        ok: false,
        code: 'identity.uscc.format',
        overridable: false,
      });
    }
  });

  it('reports a wrong check character as overridable, or lets it through on request', () => {
    expect(validateUscc('91350100M000100Y44')).toMatchObject({
      ok: false,
      code: 'identity.uscc.check_digit',
      overridable: true,
    });
    expect(validateUscc('91350100M000100Y44', { acceptBadCheckDigit: true })).toMatchObject({
      ok: true,
      checkDigitValid: false,
    });
  });

  it('accepts every code built with the right check character and catches any one changed character', () => {
    fc.assert(
      fc.property(
        usccArb,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 30 }),
        (code, at, delta) => {
          expect(validateUscc(code).ok).toBe(true);
          const replaced = ALPHABET[(ALPHABET.indexOf(code[at]) + delta) % 31];
          fc.pre(at < 2 || at > 7 || /\d/.test(replaced));
          const changed = code.slice(0, at) + replaced + code.slice(at + 1);
          expect(validateUscc(changed)).toMatchObject({ ok: false, code: 'identity.uscc.check_digit' });
        },
      ),
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (value) => {
        expect(typeof validateUscc(value).ok).toBe('boolean');
      }),
    );
  });
});
