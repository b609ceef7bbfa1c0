import { z } from 'zod';
import { InputError } from '../errors';
import type { CaseField } from './definition';

const location = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  address: z.string().max(200).optional(),
});

function fieldSchema(field: CaseField): z.ZodType {
  switch (field.type) {
    case 'text':
      return z
        .string()
        .trim()
        .min(1)
        .max(field.maxLength ?? 200);
    case 'longtext':
      return z
        .string()
        .trim()
        .min(1)
        .max(field.maxLength ?? 5000);
    case 'integer':
      return z.number().int();
    case 'number':
      return z.number().finite();
    case 'boolean':
      return z.boolean();
    case 'date':
      return z.iso.date();
    case 'choice':
      return z.enum((field.options ?? []).map((o) => o.value) as [string, ...string[]]);
    case 'multichoice':
      return z.array(z.enum((field.options ?? []).map((o) => o.value) as [string, ...string[]])).max(50);
    case 'location':
      return location;
    case 'attachments':
      return z
        .array(z.uuid())
        .min(1)
        .max(field.maxFiles ?? 9);
  }
}

/**
 * Validates field values against a case type's fields. `partial` checks only what is given (a
 * step's changes); otherwise every required field must be present. Unknown fields are refused.
 */
// Built once per field list and mode: a case type version never changes, so neither does its schema.
const schemas = new WeakMap<readonly CaseField[], Map<string, z.ZodType>>();

function schemaFor(fields: readonly CaseField[], partial: boolean, require: readonly string[]): z.ZodType {
  const key = `${partial}|${require.join(',')}`;
  let byMode = schemas.get(fields);
  if (!byMode) {
    byMode = new Map();
    schemas.set(fields, byMode);
  }
  let schema = byMode.get(key);
  if (!schema) {
    const shape: Record<string, z.ZodType> = {};
    const required = new Set(require);
    for (const f of fields) {
      const mustHave = required.has(f.code) || (!partial && f.required);
      shape[f.code] = mustHave ? fieldSchema(f) : fieldSchema(f).optional();
    }
    schema = z.object(shape).strict();
    byMode.set(key, schema);
  }
  return schema;
}

export function validateCaseData(
  fields: readonly CaseField[],
  values: Record<string, unknown>,
  options: { partial: boolean; require?: readonly string[] },
) {
  const parsed = schemaFor(fields, options.partial, options.require ?? []).safeParse(values);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message }));
    throw new InputError(
      'cases.data.invalid',
      `Invalid case data: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      { errors },
    );
  }
  return parsed.data as Record<string, unknown>;
}
