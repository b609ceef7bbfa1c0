import { InputError } from '../errors';
import type { RuleType } from './rule-types';

/** A rule's result in plain JavaScript. */
export type RuleValue =
  | null
  | boolean
  | number
  | string
  | Date
  | Uint8Array
  | RuleValue[]
  | { [key: string]: RuleValue };

const MAX_DEPTH = 32;
/** Values (scalars, list items, map entries) one context may hold; bounds evaluation cost. */
const MAX_CONTEXT_VALUES = 100_000;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

interface Budget {
  left: number;
}

function invalid(path: string, expected: string): InputError {
  return new InputError('rules.context.invalid', `Context value ${path} must be ${expected}.`, {
    path,
    expected,
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function toInt(value: unknown, path: string): bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'bigint' && value >= INT64_MIN && value <= INT64_MAX) return value;
  throw invalid(path, 'a whole number');
}

function toTimestamp(value: unknown, path: string): Date {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)
        ? new Date(value)
        : null;
  if (!date || Number.isNaN(date.getTime())) throw invalid(path, 'a Date or an ISO 8601 date-time');
  return date;
}

/** JSON-like values as CEL sees them: whole numbers become int, other numbers double. */
function toDyn(value: unknown, path: string, depth: number, budget: Budget): unknown {
  if (--budget.left < 0) throw invalid(path, `part of a context of at most ${MAX_CONTEXT_VALUES} values`);
  if (depth > MAX_DEPTH) throw invalid(path, `nested at most ${MAX_DEPTH} levels deep`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (typeof value === 'bigint') return toInt(value, path);
  if (value instanceof Date) return toTimestamp(value, path);
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map((item, i) => toDyn(item, `${path}[${i}]`, depth + 1, budget));
  if (value instanceof Map || isPlainObject(value)) {
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    const out: Record<string, unknown> = {};
    for (const [key, item] of entries) {
      if (typeof key !== 'string') throw invalid(path, 'a map with string keys');
      if (item !== undefined) out[key] = toDyn(item, `${path}.${key}`, depth + 1, budget);
    }
    return out;
  }
  throw invalid(path, 'JSON-like data (null, boolean, number, string, Date, array, object)');
}

function toTyped(value: unknown, type: RuleType, path: string, depth: number, budget: Budget): unknown {
  switch (type.kind) {
    case 'dyn':
      return toDyn(value, path, depth, budget);
    case 'int':
      return toInt(value, path);
    case 'double':
      if (typeof value === 'number') return value;
      if (typeof value === 'bigint') return Number(value);
      throw invalid(path, 'a number');
    case 'string':
    case 'bool':
      if (typeof value === (type.kind === 'bool' ? 'boolean' : 'string')) return value;
      throw invalid(path, type.kind === 'bool' ? 'true or false' : 'a string');
    case 'timestamp':
      return toTimestamp(value, path);
    case 'list':
      if (!Array.isArray(value)) throw invalid(path, 'a list');
      budget.left -= value.length;
      if (budget.left < 0) throw invalid(path, `part of a context of at most ${MAX_CONTEXT_VALUES} values`);
      return value.map((item, i) => toTyped(item, type.element, `${path}[${i}]`, depth + 1, budget));
    case 'map': {
      if (!isPlainObject(value)) throw invalid(path, 'an object');
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        if (--budget.left < 0)
          throw invalid(path, `part of a context of at most ${MAX_CONTEXT_VALUES} values`);
        if (item !== undefined) out[key] = toTyped(item, type.value, `${path}.${key}`, depth + 1, budget);
      }
      return out;
    }
  }
}

/**
 * The evaluation context cel-js needs. Declared variables are converted to their types (a missing
 * one is left out: CEL reports it only if the rule reads it); undeclared keys are dropped. Without
 * a schema every key is passed as dyn.
 */
export function toCelContext(
  context: unknown,
  schema: Map<string, RuleType> | null,
): Record<string, unknown> {
  if (context === undefined) return {};
  if (!isPlainObject(context)) throw invalid('(context)', 'an object');
  const budget = { left: MAX_CONTEXT_VALUES };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(context)) {
    if (value === undefined) continue;
    const type = schema ? schema.get(name) : { kind: 'dyn' as const };
    if (type) out[name] = toTyped(value, type, name, 0, budget);
  }
  return out;
}

function toSafeNumber(value: bigint): number {
  if (value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER))
    return Number(value);
  throw new InputError(
    'rules.result.out_of_range',
    'The rule produced a whole number too large for JavaScript.',
  );
}

/**
 * A CEL result as plain JavaScript: int and uint become numbers (InputError when beyond 2^53),
 * maps become objects, durations become milliseconds, types become their names.
 */
export function fromCel(value: unknown): RuleValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return toSafeNumber(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date || value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map(fromCel);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), fromCel(v)]));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromCel(v)]));
  // cel-js's own value classes are not exported: uint (bigint), Duration (ms), Type (name).
  const primitive = (value as { valueOf(): unknown }).valueOf();
  if (typeof primitive === 'bigint') return toSafeNumber(primitive);
  if (typeof primitive === 'number') return primitive;
  const name = (value as { name?: unknown }).name;
  return typeof name === 'string' ? name : String(value);
}
