import {
  type CatalogService,
  createCatalogService,
  createRowPreparer,
  dataLoad,
  dataResource,
  dataRow,
  dataSystem,
} from '@zhizhi/data';
import { type Kernel, newId, systemActor } from '@zhizhi/kernel';
import { recordAudit } from '@zhizhi/kernel/audit';
import { and, eq } from 'drizzle-orm';
import { type DemoResource, fenghuaDemoCatalog, fenghuaDemoSystems } from './data-catalog';
import { demoRowGenerators } from './data-catalog-rows';

/** What the demo catalog seed added (zero on a second run). */
export interface SeedDataCatalogResult {
  resources: number;
  rows: number;
  systems: number;
}

/**
 * Registers the Fenghua demo catalog through the catalog service (codes, grading and 一数一源 as for
 * any registration), loads each resource's synthetic rows as its load version 1, and adds the
 * systems census. Idempotent: a resource (by provider and name) or a system already there is skipped.
 */
export async function seedDataCatalog(
  kernel: Kernel,
  catalog: CatalogService = createCatalogService(kernel),
): Promise<SeedDataCatalogResult> {
  const departments = new Map((await kernel.org.listDepartments(systemActor)).map((d) => [d.code, d.id]));
  const result: SeedDataCatalogResult = { resources: 0, rows: 0, systems: 0 };
  const ids = new Map<string, string>();
  for (const demo of fenghuaDemoCatalog) {
    const providerDepartmentId = departments.get(demo.provider);
    if (!providerDepartmentId) continue;
    const [existing] = await kernel.db
      .select({ id: dataResource.id })
      .from(dataResource)
      .where(
        and(eq(dataResource.providerDepartmentId, providerDepartmentId), eq(dataResource.name, demo.name)),
      );
    if (existing) {
      ids.set(demo.name, existing.id);
      continue;
    }
    const { provider: _provider, rows: _rows, ...fields } = demo;
    const { id } = await catalog.registerResource(systemActor, { ...fields, providerDepartmentId });
    ids.set(demo.name, id);
    result.resources += 1;
    result.rows += await loadDemoRows(kernel, id, demo);
  }
  for (const system of fenghuaDemoSystems) {
    const departmentId = departments.get(system.owner);
    const [taken] = await kernel.db
      .select({ id: dataSystem.id })
      .from(dataSystem)
      .where(eq(dataSystem.name, system.name));
    if (!departmentId || taken) continue;
    await catalog.registerSystem(systemActor, {
      name: system.name,
      departmentId,
      status: system.status,
      resourceIds: system.resources.flatMap((name) => ids.get(name) ?? []),
    });
    result.systems += 1;
  }
  return result;
}

// The synthetic rows as load version 1, keyed and hashed the way the collection module keys loads.
async function loadDemoRows(kernel: Kernel, resourceId: string, demo: DemoResource): Promise<number> {
  const generate = demo.rows ? demoRowGenerators[demo.rows] : undefined;
  if (!generate) return 0;
  const source = generate();
  const mapping = Object.fromEntries(demo.items.map((i) => [i.code, i.code]));
  const prepare = createRowPreparer(mapping, demo.keyItems ?? []);
  const prepared = source.map((row) => prepare(row));
  const now = kernel.clock.now();
  await kernel.transaction(async (tx) => {
    const loadId = newId();
    await tx.insert(dataLoad).values({
      id: loadId,
      resourceId,
      version: 1,
      source: 'upload',
      sourceLabel: `${demo.name}（演示合成数据）.csv`,
      mapping,
      status: 'done',
      rowsRead: prepared.length,
      rowsTotal: prepared.length,
      added: prepared.length,
      createdBy: systemActor.id,
      startedAt: now,
      finishedAt: now,
    });
    await tx.insert(dataRow).values(
      prepared.map((row) => ({
        resourceId,
        rowKey: row.key,
        data: row.data,
        hash: row.hash,
        loadVersion: 1,
      })),
    );
    await recordAudit(tx, kernel.clock, {
      actor: systemActor,
      action: 'data.load.seeded',
      subjectType: 'data_resource',
      subjectId: resourceId,
      data: { version: 1, rows: prepared.length, synthetic: true },
    });
  });
  return prepared.length;
}
