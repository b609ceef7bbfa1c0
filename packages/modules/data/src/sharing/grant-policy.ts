import type { Actor } from '@zhizhi/kernel/access';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError } from '@zhizhi/kernel/errors';
import { z } from 'zod';
import { maskModeFor } from './mask';
import { dataShareGrant, type dataShareRequest, type GrantItem } from './schema';
import { ITEM_CODE, resourceWithItems } from './share-access';

const DAY = 86_400_000;

const filterValue = z.union([z.string().max(200), z.number(), z.boolean()]);

export const approveSchema = z.object({
  items: z.array(z.string().regex(ITEM_CODE)).min(1).max(500).optional(),
  rowFilter: z.record(z.string().regex(ITEM_CODE), filterValue).default({}),
  quotaPerDay: z.number().int().min(1).max(10_000_000).default(10_000),
  ratePerMinute: z.number().int().min(1).max(100_000).default(600),
  expiresInDays: z.number().int().min(1).max(1095),
  note: z.string().trim().max(500).optional(),
});

/** A filter value in the item's type, so `data @> …` matches what the loader stored. */
export function coerceToItemType(type: string, value: string | number | boolean): string | number | boolean {
  if (
    (type === 'integer' || type === 'decimal') &&
    typeof value === 'string' &&
    /^-?\d+(\.\d+)?$/.test(value)
  )
    return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return typeof value === 'string' ? value : type === 'string' ? String(value) : value;
}

/**
 * Writes the grant of an approved request: the items chosen (a subset of those requested) with
 * their masking modes frozen now, the row filter in the items' types, quota, rate and expiry.
 * Returns the approved item codes. `loaded` spares reading the resource again (batch seeding).
 */
export async function insertGrant(
  tx: Executor,
  actor: Actor,
  row: typeof dataShareRequest.$inferSelect,
  grantId: string,
  a: z.output<typeof approveSchema>,
  now: Date,
  loaded?: Awaited<ReturnType<typeof resourceWithItems>>,
) {
  const { resource, items } = loaded ?? (await resourceWithItems(tx, row.resourceId));
  if (resource.status === 'retired' || resource.sharingType === 'none')
    throw new ConflictError('data.share.resource_not_shareable', 'The resource is no longer shared.');
  const chosen = [...new Set(a.items ?? row.items)];
  const beyond = chosen.filter((code) => !row.items.includes(code));
  if (beyond.length)
    throw new InputError('data.share.item_not_requested', `Items not requested: ${beyond.join(', ')}.`, {
      errors: beyond.map((code) => ({ path: '/items', message: `not requested: ${code}` })),
    });
  const byCode = new Map(items.map((i) => [i.code, i]));
  const rowFilter: Record<string, string | number | boolean> = {};
  for (const [code, value] of Object.entries(a.rowFilter)) {
    const item = byCode.get(code);
    if (!item)
      throw new InputError('data.share.filter_unknown_item', `The resource has no item ${code}.`, {
        errors: [{ path: `/rowFilter/${code}`, message: 'unknown item' }],
      });
    rowFilter[code] = coerceToItemType(item.type, value);
  }
  const grantItems: GrantItem[] = chosen.map((code) => {
    const item = byCode.get(code)!;
    return {
      code,
      name: item.name,
      type: item.type,
      mode: maskModeFor(item),
      personalKind: item.personalKind ?? null,
    };
  });
  await tx.insert(dataShareGrant).values({
    id: grantId,
    requestId: row.id,
    consumerDepartmentId: row.consumerDepartmentId,
    providerDepartmentId: row.providerDepartmentId,
    resourceId: resource.id,
    resourceCode: resource.code,
    items: grantItems,
    rowFilter,
    quotaPerDay: a.quotaPerDay,
    ratePerMinute: a.ratePerMinute,
    matterCode: row.matterCode,
    purpose: row.purpose,
    expiresAt: new Date(now.getTime() + a.expiresInDays * DAY),
    status: 'active',
    approvedBy: actor.id,
    approvedAt: now,
  });
  return chosen;
}
