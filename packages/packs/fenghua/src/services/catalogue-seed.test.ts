import { systemActor } from '@zhizhi/kernel';
import { createTestKernel } from '@zhizhi/kernel/testing';
import { createCatalogue } from '@zhizhi/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fenghuaDepartments } from '../departments';
import { fenghuaDivisions } from '../divisions';
import { fenghuaBundles, fenghuaFieldDictionary, fenghuaMatters } from '.';

describe('the Fenghua service catalogue in the database', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  beforeAll(async () => {
    t = await createTestKernel();
    await t.kernel.org.importDivisions(systemActor, fenghuaDivisions);
    for (const department of fenghuaDepartments) {
      if (['rsj', 'town-330213100'].includes(department.code)) continue; // made by the test kernel
      await t.kernel.org.createDepartment(systemActor, {
        code: department.code,
        name: department.name,
        nameEn: department.nameEn,
        divisionCode: department.divisionCode,
        kind: department.kind,
      });
    }
  }, 60_000);
  afterAll(() => t.close());

  it('publishes every field, matter and bundle with all references resolved, once', async () => {
    const catalogue = createCatalogue(t.kernel);
    const seed = { fields: fenghuaFieldDictionary, matters: fenghuaMatters, bundles: fenghuaBundles };
    expect(await catalogue.seed(seed)).toEqual({
      fields: fenghuaFieldDictionary.length,
      matters: fenghuaMatters.length,
      bundles: fenghuaBundles.length,
    });
    expect(await catalogue.seed(seed)).toEqual({ fields: 0, matters: 0, bundles: 0 });

    // 开餐馆 as a company with a signboard in a large hall: company, food permit, sign, fire safety.
    const plan = await catalogue.plan('open_restaurant', {
      entity: 'company',
      has_signboard: true,
      seats: 'large',
    });
    expect(plan.matters.map((m) => m.code)).toEqual(
      expect.arrayContaining(['许可-00702-000', '其他-00705-000', '许可-00704-000']),
    );
    expect(plan.matters.map((m) => m.code)).not.toContain('许可-00701-000');
    expect(plan.form.length).toBeLessThan(plan.separately.fields);
    expect(plan.materials.length).toBeLessThan(plan.separately.materials);
    // 溪口's own guesthouse registration is offered there and not in 锦屏; district matters in both.
    const xikou = (await catalogue.listMatters({ divisionCode: '330213100225' })).map((m) => m.code);
    const jinping = (await catalogue.listMatters({ divisionCode: '330213001005' })).map((m) => m.code);
    expect(xikou).toContain('其他-01205-000');
    expect(jinping).not.toContain('其他-01205-000');
    expect(jinping).toContain('许可-00702-000');
  });
});
