import { createKernel, startKernel, systemActor } from '@zhizhi/kernel';
import { createTestDatabase } from '@zhizhi/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFenghua } from './seed';

describe('seedFenghua', () => {
  let kernel: ReturnType<typeof createKernel>;
  let first: Awaited<ReturnType<typeof seedFenghua>>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    kernel = createKernel({ database });
    await startKernel(kernel, { migrate: false });
    first = await seedFenghua(kernel, { scale: 50 });
  }, 120_000);
  afterAll(() => kernel.database.close());

  it('loads the district, 12 townships, their villages, departments, grids and one account per demo role', async () => {
    const towns = await kernel.org.listDivisions(systemActor, { parentCode: '330213000000' });
    expect(towns).toHaveLength(12);
    expect(towns.reduce((n, t) => n + t.childCount, 0)).toBe(337);
    expect((await kernel.org.listDepartments(systemActor)).length).toBe(95); // 35 district units, 12 township offices, 12 × 4 platform units (四平台)
    expect(first.credentials.map((c) => c.username).sort()).toEqual([
      'admin',
      'audit',
      'dispatcher',
      'grid.jinping',
      'grid.xikou',
      'leader',
      'mzj.admin',
      'rsj.admin',
      'scjgj.admin',
      'scjgj.handler',
      'scjgj.inspector1',
      'scjgj.inspector2',
      'xikou.window',
      'yjj.handler',
      'zhzf.jinping',
      'zhzf.xikou',
      'zhzfj.handler',
      'zwfw.window',
    ]);
    expect(first.synthetic).toEqual({ citizens: 50, enterprises: 5 });
  });

  it('keeps historic codes: 奉化市 330283 replaced by 奉化区', async () => {
    const district = await kernel.org.getDivision(systemActor, '330213000000');
    expect(district.history).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: '330283000000', replacedBy: '330213000000' })]),
    );
  });

  it('makes each demo grid worker the worker of a grid in their village', async () => {
    const grids = await kernel.org.listGrids(systemActor, { villageCode: '330213100225' });
    expect(grids[0].workerName).not.toBeNull();
  });

  it('seeds once: a second run adds no region and prints no passwords', async () => {
    const again = await seedFenghua(kernel);
    expect(again).toMatchObject({ seeded: false, credentials: [] });
    expect(await kernel.org.listDivisions(systemActor, { parentCode: '330213000000' })).toHaveLength(12);
  });
});
