import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALPHABET,
  encodeBase32,
  formatToken,
  MAX_KID,
  normalizeToken,
  parseToken,
  signatureMatches,
} from './token';

const key = randomBytes(32);

describe('code tokens', () => {
  it('encodes Crockford base32', () => {
    expect(encodeBase32(0n)).toBe('0');
    expect(encodeBase32(31n)).toBe('Z');
    expect(encodeBase32(32n)).toBe('10');
    expect(encodeBase32(1n, 2)).toBe('01');
    expect(ALPHABET).toHaveLength(32);
    expect(ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('round-trips key id and serial, and signs them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_KID }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (kid, serial) => {
          const token = formatToken(key, kid, serial);
          expect(token).toMatch(/^[0-9A-HJKMNP-TV-Z]{16,26}$/);
          const parsed = parseToken(token);
          expect(parsed).toMatchObject({ token, kid, serial });
          expect(signatureMatches(key, parsed!)).toBe(true);
          expect(signatureMatches(randomBytes(32), parsed!)).toBe(false);
        },
      ),
    );
  });

  it('is short: a district’s first million codes fit in 19 characters', () => {
    expect(formatToken(key, 0, 1)).toHaveLength(16);
    expect(formatToken(key, 0, 32 ** 4 - 1)).toHaveLength(19);
  });

  it('reads lower case, hyphens and the O / I / L look-alikes', () => {
    const token = formatToken(key, 3, 123_456);
    const sloppy = `${token.slice(0, 6)}-${token.slice(6)}`
      .toLowerCase()
      .replace(/0/g, 'o')
      .replace(/1/g, 'l');
    expect(normalizeToken(sloppy)).toBe(token);
    expect(parseToken(sloppy)?.token).toBe(token);
  });

  it('rejects what is not shaped like a token', () => {
    const token = formatToken(key, 0, 42);
    for (const bad of [
      '',
      'abc',
      `${token}U`,
      `${token.slice(0, 2)}0${token.slice(2)}`,
      'x'.repeat(100),
      token.replace(/.$/, '*'),
    ])
      expect(parseToken(bad)).toBeNull();
    expect(parseToken(42)).toBeNull();
    expect(parseToken(null)).toBeNull();
    // 2^53 and above is beyond a safe serial.
    expect(parseToken(`00${encodeBase32(2n ** 53n)}${'0'.repeat(13)}`)).toBeNull();
  });
});
