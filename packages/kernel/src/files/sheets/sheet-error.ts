import { InputError } from '../../errors';

/** Codes start with the caller's prefix so each import keeps its own vocabulary. */
export const DEFAULT_SHEET_ERROR_PREFIX = 'files.sheet';

/** What went wrong with a file as a whole; the code is `${errorPrefix}.${SheetErrorName}`. */
export type SheetErrorName = 'unsupported' | 'unterminated_quote' | 'too_many_rows';

/** A problem with the whole file: an `InputError` whose `details.messageZh` carries the Chinese message. */
export function sheetError(
  prefix: string | undefined,
  name: SheetErrorName,
  message: { en: string; zh: string },
  details: Record<string, unknown> = {},
): InputError {
  return new InputError(`${prefix ?? DEFAULT_SHEET_ERROR_PREFIX}.${name}`, message.en, {
    ...details,
    messageZh: message.zh,
  });
}
