/** A value that failed validation. Messages never repeat the value: it may be personal data. */
export interface ValidationFailure<Code extends string> {
  ok: false;
  /** Stable code, e.g. `identity.id_number.check_digit`. */
  code: Code;
  message: string;
  /**
   * True when a person may accept the value anyway after checking the document (a failed
   * check character: some genuine old codes have one); the acceptance must be audited.
   */
  overridable: boolean;
}

export function failure<Code extends string>(
  code: Code,
  message: string,
  overridable = false,
): ValidationFailure<Code> {
  return { ok: false, code, message, overridable };
}
