import { isKernelError } from '@zhizhi/kernel';
import { describe, expect, it } from 'vitest';
import { type MatterInput, matterSchema } from '../catalogue/types';
import { validateForm } from '../catalogue/validate-form';
import { byCode, matterInputs, matters, restaurant } from '../testing/catalogue-fixture';
import { planBundle } from './plan';

describe('one-thing bundles', () => {
  it('asks each field once, requires it if any matter does, and merges materials', () => {
    const plan = planBundle(restaurant, { has_signboard: true }, matters, byCode);
    expect(plan.matters.map((m) => m.code)).toEqual(['许可-00101-000', '许可-00102-000', '许可-00103-000']);
    expect(plan.form.map((f) => f.entry.code)).toEqual([
      'applicant_name',
      'id_number',
      'shop_name',
      'premises',
      'area',
      'phone',
      'sign_text',
    ]);
    const phone = plan.form.find((f) => f.entry.code === 'phone');
    expect(phone).toMatchObject({ required: true, matters: ['许可-00102-000', '许可-00103-000'] });
    expect(plan.separately).toEqual({ fields: 12, materials: 6 });
    // One ID card (an e-certificate) and one proof of premises, required because one matter requires it.
    expect(plan.materials.map((m) => [m.material.code, m.required, m.matters.length])).toEqual([
      ['id_card', true, 2],
      ['lease', true, 2],
      ['layout', true, 1],
      ['sign_design', true, 1],
    ]);
  });

  it('leaves out matters whose condition the answers do not meet', () => {
    const plan = planBundle(restaurant, { has_signboard: false }, matters, byCode);
    expect(plan.matters).toHaveLength(2);
    expect(plan.skipped).toEqual([{ matterCode: '许可-00103-000', when: 'answers.has_signboard == true' }]);
    expect(plan.form.some((f) => f.entry.code === 'sign_text')).toBe(false);
  });

  it('refuses missing, mistyped and unknown answers', () => {
    for (const answers of [{}, { has_signboard: 'yes' }, { has_signboard: true, seats: 30 }]) {
      try {
        planBundle(restaurant, answers, matters, byCode);
        expect.unreachable();
      } catch (error) {
        expect(isKernelError(error) && error.code).toBe('services.bundle.answers_invalid');
      }
    }
  });

  it('validates the single form against the dictionary, every problem at once', () => {
    const { form } = planBundle(restaurant, { has_signboard: false }, matters, byCode);
    const fields = form.map((f) => ({ entry: f.entry, required: f.required }));
    expect(() =>
      validateForm(fields, {
        applicant_name: '王建国',
        id_number: '11010519491231002X',
        shop_name: '阿国面馆',
        premises: '浙江省宁波市奉化区锦屏街道中山东路26号',
        area: 45,
      }),
    ).not.toThrow();
    try {
      validateForm(fields, { applicant_name: '王建国', id_number: '110105194912310021', area: 0, extra: 1 });
      expect.unreachable();
    } catch (error) {
      expect(isKernelError(error) && error.code).toBe('services.form.invalid');
      const codes = (
        (error as { details: { errors: { path: string; code: string }[] } }).details.errors ?? []
      ).map((e) => `${e.path}:${e.code}`);
      expect(codes).toEqual([
        'extra:services.field.unknown',
        'id_number:identity.id_number.check_digit',
        'shop_name:services.field.required',
        'premises:services.field.required',
        'area:services.field.min',
      ]);
    }
  });

  it('refuses a matter whose promised limit exceeds the legal one, or a malformed code', () => {
    const first = matterInputs[0] as MatterInput;
    expect(
      matterSchema.safeParse({ ...first, promisedLimit: { value: 30, unit: 'working_days' } }).success,
    ).toBe(false);
    expect(matterSchema.safeParse({ ...first, code: '许可-101-000' }).success).toBe(false);
    expect(matterSchema.safeParse({ ...first, code: '公共服务-00001-001-02' }).success).toBe(true);
  });
});
