import {
  type CatalogService,
  createCatalogService,
  createDataCollection,
  type DataCollection,
  dataResource,
  dataSystem,
} from '@zhizhi/data';
import { type Kernel, systemActor } from '@zhizhi/kernel';
import { and, eq } from 'drizzle-orm';
import { type DemoResource, fenghuaDemoCatalog, fenghuaDemoSystems } from './data-catalog';
import { demoRowGenerators } from './data-catalog-rows';

/** The publish date of demo resources that name none (the catalog's first compilation). */
const DEMO_PUBLISHED = '2024-12-31';

/** What the demo catalog seed added (zero on a second run). */
export interface SeedDataCatalogResult {
  resources: number;
  rows: number;
  systems: number;
}

/**
 * Registers the Fenghua demo catalog through the catalog service (codes, grading and 一数一源 as for
 * any registration), sets quality rules and loads each resource's synthetic rows through the
 * collection module as its load version 1, and adds the systems census. Idempotent: a resource (by provider and name) or a system already there is skipped.
 */
export async function seedDataCatalog(
  kernel: Kernel,
  catalog: CatalogService = createCatalogService(kernel),
  given?: DataCollection,
): Promise<SeedDataCatalogResult> {
  // The server passes its started collection; alone (CLI seed, tests) the seed starts its own.
  let collection = given;
  if (!collection) {
    collection = createDataCollection(kernel);
    await collection.start();
  }
  const departments = new Map((await kernel.org.listDepartments(systemActor)).map((d) => [d.code, d.id]));
  const result: SeedDataCatalogResult = { resources: 0, rows: 0, systems: 0 };
  const ids = new Map<string, string>();
  const codes = new Map<string, string>();
  for (const demo of fenghuaDemoCatalog) {
    const providerDepartmentId = departments.get(demo.provider);
    if (!providerDepartmentId) continue;
    const [existing] = await kernel.db
      .select({ id: dataResource.id, code: dataResource.code })
      .from(dataResource)
      .where(
        and(eq(dataResource.providerDepartmentId, providerDepartmentId), eq(dataResource.name, demo.name)),
      );
    if (existing) {
      ids.set(demo.name, existing.id);
      codes.set(demo.name, existing.code);
      continue;
    }
    const { provider: _provider, rows: _rows, related, ...fields } = demo;
    const { id, code } = await catalog.registerResource(systemActor, {
      ...fields,
      publishDate: fields.publishDate ?? DEMO_PUBLISHED,
      relatedCodes: (related ?? []).flatMap((name) => codes.get(name) ?? []),
      providerDepartmentId,
    });
    ids.set(demo.name, id);
    codes.set(demo.name, code);
    result.resources += 1;
    result.rows += await loadDemoRows(collection, id, demo);
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

/**
 * The demo's quality rules, derived from the items: key items required (and unique when the key is
 * one item), ID numbers,
 * 统一社会信用代码, phones and dates checked by format (check digits included).
 */
export function demoRules(demo: DemoResource) {
  const keys = new Set(demo.keyItems ?? []);
  return demo.items.flatMap((item) => {
    const rules: Record<string, unknown>[] = [];
    // A single key item is unique by itself; the parts of a composite key only together.
    if (keys.has(item.code))
      rules.push({ kind: 'required' }, ...(keys.size === 1 ? [{ kind: 'unique' }] : []));
    if (item.personalKind === 'id_number') rules.push({ kind: 'format', format: 'id_number' });
    else if (item.personalKind === 'phone') rules.push({ kind: 'format', format: 'phone' });
    else if (item.code === 'uscc') rules.push({ kind: 'format', format: 'uscc' });
    else if (item.type === 'date') rules.push({ kind: 'format', format: 'date' });
    return rules.length ? [{ item: item.code, rules }] : [];
  });
}

// The synthetic rows as load version 1, through the collection module like any upload: rules set,
// rows keyed, diffed and checked, the version recorded with its pass rate.
async function loadDemoRows(
  collection: DataCollection,
  resourceId: string,
  demo: DemoResource,
): Promise<number> {
  await collection.quality.setRules(systemActor, resourceId, {
    keyItems: demo.keyItems ?? [],
    items: demoRules(demo),
  });
  const generate = demo.rows ? demoRowGenerators[demo.rows] : undefined;
  if (!generate) return 0;
  const started = await collection.loads.startLoad(systemActor, resourceId, {
    kind: 'upload',
    fileName: `${demo.name}（演示合成数据）.json`,
    bytes: Buffer.from(JSON.stringify(generate())),
  });
  const load = await collection.loads.waitFor(started.id);
  if (load.status !== 'done') throw new Error(`Demo load of ${demo.name} failed: ${load.errorCode}`);
  return load.rowsRead;
}
