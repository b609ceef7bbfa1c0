import { InputError } from '@zhizhi/kernel/errors';
import { validateUscc } from '@zhizhi/kernel/identity';

/** Options for `checkSubjectCode`. */
export interface CheckSubjectCodeOptions {
  /**
   * A person checked the licence and accepts a code whose check character does not match (some
   * genuine codes carry one). The caller records that the check was overridden.
   */
  acceptCheckWarning?: boolean;
}

/** A checked 统一社会信用代码. */
export interface CheckedSubjectCode {
  /** Trimmed, upper case. */
  code: string;
  /** True when the check character is wrong and `acceptCheckWarning` let it through. */
  checkOverridden: boolean;
}

/**
 * Checks a market subject's 统一社会信用代码 with the kernel validator (GB 32100-2015), telling
 * whether the check character was overridden. Throws as `checkSubjectCode` does.
 */
export function inspectSubjectCode(code: unknown, options: CheckSubjectCodeOptions = {}): CheckedSubjectCode {
  const result = validateUscc(code, { acceptBadCheckDigit: options.acceptCheckWarning === true });
  if (result.ok) return { code: result.value, checkOverridden: !result.checkDigitValid };
  // As the kernel registry does: the message never repeats the code, the details say whether a
  // person may accept it anyway.
  if (result.overridable) {
    throw new InputError(
      'regulation.subject.uscc_check_digit',
      `${result.message} Check the licence; if it is right, resend with acceptCheckWarning.`,
      { overridable: true },
    );
  }
  throw new InputError('regulation.subject.uscc_invalid', result.message, { overridable: false });
}

/**
 * The normalised 统一社会信用代码 (trimmed, upper case). Throws InputError
 * `regulation.subject.uscc_invalid` for a bad layout or alphabet (not overridable) and
 * `regulation.subject.uscc_check_digit` with `{ overridable: true }` for a wrong check character,
 * unless `acceptCheckWarning` is set.
 */
export function checkSubjectCode(code: unknown, options: CheckSubjectCodeOptions = {}): string {
  return inspectSubjectCode(code, options).code;
}
