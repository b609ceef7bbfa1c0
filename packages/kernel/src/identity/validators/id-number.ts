import { failure, type ValidationFailure } from './validation-result';

/** What a valid 身份证号 tells. */
export interface IdNumberInfo {
  ok: true;
  /** Normalised: trimmed, with an upper-case X. */
  value: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** From the sequence number: odd male, even female. */
  sex: 'M' | 'F';
  /** The address code in force at first issue; may no longer exist (330283 for old Fenghua). */
  addressCode: string;
  /** False only when `acceptBadCheckDigit` let a wrong check character through. */
  checkDigitValid: boolean;
}

export type IdNumberFailureCode =
  | 'identity.id_number.format'
  | 'identity.id_number.birth_date'
  | 'identity.id_number.check_digit';

export type IdNumberResult = IdNumberInfo | ValidationFailure<IdNumberFailureCode>;

/** Options for `validateIdNumber`. */
export interface ValidateIdNumberOptions {
  /** The day to compare birth dates with (`YYYY-MM-DD` or a Date, read in Beijing time); default now. */
  today?: string | Date;
  /** Report a wrong check character as `checkDigitValid: false` instead of failing (after a person overrode it). */
  acceptBadCheckDigit?: boolean;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const FORMAT = /^[1-9]\d{16}[\dX]$/;
const EARLIEST_BIRTH_YEAR = 1800;

/** The GB 11643-1999 check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

function beijingDay(value: string | Date | undefined): string {
  if (typeof value === 'string') return value;
  const at = value ?? new Date();
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The YYYYMMDD as `YYYY-MM-DD` when it is a real date, else null. */
function realDate(yyyymmdd: string): string | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Checks a citizen ID number (GB 11643-1999, 18 characters): format, a real birth date not after
 * `today`, and the check character. A lower-case x is accepted and normalised. A wrong check
 * character fails with `identity.id_number.check_digit` and `overridable: true`. The address
 * code is never checked against today's divisions.
 */
export function validateIdNumber(value: unknown, options: ValidateIdNumberOptions = {}): IdNumberResult {
  const normalised = typeof value === 'string' ? value.trim().replace(/x$/, 'X') : '';
  if (!FORMAT.test(normalised)) {
    return failure('identity.id_number.format', 'An ID number has 17 digits followed by a digit or X.');
  }
  const birthDate = realDate(normalised.slice(6, 14));
  if (
    !birthDate ||
    Number(birthDate.slice(0, 4)) < EARLIEST_BIRTH_YEAR ||
    birthDate > beijingDay(options.today)
  ) {
    return failure(
      'identity.id_number.birth_date',
      'The birth date in the ID number is not a possible date.',
    );
  }
  const checkDigitValid = idNumberCheckCharacter(normalised) === normalised[17];
  if (!checkDigitValid && !options.acceptBadCheckDigit) {
    return failure(
      'identity.id_number.check_digit',
      'The last character of the ID number does not match; please check the document.',
      true,
    );
  }
  return {
    ok: true,
    value: normalised,
    birthDate,
    sex: Number(normalised[16]) % 2 === 1 ? 'M' : 'F',
    addressCode: normalised.slice(0, 6),
    checkDigitValid,
  };
}
