import { failure, type ValidationFailure } from './validation-result';

/** A valid mainland mobile number, normalised to its 11 digits. */
export interface MobileInfo {
  ok: true;
  value: string;
}

export type MobileResult = MobileInfo | ValidationFailure<'identity.mobile.format'>;

/**
 * Checks a mainland China mobile number: 11 digits `1[3-9]xxxxxxxxx`. Spaces and hyphens are
 * ignored, and a leading +86 or 0086 country code is dropped.
 */
export function validateMobile(phone: unknown): MobileResult {
  const digits = typeof phone === 'string' ? phone.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '') : '';
  if (!/^1[3-9]\d{9}$/.test(digits)) {
    return failure('identity.mobile.format', 'A mobile number has 11 digits and starts with 13–19.');
  }
  return { ok: true, value: digits };
}
