import type { Executor } from '@zhizhi/kernel/db';
import { orgDepartment } from '@zhizhi/kernel/org';
import { asc, eq, inArray } from 'drizzle-orm';
import { dataItem, dataResource } from './schema';

export type Resource = typeof dataResource.$inferSelect;
export type Item = typeof dataItem.$inferSelect;
export type Department = typeof orgDepartment.$inferSelect;

/** The public sees the open catalogue (无条件/受限开放); staff with catalog access see it all. */
export const visible = (includeClosed: boolean) => (r: Resource) =>
  includeClosed || r.openingType !== 'closed';

// Active resources (retired ones leave every export) with their items and departments, for exports.
export async function loadCatalog(executor: Executor, filter?: (r: Resource) => boolean) {
  const resources = (
    await executor
      .select()
      .from(dataResource)
      .where(eq(dataResource.status, 'active'))
      .orderBy(asc(dataResource.code))
  ).filter((r) => !filter || filter(r));
  const ids = resources.map((r) => r.id);
  const items = ids.length
    ? await executor
        .select()
        .from(dataItem)
        .where(inArray(dataItem.resourceId, ids))
        .orderBy(asc(dataItem.sort))
    : [];
  const byResource = new Map<string, Item[]>();
  for (const item of items) {
    const list = byResource.get(item.resourceId);
    if (list) list.push(item);
    else byResource.set(item.resourceId, [item]);
  }
  const departmentIds = [...new Set(resources.map((r) => r.providerDepartmentId))];
  const departments = new Map(
    (departmentIds.length
      ? await executor.select().from(orgDepartment).where(inArray(orgDepartment.id, departmentIds))
      : []
    ).map((d) => [d.id, d]),
  );
  return {
    resources,
    itemsOf: (id: string) => byResource.get(id) ?? [],
    departmentOf: (id: string) => departments.get(id),
  };
}
