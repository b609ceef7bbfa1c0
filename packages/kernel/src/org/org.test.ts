import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access';
import { listAudit } from '../audit';
import { createTestKernel } from '../testing';

describe('org service', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  beforeAll(async () => {
    t = await createTestKernel();
  });
  afterAll(() => t.close());

  it('lists top-level divisions with child counts and children by parent', async () => {
    const top = await t.kernel.org.listDivisions(systemActor);
    expect(top).toEqual([expect.objectContaining({ code: '330213000000', childCount: 2 })]);
    const towns = await t.kernel.org.listDivisions(systemActor, { parentCode: '330213000000' });
    expect(towns.map((d) => d.name)).toEqual(['锦屏街道', '溪口镇']);
  });

  it('renames a division from a date, keeping the old name in its history', async () => {
    const renamed = await t.kernel.org.renameDivision(systemActor, '330213100225', {
      name: '岩头古村',
      effectiveFrom: '2026-01-01',
    });
    expect(renamed).toMatchObject({ name: '岩头古村', validFrom: '2026-01-01', validTo: null });
    expect(renamed.history).toEqual([expect.objectContaining({ name: '岩头村', validTo: '2025-12-31' })]);
    const { items } = await listAudit(t.kernel.db, { action: 'org.division.renamed' });
    expect(items[0].data).toEqual({ from: '岩头村', to: '岩头古村', effectiveFrom: '2026-01-01' });
  });

  it('refuses a rename dated before the current name', async () => {
    await expect(
      t.kernel.org.renameDivision(systemActor, '330213001000', { name: 'X', effectiveFrom: '2010-01-01' }),
    ).rejects.toMatchObject({ code: 'org.division.rename_before_start' });
  });

  it('creates grids only inside a current village, with the village code as prefix', async () => {
    const grid = await t.kernel.org.createGrid(systemActor, {
      code: '330213001005001',
      name: '南门社区第1网格',
      villageCode: '330213001005',
    });
    expect(grid.villageCode).toBe('330213001005');
    await expect(
      t.kernel.org.createGrid(systemActor, {
        code: '330213001000001',
        name: 'x',
        villageCode: '330213001000',
      }),
    ).rejects.toMatchObject({ code: 'org.grid.not_in_village' });
    await expect(
      t.kernel.org.createGrid(systemActor, {
        code: '330213100225001',
        name: 'x',
        villageCode: '330213001005',
      }),
    ).rejects.toMatchObject({ code: 'org.grid.invalid_code' });
    await expect(
      t.kernel.org.createGrid(systemActor, {
        code: '330213001005001',
        name: 'dup',
        villageCode: '330213001005',
      }),
    ).rejects.toMatchObject({ code: 'org.grid.code_taken' });
    expect(await t.kernel.org.listGrids(systemActor, { townCode: '330213001000' })).toHaveLength(1);
  });

  it('denies by default: an anonymous actor reads nothing', async () => {
    await expect(
      t.kernel.org.listDepartments({ ...systemActor, type: 'anonymous', grants: [] }),
    ).rejects.toMatchObject({ code: 'access.unauthenticated' });
  });

  it('rejects a duplicate department code and changes nothing', async () => {
    const before = await t.kernel.org.listDepartments(systemActor);
    await expect(
      t.kernel.org.createDepartment(systemActor, {
        code: 'rsj',
        name: 'again',
        nameEn: '',
        divisionCode: '330213000000',
        kind: 'bureau',
      }),
    ).rejects.toMatchObject({ code: 'org.department.code_taken' });
    expect(await t.kernel.org.listDepartments(systemActor)).toEqual(before);
  });

  it('publishes org.grid.worker_changed after commit when a grid worker changes', async () => {
    const seen: unknown[] = [];
    t.kernel.events.subscribe('org.grid.worker_changed', (event) => {
      seen.push(event.payload);
    });
    const worker = await t.kernel.staff.createStaff(systemActor, {
      username: 'grid.worker',
      displayName: '网格员甲',
      password: 'secret-123',
      departmentId: null,
      roles: [],
    });
    const [grid] = await t.kernel.org.listGrids(systemActor, { villageCode: '330213001005' });
    await t.kernel.org.updateGrid(systemActor, grid.id, { workerId: worker.id });
    await t.kernel.org.updateGrid(systemActor, grid.id, { name: '南门社区第一网格' }); // no worker change, no event
    await t.kernel.events.dispatch();
    expect(seen).toEqual([
      { gridId: grid.id, gridCode: grid.code, villageCode: '330213001005', from: null, to: worker.id },
    ]);
  });
});
