import {
  validateDivisionCode,
  validateIdNumber,
  validateMobile,
  validateUscc,
} from '@zhizhi/kernel/identity';

// Fast paths for the format rules that run on every row of a load. Each one *accepts* only what
// the kernel validator accepts (the common, well-formed value, read with char codes and no
// allocation) and hands everything else to the kernel validator, whose answer stands — so the
// semantics are exactly the kernel's, and a bad value costs what it always did.

/** A test of one trimmed, non-empty value. */
export type ValueCheck = (value: string) => boolean;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Char code → index in the credit-code alphabet (upper case only), −1 when not in it. */
const USCC_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_ALPHABET.length; i++) USCC_INDEX[USCC_ALPHABET.charCodeAt(i)] = i;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digitAt(value: string, index: number): number {
  const d = value.charCodeAt(index) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

function realDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** 身份证号 (GB 11643): `today` is the Beijing date `YYYY-MM-DD` birth dates may not pass. */
export function idNumberCheck(today: string): ValueCheck {
  const todayNumber = Number(today.replaceAll('-', ''));
  const slow: ValueCheck = (v) => validateIdNumber(v, { today }).ok;
  return (v) => {
    if (v.length !== 18 || v.charCodeAt(0) === 48) return slow(v);
    let sum = 0;
    let birth = 0;
    for (let i = 0; i < 17; i++) {
      const d = digitAt(v, i);
      if (d < 0) return slow(v);
      sum += d * ID_WEIGHTS[i];
      if (i >= 6 && i < 14) birth = birth * 10 + d;
    }
    if (ID_CHECK.charCodeAt(sum % 11) !== v.charCodeAt(17)) return slow(v);
    const year = Math.floor(birth / 10_000);
    if (year < 1800 || birth > todayNumber) return slow(v);
    return realDay(year, Math.floor(birth / 100) % 100, birth % 100) || slow(v);
  };
}

/** 统一社会信用代码 (GB 32100). */
export const usccCheck: ValueCheck = (v) => {
  if (v.length !== 18) return validateUscc(v).ok;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const code = v.charCodeAt(i);
    const index = code < 128 ? USCC_INDEX[code] : -1;
    // Positions 3–8 are the division code: digits only.
    if (index < 0 || (i >= 2 && i < 8 && index > 9)) return validateUscc(v).ok;
    sum += index * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET.charCodeAt((31 - (sum % 31)) % 31) === v.charCodeAt(17) || validateUscc(v).ok;
};

/** 11-digit mainland mobile number (the kernel also takes +86, spaces and dashes). */
export const mobileCheck: ValueCheck = (v) => {
  if (v.length === 11 && v.charCodeAt(0) === 49) {
    const second = digitAt(v, 1);
    let digits = second >= 3;
    for (let i = 2; digits && i < 11; i++) digits = digitAt(v, i) >= 0;
    if (digits) return true;
  }
  return validateMobile(v).ok;
};

/** `YYYY-MM-DD`, a real calendar day. */
export const dateCheck: ValueCheck = (v) => {
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = digitAt(v, i);
    if (d < 0) return false;
    year = year * 10 + d;
  }
  const m1 = digitAt(v, 5);
  const m2 = digitAt(v, 6);
  const d1 = digitAt(v, 8);
  const d2 = digitAt(v, 9);
  if (m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) return false;
  // Date.UTC maps years 0–99 to 1900–1999; the old check agreed only for years ≥ 100.
  if (year < 100) return false;
  return realDay(year, m1 * 10 + m2, d1 * 10 + d2);
};

/**
 * A pure check remembered per value (division codes, enumerations repeat across rows): at most
 * `size` distinct values are kept, then the check runs uncached.
 */
export function memoised(check: ValueCheck, size = 50_000): ValueCheck {
  const seen = new Map<string, boolean>();
  return (v) => {
    const known = seen.get(v);
    if (known !== undefined) return known;
    const result = check(v);
    if (seen.size < size) seen.set(v, result);
    return result;
  };
}

/** 12-digit division code (GB/T 2260 + the statistical town/village levels). */
export const divisionCodeCheck = (): ValueCheck => memoised((v) => validateDivisionCode(v).ok);
