import { maskIdNumber, maskName, maskPhone } from '@zhizhi/kernel/identity';

export type Grade = 'L1' | 'L2' | 'L3' | 'L4';
export type PersonalKind = 'id_number' | 'name' | 'phone' | 'address' | 'bank_account' | 'other';

/**
 * How an item's values leave the platform, decided by its grade (DB33/T 2350) and personal-data
 * kind when an approval is granted, and stored with the approval so a later re-grading never
 * unmasks what was approved masked.
 * - `clear`: as stored (L1; non-personal L2/L3).
 * - `light`: personal L2 — identity numbers keep 6 + 4, phones 3 + 4, names and addresses shown.
 * - `strict`: personal L3 — identity numbers keep 4 + 4 (`3302**********123X`), phones 3 + 4,
 *   names the surname, addresses the first 6 characters, bank accounts the last 4.
 * - `redact`: L4 — never shown; the value becomes `******`.
 */
export type MaskMode = 'clear' | 'light' | 'strict' | 'redact';

export function maskModeFor(item: { grade: Grade; personalKind?: PersonalKind | null }): MaskMode {
  if (item.grade === 'L4') return 'redact';
  if (!item.personalKind || item.grade === 'L1') return 'clear';
  return item.grade === 'L2' ? 'light' : 'strict';
}

const REDACTED = '******';

function stars(count: number) {
  return '*'.repeat(Math.max(count, 0));
}

/** Keeps `head` and `tail` characters; shorter values are starred out completely. */
function keep(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  if (chars.length <= head + tail) return stars(chars.length);
  return `${chars.slice(0, head).join('')}${stars(chars.length - head - tail)}${tail ? chars.slice(-tail).join('') : ''}`;
}

/**
 * Masks one value for delivery. Null stays null; numbers and booleans of a masked item become
 * masked strings (a number can be personal data too, e.g. an account balance at L4).
 */
export function maskValue(
  value: string | number | boolean | null | undefined,
  mode: MaskMode,
  kind?: PersonalKind | null,
): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (mode === 'clear') return value;
  if (mode === 'redact') return REDACTED;
  const text = String(value).trim();
  switch (kind) {
    case 'id_number':
      return mode === 'light' ? maskIdNumber(text) : keep(text, 4, 4);
    case 'phone':
      return maskPhone(text);
    case 'name':
      return mode === 'light' ? text : maskName(text);
    case 'address':
      return mode === 'light' ? text : keep(text, 6, 0);
    case 'bank_account':
      return keep(text, 0, 4);
    default:
      return mode === 'light' ? keep(text, 1, 1) : keep(text, 1, 0);
  }
}
