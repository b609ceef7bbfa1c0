import { isKernelError } from '@zhizhi/kernel';
import { type Actor, systemActor } from '@zhizhi/kernel/access';
import { actorFor, createTestKernel } from '@zhizhi/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionary, matterInputs, restaurant } from '../testing/catalogue-fixture';
import { type Catalogue, createCatalogue } from './catalogue-service';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return isKernelError(error) ? error.code : String(error);
  }
}

describe('service catalogue', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  let catalogue: Catalogue;
  let clerk: Actor;

  beforeAll(async () => {
    t = await createTestKernel();
    for (const [code, name] of [
      ['scjgj', '宁波市奉化区市场监督管理局'],
      ['zhzf', '宁波市奉化区综合行政执法局'],
    ]) {
      await t.kernel.org.createDepartment(systemActor, {
        code,
        name,
        nameEn: code,
        divisionCode: '330213000000',
        kind: 'bureau',
      });
    }
    await t.kernel.staff.createStaff(systemActor, {
      username: 'clerk',
      displayName: '窗口人员',
      password: 'clerk-pass-1',
      departmentId: null,
      roles: [{ roleCode: 'grid_worker', divisionCode: '330213000000' }],
      mustChangePassword: false,
    });
    clerk = await actorFor(t.kernel, 'clerk', 'clerk-pass-1');
    catalogue = createCatalogue(t.kernel);
  });
  afterAll(() => t.close());

  it('seeds the dictionary, matters and bundles once; a second seed publishes nothing', async () => {
    const first = await catalogue.seed({ fields: dictionary, matters: matterInputs, bundles: [restaurant] });
    expect(first).toEqual({ fields: 7, matters: 3, bundles: 1 });
    const again = await catalogue.seed({ fields: dictionary, matters: matterInputs, bundles: [restaurant] });
    expect(again).toEqual({ fields: 0, matters: 0, bundles: 0 });
  });

  it('keeps every version: a changed matter becomes version 2, the old one stays readable', async () => {
    const food = matterInputs[1];
    const changed = await catalogue.publishMatter(systemActor, {
      ...food,
      promisedLimit: { value: 3, unit: 'working_days' },
    });
    expect(changed).toMatchObject({ published: true, matter: { version: 2 } });
    expect((await catalogue.getMatter('许可-00102-000')).promisedLimit.value).toBe(3);
    expect((await catalogue.getMatter('许可-00102-000', 1)).promisedLimit.value).toBe(5);
    expect(await codeOf(catalogue.getMatter('许可-00102-000', 9))).toBe('services.matter.not_found');
  });

  it('lists what a township offers and plans a bundle from the database', async () => {
    const offered = await catalogue.listMatters({ divisionCode: '330213100225' });
    expect(offered.map((m) => m.code)).toEqual(['许可-00101-000', '许可-00102-000', '许可-00103-000']);
    expect(await catalogue.listMatters({ departmentCode: 'zhzf' })).toHaveLength(1);
    const plan = await catalogue.plan('open_restaurant', { has_signboard: true });
    expect(plan.matters.map((m) => [m.code, m.version])).toEqual([
      ['许可-00101-000', 1],
      ['许可-00102-000', 2],
      ['许可-00103-000', 1],
    ]);
    expect(await codeOf(catalogue.plan('no_such_bundle', {}))).toBe('services.bundle.not_found');
  });

  it('refuses bad definitions and dangling references, storing nothing', async () => {
    const first = matterInputs[0];
    expect(await codeOf(catalogue.publishMatter(systemActor, { ...first, code: '许可-1-0' }))).toBe(
      'services.matter.invalid',
    );
    expect(
      await codeOf(
        catalogue.publishMatter(systemActor, {
          ...first,
          code: '许可-00199-000',
          departmentCode: 'nope',
          divisionCodes: ['330299000000'],
          fields: [{ field: 'not_in_dictionary', required: true }],
        }),
      ),
    ).toBe('services.matter.references');
    expect(await codeOf(catalogue.getMatter('许可-00199-000'))).toBe('services.matter.not_found');
    expect(
      await codeOf(
        catalogue.putBundle(systemActor, {
          ...restaurant,
          code: 'ghost',
          matters: [{ matterCode: '许可-09999-000' }, { matterCode: '许可-00101-000' }],
        }),
      ),
    ).toBe('services.bundle.references');
    expect(await codeOf(catalogue.putField(systemActor, { code: 'X', name: { zh: '', en: '' } }))).toBe(
      'services.field.invalid',
    );
  });

  it('lets only catalogue managers publish', async () => {
    expect(await codeOf(catalogue.publishMatter(clerk, matterInputs[0]))).toBe('access.denied');
    expect(await codeOf(catalogue.putField(clerk, dictionary[0]))).toBe('access.denied');
  });
});
