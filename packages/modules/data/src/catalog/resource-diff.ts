import type { dataItem, dataResource } from './schema';

type Resource = typeof dataResource.$inferSelect;
type ItemRow = Pick<
  typeof dataItem.$inferSelect,
  'code' | 'name' | 'type' | 'grade' | 'personalKind' | 'authoritative'
>;

/** One changed field: what it was and what it is now. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** What an edit changed, field by field; items by code (added, removed, changed fields). */
export interface ResourceDiff {
  fields: Record<string, FieldChange>;
  items: { added: string[]; removed: string[]; changed: Record<string, Record<string, FieldChange>> };
}

export const DIFFED_FIELDS = [
  'name',
  'providerDepartmentId',
  'abstract',
  'format',
  'updateCycle',
  'publishDate',
  'sharingType',
  'sharingCondition',
  'openingType',
  'relatedCodes',
  'keyItems',
] as const;

const ITEM_FIELDS = ['name', 'type', 'grade', 'personalKind', 'authoritative'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// The field-level difference between a stored resource and its edit (for the audit entry).
export function diffResource(
  before: Resource,
  beforeItems: readonly ItemRow[],
  after: Pick<Resource, (typeof DIFFED_FIELDS)[number]>,
  afterItems: readonly ItemRow[],
): ResourceDiff {
  const fields: Record<string, FieldChange> = {};
  for (const field of DIFFED_FIELDS)
    if (!same(before[field], after[field]))
      fields[field] = { from: before[field] ?? null, to: after[field] ?? null };
  const old = new Map(beforeItems.map((i) => [i.code, i]));
  const now = new Map(afterItems.map((i) => [i.code, i]));
  const changed: ResourceDiff['items']['changed'] = {};
  for (const [code, item] of now) {
    const was = old.get(code);
    if (!was) continue;
    const itemChanges: Record<string, FieldChange> = {};
    for (const field of ITEM_FIELDS)
      if (!same(was[field], item[field]))
        itemChanges[field] = { from: was[field] ?? null, to: item[field] ?? null };
    if (Object.keys(itemChanges).length) changed[code] = itemChanges;
  }
  const codesBefore = beforeItems.map((i) => i.code);
  const codesAfter = afterItems.map((i) => i.code);
  if (codesBefore.join() !== codesAfter.join()) fields.itemCodes = { from: codesBefore, to: codesAfter };
  return {
    fields,
    items: {
      added: [...now.keys()].filter((c) => !old.has(c)),
      removed: [...old.keys()].filter((c) => !now.has(c)),
      changed,
    },
  };
}

/** True when the diff holds no change at all. */
export function isEmptyDiff(diff: ResourceDiff): boolean {
  return (
    !Object.keys(diff.fields).length &&
    !diff.items.added.length &&
    !diff.items.removed.length &&
    !Object.keys(diff.items.changed).length
  );
}
