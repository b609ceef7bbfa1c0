import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access';
import { listAudit } from '../audit';
import { createTestKernel } from '../testing';

describe('dispatch catalogue', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  beforeAll(async () => {
    t = await createTestKernel();
    await t.kernel.org.createDepartment(systemActor, {
      code: 'zhzf',
      name: '区综合行政执法局',
      nameEn: 'Law Enforcement Bureau',
      divisionCode: '330213000000',
      kind: 'bureau',
    });
    await t.kernel.org.createDepartment(systemActor, {
      code: 'sthj',
      name: '生态环境分局',
      nameEn: 'Ecology and Environment Bureau',
      divisionCode: '330213000000',
      kind: 'bureau',
    });
  });
  afterAll(() => t.close());

  const rules = [
    {
      category: 'road.pothole',
      divisionCode: '330213100000',
      condition: 'double(data.area) > 10.0',
      departmentCode: 'zhzf',
      grade: 'major',
      limitDays: 3,
    },
    { category: 'road.*', divisionCode: '330213100000', departmentCode: 'town-330213100', limitDays: 5 },
    { category: 'environment.*', departmentCode: 'sthj', limitDays: 7 },
  ];

  it('routes by category and division, first matching rule wins, CEL for finer conditions', async () => {
    expect(await t.kernel.dispatch.setCatalogue(systemActor, 'event', rules)).toEqual({
      typeCode: 'event',
      version: 1,
      created: true,
    });
    const route = (category: string, divisionCode: string, data?: Record<string, unknown>) =>
      t.kernel.dispatch.route(t.kernel.db, 'event', { category, divisionCode, data });
    expect(await route('road.pothole', '330213100225', { area: 25 })).toMatchObject({
      departmentCode: 'zhzf',
      grade: 'major',
      limitDays: 3,
      ruleIndex: 0,
    });
    expect(await route('road.pothole', '330213100225', { area: 2 })).toMatchObject({
      departmentCode: 'town-330213100',
      departmentId: t.departments.xikou.id,
      grade: 'normal',
      ruleIndex: 1,
    });
    expect(await route('environment.smoke', '330213001005')).toMatchObject({
      departmentCode: 'sthj',
      limitDays: 7,
    });
    await expect(route('road.pothole', '330213001005', { area: 2 })).rejects.toMatchObject({
      code: 'cases.route.no_match',
    });
  });

  it('versions by content and audits each new version', async () => {
    expect(await t.kernel.dispatch.setCatalogue(systemActor, 'event', rules)).toMatchObject({
      version: 1,
      created: false,
    });
    expect(await t.kernel.dispatch.setCatalogue(systemActor, 'event', rules.slice(1))).toMatchObject({
      version: 2,
      created: true,
    });
    const { items } = await listAudit(t.kernel.db, { action: 'cases.catalogue.set' });
    expect(items.map((e) => e.data.version)).toEqual([2, 1]);
  });

  it('refuses unknown departments, bad conditions and malformed rules, keeping the current version', async () => {
    await expect(
      t.kernel.dispatch.setCatalogue(systemActor, 'event', [{ category: 'x', departmentCode: 'nope' }]),
    ).rejects.toMatchObject({ code: 'cases.catalogue.unknown_department' });
    await expect(
      t.kernel.dispatch.setCatalogue(systemActor, 'event', [
        { category: 'x', departmentCode: 'sthj', condition: 'data.area >' },
      ]),
    ).rejects.toMatchObject({ code: 'rules.expression.invalid' });
    await expect(
      t.kernel.dispatch.setCatalogue(systemActor, 'event', [
        { category: 'Bad Category', departmentCode: 'sthj' },
      ]),
    ).rejects.toMatchObject({ code: 'cases.catalogue.invalid' });
    expect((await t.kernel.dispatch.current('event'))?.version).toBe(2);
  });
});
