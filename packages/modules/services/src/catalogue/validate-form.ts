import { InputError } from '@zhizhi/kernel/errors';
import { validateIdNumber, validateUscc } from '@zhizhi/kernel/identity';
import type { DictionaryEntry } from './types';

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with one value of a dictionary field (empty means fine). */
export function checkValue(entry: DictionaryEntry, value: unknown, today?: string): FieldError[] {
  const path = entry.code;
  const fail = (code: string, message: string): FieldError[] => [{ path, code, message }];
  switch (entry.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return fail('services.field.number', `${entry.name.en} must be a number.`);
      if (entry.type === 'integer' && !Number.isInteger(value))
        return fail('services.field.integer', `${entry.name.en} must be a whole number.`);
      if (entry.min !== undefined && value < entry.min)
        return fail('services.field.min', `${entry.name.en} must be at least ${entry.min}.`);
      if (entry.max !== undefined && value > entry.max)
        return fail('services.field.max', `${entry.name.en} must be at most ${entry.max}.`);
      return [];
    }
    case 'boolean':
      return typeof value === 'boolean'
        ? []
        : fail('services.field.boolean', `${entry.name.en} must be yes or no.`);
    default:
      break;
  }
  if (typeof value !== 'string') return fail('services.field.text', `${entry.name.en} must be text.`);
  if (entry.maxLength !== undefined && value.length > entry.maxLength) {
    return fail('services.field.too_long', `${entry.name.en} may be at most ${entry.maxLength} characters.`);
  }
  if (entry.pattern !== undefined && !new RegExp(entry.pattern, 'u').test(value)) {
    return fail('services.field.pattern', `${entry.name.en} is not in the expected form.`);
  }
  switch (entry.type) {
    case 'id_number': {
      const result = validateIdNumber(value, today ? { today } : {});
      return result.ok ? [] : fail(result.code, result.message);
    }
    case 'uscc': {
      const result = validateUscc(value);
      return result.ok ? [] : fail(result.code, result.message);
    }
    case 'phone':
      return PHONE.test(value) ? [] : fail('services.field.phone', `${entry.name.en} is not a phone number.`);
    case 'date':
      return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
        ? []
        : fail('services.field.date', `${entry.name.en} must be a date (YYYY-MM-DD).`);
    case 'division':
      return /^\d{12}$/.test(value)
        ? []
        : fail('services.field.division', `${entry.name.en} must be a 12-digit division code.`);
    case 'choice':
      return entry.options?.some((o) => o.value === value)
        ? []
        : fail('services.field.choice', `${entry.name.en} must be one of the listed options.`);
    default:
      return [];
  }
}

/**
 * Checks a form against its fields: required ones present, every value valid for its dictionary
 * entry, nothing unknown. Throws one InputError (`services.form.invalid`) listing every problem.
 */
export function validateForm(
  fields: readonly { entry: DictionaryEntry; required: boolean }[],
  values: Record<string, unknown>,
  options: { today?: string } = {},
): void {
  const errors: FieldError[] = [];
  const known = new Set(fields.map((f) => f.entry.code));
  for (const key of Object.keys(values)) {
    if (!known.has(key))
      errors.push({ path: key, code: 'services.field.unknown', message: `The form has no field ${key}.` });
  }
  for (const { entry, required } of fields) {
    const value = values[entry.code];
    if (value === undefined || value === null || value === '') {
      if (required)
        errors.push({
          path: entry.code,
          code: 'services.field.required',
          message: `${entry.name.en} is required.`,
        });
      continue;
    }
    errors.push(...checkValue(entry, value, options.today));
  }
  if (errors.length > 0) {
    throw new InputError('services.form.invalid', `The form has ${errors.length} problem(s).`, {
      errors: errors.map((e) => ({ path: e.path, message: e.message, code: e.code })),
    });
  }
}
