import type { Executor } from '@zhizhi/kernel/db';
import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import { dataRow } from '../collection/schema';
import { type MaskMode, maskModeFor, maskValue } from '../sharing/mask';
import type { OpenItem } from './resources';

export type RowValue = string | number | boolean | null;

/** An item as it leaves: its code, name, type and the mask applied to its values. */
export interface DeliveredItem {
  code: string;
  name: string;
  type: string;
  personalKind: OpenItem['personalKind'];
  mode: MaskMode;
}

const STRENGTH: Record<MaskMode, number> = { clear: 0, light: 1, strict: 2, redact: 3 };

/** The stricter of two masks: an approval's mode never loosens when an item is re-graded up. */
export function stricter(a: MaskMode, b: MaskMode): MaskMode {
  return STRENGTH[a] >= STRENGTH[b] ? a : b;
}

/**
 * The items delivered for `items` (catalog order): each masked by its grade (L1 → clear), or by
 * the stricter of its grade and the mode an approval fixed.
 */
export function deliveredItems(items: OpenItem[], approved?: Record<string, MaskMode>): DeliveredItem[] {
  return items
    .filter((i) => !approved || i.code in approved)
    .map((i) => ({
      code: i.code,
      name: i.name,
      type: i.type,
      personalKind: i.personalKind,
      mode: approved ? stricter(maskModeFor(i), approved[i.code]) : maskModeFor(i),
    }));
}

/** One stored row → the delivered items only, each value masked. */
export function deliverRow(data: Record<string, RowValue>, items: DeliveredItem[]): Record<string, RowValue> {
  const out: Record<string, RowValue> = {};
  for (const item of items) out[item.code] = maskValue(data[item.code], item.mode, item.personalKind);
  return out;
}

/** A filter value from a query string, typed as the item stores it (jsonb containment is typed). */
export function typedValue(type: string, raw: string): RowValue | undefined {
  switch (type) {
    case 'integer':
      return /^-?\d{1,15}$/.test(raw) ? Number(raw) : undefined;
    case 'decimal':
      return /^-?\d{1,15}(\.\d{1,10})?$/.test(raw) ? Number(raw) : undefined;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    default:
      return raw;
  }
}

/** `data @> {…}`: equality on item values, served by the GIN jsonb_path_ops index. */
export function containment(filters: Record<string, RowValue>): SQL | undefined {
  if (!Object.keys(filters).length) return undefined;
  return sql`${dataRow.data} @> ${JSON.stringify(filters)}::jsonb`;
}

/**
 * All rows of a resource in key order, a batch at a time (keyset paging: memory stays flat however
 * many rows there are).
 */
export async function* rowBatches(
  executor: Executor,
  resourceId: string,
  batchSize = 1000,
): AsyncGenerator<Record<string, RowValue>[]> {
  let after: string | null = null;
  for (;;) {
    const rows: { rowKey: string; data: Record<string, RowValue> }[] = await executor
      .select({ rowKey: dataRow.rowKey, data: dataRow.data })
      .from(dataRow)
      .where(and(eq(dataRow.resourceId, resourceId), after === null ? undefined : gt(dataRow.rowKey, after)))
      .orderBy(asc(dataRow.rowKey))
      .limit(batchSize);
    if (!rows.length) return;
    yield rows.map((r) => r.data);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].rowKey;
  }
}
