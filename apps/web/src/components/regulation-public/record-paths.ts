import type { PointAnswer } from './types';

/** The record form's fields a server error may name (signatures go to the inspector's pad). */
const FIELDS = ['result', 'findings', 'photos', 'location', 'rectificationDays'] as const;

/** `{ item: { point: answer } }` (the form's shape) → `{ 'item.point': answer }` (the API's). */
export function flattenChecklist(nested: Record<string, Record<string, PointAnswer>> | undefined) {
  const flat: Record<string, PointAnswer> = {};
  for (const [item, points] of Object.entries(nested ?? {}))
    for (const [point, answer] of Object.entries(points ?? {})) if (answer) flat[`${item}.${point}`] = answer;
  return flat;
}

/**
 * The form field a server error path belongs to, or null when it names none (then the error is
 * only listed above the form): `checklist.SCJG-SP-01.licence` → ['checklist', 'SCJG-SP-01', 'licence'].
 */
export function recordFieldOf(path: string): string | string[] | null {
  const parts = path.split('.');
  if (parts[0] === 'checklist' && parts.length === 3) return parts;
  if (parts[0] === 'signatures') return 'signatureInspector';
  const head = parts[0] ?? '';
  return (FIELDS as readonly string[]).includes(head) ? head : null;
}

/** Whether a path names one of the record form's own fields (for its label). */
export const isRecordField = (head: string) =>
  ['checklist', 'signatures', ...(FIELDS as readonly string[])].includes(head);
