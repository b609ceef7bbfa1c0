import { createCatalogExports, createCatalogService, dataRow, topGrade } from '@zhizhi/data';
import { createKernel, startKernel, systemActor } from '@zhizhi/kernel';
import { createTestDatabase } from '@zhizhi/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIdNumber, isValidUscc } from './check-digits';
import { fenghuaDemoCatalog, fenghuaDemoSystems } from './data-catalog';
import { seedDataCatalog } from './data-catalog-seed';
import { seedFenghua } from './seed';

describe('the Fenghua demo data catalog', () => {
  let kernel: ReturnType<typeof createKernel>;
  let first: Awaited<ReturnType<typeof seedFenghua>>;
  const catalog = () => createCatalogService(kernel);
  beforeAll(async () => {
    const database = await createTestDatabase();
    kernel = createKernel({ database });
    await startKernel(kernel, { migrate: false });
    first = await seedFenghua(kernel);
  }, 180_000);
  afterAll(() => kernel.database.close());

  it('registers every demo resource through the catalog rules, across real district departments', async () => {
    expect(first.dataCatalog).toMatchObject({
      resources: fenghuaDemoCatalog.length,
      systems: fenghuaDemoSystems.length,
    });
    const listed = await catalog().listResources(systemActor, { limit: 100 });
    expect(listed.total).toBe(fenghuaDemoCatalog.length);
    expect(Object.keys(listed.facets.providerDepartmentId).length).toBeGreaterThanOrEqual(12);
    // The open-data portal has L1-only open resources to show.
    const open = listed.items.filter((r) => r.openingType === 'open');
    expect(open.map((r) => r.name).sort()).toEqual(['公共停车场信息', '医疗机构名录', '学校名录']);
    expect(open.every((r) => r.topGrade === 'L1')).toBe(true);
    for (const demo of fenghuaDemoCatalog) {
      if (demo.keyItems?.length)
        expect(demo.items.map((i) => i.code)).toEqual(expect.arrayContaining(demo.keyItems));
      if (topGrade(demo.items) === 'L4') expect(demo.openingType).toBe('closed');
    }
    // No demo item is claimed as the one source by two departments.
    for (const r of listed.items)
      expect((await catalog().getResource(systemActor, r.id)).conflicts).toEqual([]);
    const exports = createCatalogExports(kernel, { baseUrl: 'http://localhost', publisher: '宁波市奉化区' });
    expect(await exports.packageList()).toHaveLength(
      fenghuaDemoCatalog.filter((r) => r.openingType !== 'closed').length,
    );
  });

  it('loads synthetic rows with valid check digits, keyed by the key items', async () => {
    const rows = await kernel.db.select().from(dataRow);
    expect(rows.length).toBe(first.dataCatalog.rows);
    expect(rows.length).toBeGreaterThan(150);
    const ids = rows.flatMap((r) => (typeof r.data.id_number === 'string' ? [r.data.id_number] : []));
    const usccs = rows.flatMap((r) => (typeof r.data.uscc === 'string' ? [r.data.uscc] : []));
    expect(ids.length).toBeGreaterThan(90);
    expect(usccs.length).toBe(40);
    expect(ids.every(isValidIdNumber)).toBe(true);
    expect(usccs.every(isValidUscc)).toBe(true);
    // Synthetic markers: ID sequences 900–999.
    expect(ids.every((id) => Number(id.slice(14, 17)) >= 900)).toBe(true);
  });

  it('keeps a systems census naming the resources each system holds', async () => {
    const systems = await catalog().listSystems(systemActor);
    expect(systems.map((s) => s.name)).toContain('奉化区社会保险经办系统');
    expect(systems.find((s) => s.name === '奉化区社会保险经办系统')?.resourceIds).toHaveLength(2);
  });

  it('seeds once: a second run adds nothing', async () => {
    expect(await seedDataCatalog(kernel)).toEqual({ resources: 0, rows: 0, systems: 0 });
    expect((await catalog().listResources(systemActor)).total).toBe(fenghuaDemoCatalog.length);
  });
});
