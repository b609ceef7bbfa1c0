// Check characters for Chinese identifiers, used here to *generate* valid synthetic data.
// The kernel has its own validators for user input; these must agree with them.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** GB 11643-1999 check character for the first 17 digits of a 身份证号. */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

/** True when an 18-character 身份证号 has the right shape, a real birth date and a matching check character. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!isRealDate(id.slice(6, 14))) return false;
  return idNumberCheckDigit(id.slice(0, 17)) === id[17];
}

/** True for a YYYYMMDD string naming a day that exists in the Gregorian calendar. */
export function isRealDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** GB 32100-2015 alphabet: values 0–30, without I, O, S, V, Z. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** GB 32100-2015 check character for the first 17 characters of a 统一社会信用代码. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`"${first17[i]}" is not in the GB 32100 alphabet`);
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** True when an 18-character 统一社会信用代码 has the right shape and a matching GB 32100 check character. */
export function isValidUscc(uscc: string): boolean {
  return USCC_PATTERN.test(uscc) && usccCheckChar(uscc.slice(0, 17)) === uscc[17];
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Value of one GB 11714 body character: digits 0–9, letters A–Z 10–35. */
function organisationCharValue(ch: string): number {
  const value = Number.parseInt(ch, 36);
  if (Number.isNaN(value) || ch !== ch.toUpperCase())
    throw new RangeError(`"${ch}" is not a GB 11714 character`);
  return value;
}

/**
 * GB 11714-1997 check character for the 8-character body of an organisation code
 * (positions 9–16 of a 统一社会信用代码; the check is position 17).
 */
export function organisationCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError(`expected 8 characters 0-9A-Z, got "${first8}"`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += organisationCharValue(first8[i]) * ORG_WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** True when a 9-character organisation code (body + check) has a matching GB 11714 check character. */
export function isValidOrganisationCode(code: string): boolean {
  return /^[0-9A-Z]{8}[0-9X]$/.test(code) && organisationCodeCheckChar(code.slice(0, 8)) === code[8];
}
