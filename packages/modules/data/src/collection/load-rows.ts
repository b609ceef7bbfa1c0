import { createHash } from 'node:crypto';
import { InputError } from '@zhizhi/kernel/errors';
import type { CellValue, SourceRow } from './read-file';

/** An item of the resource as the loader needs it. */
export interface LoadItem {
  code: string;
  name: string;
}

/**
 * Source column → item code. Explicit entries win; without any, a column maps when its name
 * equals an item's code or name. Unknown items, missing columns and two columns on one item
 * are input errors.
 */
export function resolveMapping(
  columns: readonly string[],
  items: readonly LoadItem[],
  explicit: Record<string, string> | undefined,
  keyItems: readonly string[],
): Record<string, string> {
  const codes = new Set(items.map((i) => i.code));
  const mapping: Record<string, string> = {};
  if (explicit && Object.keys(explicit).length) {
    for (const [column, item] of Object.entries(explicit)) {
      if (!columns.includes(column))
        throw new InputError('data.load.mapping_column', `The source has no column “${column}”.`);
      if (!codes.has(item))
        throw new InputError('data.load.mapping_item', `The resource has no item ${item}.`);
      mapping[column] = item;
    }
  } else {
    const byName = new Map(items.flatMap((i) => [[i.code, i.code] as const, [i.name, i.code] as const]));
    for (const column of columns) {
      const item = byName.get(column.trim());
      if (item) mapping[column] = item;
    }
  }
  const targets = Object.values(mapping);
  if (!targets.length)
    throw new InputError(
      'data.load.mapping_empty',
      'No column maps to an item: name columns after item codes or names, or give a mapping.',
    );
  if (new Set(targets).size !== targets.length)
    throw new InputError('data.load.mapping_twice', 'Two columns map to the same item.');
  const missing = keyItems.filter((k) => !targets.includes(k));
  if (missing.length)
    throw new InputError('data.load.key_unmapped', `The key item ${missing.join(', ')} is not mapped.`);
  return mapping;
}

/** A row as stored: key, content hash and item code → value. */
export interface PreparedRow {
  key: string;
  hash: string;
  data: Record<string, CellValue>;
}

/** Why a row cannot be loaded (fails the whole load; the row number is 1-based, header excluded). */
export class RowError extends Error {
  constructor(
    readonly code: string,
    readonly row: number,
  ) {
    super(`${code} at row ${row}`);
  }
}

function clean(value: CellValue): CellValue {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Maps source rows to items and keys them: by the key items' values, or by the content hash
 * (with `#n` on repeats) when the resource has no key. Remembers keys across batches.
 */
export function createRowPreparer(mapping: Record<string, string>, keyItems: readonly string[]) {
  const entries = Object.entries(mapping).sort((a, b) => (a[1] < b[1] ? -1 : 1));
  const seen = new Map<string, number>();
  let count = 0;
  return (row: SourceRow): PreparedRow => {
    count += 1;
    const data: Record<string, CellValue> = {};
    for (const [column, item] of entries) data[item] = clean(row[column] ?? null);
    const hash = createHash('sha256')
      .update(JSON.stringify(entries.map(([, item]) => data[item])))
      .digest('hex');
    let key: string;
    if (keyItems.length) {
      const parts = keyItems.map((k) => data[k]);
      if (parts.some((p) => p === null)) throw new RowError('data.load.key_missing', count);
      key = parts.map(String).join('\u001f');
      if (seen.has(key)) throw new RowError('data.load.duplicate_key', count);
      seen.set(key, 1);
    } else {
      const repeat = seen.get(hash) ?? 0;
      seen.set(hash, repeat + 1);
      key = repeat ? `${hash}#${repeat}` : hash;
    }
    return { key, hash, data };
  };
}

/** Added / changed / removed / unchanged rows against the previous load's keys and hashes. */
export function diffRows(previous: ReadonlyMap<string, string>, rows: readonly PreparedRow[]) {
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  for (const row of rows) {
    const before = previous.get(row.key);
    if (before === undefined) added += 1;
    else if (before === row.hash) unchanged += 1;
    else changed += 1;
  }
  return { added, changed, unchanged, removed: previous.size - changed - unchanged };
}
