import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Code tokens: `<kid><serial><signature>` in Crockford base32 (digits and upper-case letters
 * without I, L, O, U), e.g. `01` + `3F` + 13 signature characters = 17 characters.
 * - kid: 2 characters, the signing key id (0–1023);
 * - serial: 1–11 characters, the code's serial number, no leading zero;
 * - signature: 13 characters, the first 65 bits of HMAC-SHA256(key, "zhizhi.codes.v1:<kid>:<serial>").
 * Reading is forgiving: lower case, hyphens, and O / I / L for 0 / 1 / 1 are accepted.
 */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const KID_LENGTH = 2;
export const SIGNATURE_LENGTH = 13;
export const MAX_SERIAL_LENGTH = 11;
export const MAX_KID = 32 ** KID_LENGTH - 1;
const MIN_LENGTH = KID_LENGTH + 1 + SIGNATURE_LENGTH;
const MAX_LENGTH = KID_LENGTH + MAX_SERIAL_LENGTH + SIGNATURE_LENGTH;
/** Longest input looked at, hyphens included; anything longer is not a token. */
const MAX_INPUT = 64;
const CANONICAL = /^[0-9A-HJKMNP-TV-Z]+$/;

/** `n` in Crockford base32, left-padded with zeros to `width`. */
export function encodeBase32(n: bigint, width = 1): string {
  if (n < 0n) throw new RangeError('negative');
  let out = '';
  let rest = n;
  do {
    out = ALPHABET[Number(rest & 31n)] + out;
    rest >>= 5n;
  } while (rest > 0n);
  return out.padStart(width, '0');
}

function decodeBase32(s: string): bigint {
  let n = 0n;
  for (const c of s) n = (n << 5n) | BigInt(ALPHABET.indexOf(c));
  return n;
}

/** Upper case, hyphens dropped, O → 0 and I / L → 1 (Crockford's decoding rules). */
export function normalizeToken(input: string): string {
  return input.replace(/-/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function signature(key: Buffer, kid: number, serial: number): string {
  const mac = createHmac('sha256', key).update(`zhizhi.codes.v1:${kid}:${serial}`).digest();
  // 9 bytes = 72 bits; keep the top 65, exactly 13 base32 characters.
  return encodeBase32(BigInt(`0x${mac.subarray(0, 9).toString('hex')}`) >> 7n, SIGNATURE_LENGTH);
}

/** The token for a serial signed with key `kid`. */
export function formatToken(key: Buffer, kid: number, serial: number): string {
  if (!Number.isSafeInteger(kid) || kid < 0 || kid > MAX_KID) throw new RangeError(`bad key id ${kid}`);
  if (!Number.isSafeInteger(serial) || serial < 1) throw new RangeError(`bad serial ${serial}`);
  return `${encodeBase32(BigInt(kid), KID_LENGTH)}${encodeBase32(BigInt(serial))}${signature(key, kid, serial)}`;
}

export interface ParsedToken {
  /** The canonical form (upper case, no hyphens). */
  token: string;
  kid: number;
  serial: number;
  signature: string;
}

/** Splits a token into its parts, or null when it is not shaped like one. Checks no signature. */
export function parseToken(input: unknown): ParsedToken | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT) return null;
  const token = normalizeToken(input);
  if (token.length < MIN_LENGTH || token.length > MAX_LENGTH || !CANONICAL.test(token)) return null;
  const serialPart = token.slice(KID_LENGTH, -SIGNATURE_LENGTH);
  // One spelling per serial: no leading zero (and so no serial 0).
  if (serialPart.startsWith('0')) return null;
  const serial = decodeBase32(serialPart);
  if (serial > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return {
    token,
    kid: Number(decodeBase32(token.slice(0, KID_LENGTH))),
    serial: Number(serial),
    signature: token.slice(-SIGNATURE_LENGTH),
  };
}

/** Constant-time check of a parsed token's signature against `key`. */
export function signatureMatches(key: Buffer, parsed: ParsedToken): boolean {
  const expected = Buffer.from(signature(key, parsed.kid, parsed.serial));
  const given = Buffer.from(parsed.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
