import type { Executor } from '@zhizhi/kernel/db';
import { NotFoundError } from '@zhizhi/kernel/errors';
import { orgDepartment } from '@zhizhi/kernel/org';
import { asc, eq } from 'drizzle-orm';
import { dataItem, dataResource } from '../catalog/schema';

/** A resource with its items and its provider department's division (for scope checks). */
export async function findResource(executor: Executor, id: string) {
  const [row] = /^[0-9a-f-]{36}$/i.test(id)
    ? await executor
        .select({
          id: dataResource.id,
          code: dataResource.code,
          name: dataResource.name,
          departmentId: dataResource.providerDepartmentId,
          divisionCode: orgDepartment.divisionCode,
          updateCycle: dataResource.updateCycle,
          keyItems: dataResource.keyItems,
          status: dataResource.status,
        })
        .from(dataResource)
        .innerJoin(orgDepartment, eq(orgDepartment.id, dataResource.providerDepartmentId))
        .where(eq(dataResource.id, id))
    : [];
  if (!row) throw new NotFoundError('data.resource.not_found', 'No such data resource.');
  const items = await executor
    .select({
      id: dataItem.id,
      code: dataItem.code,
      name: dataItem.name,
      nameKey: dataItem.nameKey,
      rules: dataItem.rules,
    })
    .from(dataItem)
    .where(eq(dataItem.resourceId, id))
    .orderBy(asc(dataItem.sort));
  return { ...row, items };
}

export type FoundResource = Awaited<ReturnType<typeof findResource>>;
