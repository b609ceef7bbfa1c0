import type { Executor } from '@zhizhi/kernel/db';
import { NotFoundError } from '@zhizhi/kernel/errors';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { dataItem, dataResource } from '../catalog/schema';

/** A resource as the portal knows it (no search vector). */
export type OpenResource = Omit<typeof dataResource.$inferSelect, 'search'>;
export type OpenItem = typeof dataItem.$inferSelect;

/** What the public may see: active resources that are open (无条件开放) or restricted-open (受限开放). */
export const publicResource: SQL = and(
  eq(dataResource.status, 'active'),
  inArray(dataResource.openingType, ['open', 'restricted']),
) as SQL;

/** `201003-000001` (URL form, as CKAN names it) or `201003/000001` → the catalog code. */
export function catalogCode(urlCode: string): string {
  return urlCode.trim().replace(/^(\d{6,9})[-/](\d{6})$/, '$1/$2');
}

/** The URL form of a catalog code. */
export function urlCode(code: string): string {
  return code.replace('/', '-');
}

/** A public resource by code with its items in order; anything else does not exist for the public. */
export async function findPublicResource(
  executor: Executor,
  code: string,
): Promise<{ resource: OpenResource; items: OpenItem[] }> {
  const normalised = catalogCode(code);
  const [row] = /^\d{6,9}\/\d{6}$/.test(normalised)
    ? await executor
        .select()
        .from(dataResource)
        .where(and(eq(dataResource.code, normalised), publicResource))
    : [];
  if (!row) throw new NotFoundError('data.open.resource_not_found', 'No such open data resource.');
  const { search: _vector, ...resource } = row;
  const items = await executor
    .select()
    .from(dataItem)
    .where(eq(dataItem.resourceId, resource.id))
    .orderBy(asc(dataItem.sort));
  return { resource, items };
}
