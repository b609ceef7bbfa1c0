import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  idNumberCheckDigit,
  isValidIdNumber,
  isValidOrganisationCode,
  isValidUscc,
  organisationCodeCheckChar,
  USCC_ALPHABET,
  usccCheckChar,
} from './check-digits';

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
const usccChars = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 30 }), { minLength: length, maxLength: length })
    .map((values) => values.map((v) => USCC_ALPHABET[v]).join(''));

describe('GB 11643 身份证号', () => {
  it('accepts the published examples', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('440524188001010014')).toBe(true);
  });

  it('rejects a wrong check digit, a bad date and a bad shape', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902300028')).toBe(false);
    expect(isValidIdNumber('11010519491231002x')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
  });

  it('detects every single-digit substitution in the first 17 digits', () => {
    fc.assert(
      fc.property(digits(17), fc.nat(16), fc.integer({ min: 1, max: 9 }), (body, position, delta) => {
        const changed =
          body.slice(0, position) + ((Number(body[position]) + delta) % 10) + body.slice(position + 1);
        expect(idNumberCheckDigit(changed)).not.toBe(idNumberCheckDigit(body));
      }),
    );
  });
});

describe('GB 32100 统一社会信用代码', () => {
  it('accepts the published examples, whose organisation codes also pass GB 11714', () => {
    for (const uscc of ['91350100M000100Y43', '91512081MA62K0260E', '91350200MA2YJ1XR9G']) {
      expect(isValidUscc(uscc)).toBe(true);
      expect(isValidOrganisationCode(uscc.slice(8, 17))).toBe(true);
    }
  });

  it('rejects a wrong check character and letters outside the alphabet', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100I43')).toBe(false);
    expect(isValidUscc('9135010M000100Y43')).toBe(false);
  });

  it('maps GB 11714 remainders 10 and 11 to X and 0', () => {
    expect(organisationCodeCheckChar('MA62K026')).toBe('0'); // Σ 330, 330 mod 11 = 0
    expect(organisationCodeCheckChar('MA000004')).toBe('X'); // Σ 144, 144 mod 11 = 1
    expect(organisationCodeCheckChar('M000100Y')).toBe('4');
  });

  it('detects every single-character substitution in the first 17 characters', () => {
    fc.assert(
      fc.property(usccChars(17), fc.nat(16), fc.integer({ min: 1, max: 30 }), (body, position, delta) => {
        const value = (USCC_ALPHABET.indexOf(body[position]) + delta) % 31;
        const changed = body.slice(0, position) + USCC_ALPHABET[value] + body.slice(position + 1);
        expect(usccCheckChar(changed)).not.toBe(usccCheckChar(body));
      }),
    );
  });
});
