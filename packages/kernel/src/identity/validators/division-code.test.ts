import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDivisionCode } from './division-code';

describe('validateDivisionCode', () => {
  it('names the level and the kind of Fenghua divisions', () => {
    expect(validateDivisionCode('330213000000')).toEqual({
      ok: true,
      value: '330213000000',
      level: 'district',
      countyCode: '330213',
      townKind: null,
      villageKind: null,
      kindName: null,
      parentCode: '330200000000',
    });
    expect(validateDivisionCode('330213001000')).toMatchObject({
      level: 'town',
      townKind: 'subdistrict',
      kindName: '街道',
      parentCode: '330213000000',
    });
    expect(validateDivisionCode('330213100000')).toMatchObject({
      level: 'town',
      townKind: 'town',
      kindName: '镇',
    });
    expect(validateDivisionCode('330213201000')).toMatchObject({ townKind: 'township', kindName: '乡' });
    expect(validateDivisionCode('330213100201')).toMatchObject({
      level: 'village',
      townKind: 'town',
      villageKind: 'village',
      kindName: '村委会',
      parentCode: '330213100000',
    });
    expect(validateDivisionCode('330213001002')).toMatchObject({
      villageKind: 'community',
      kindName: '居委会',
    });
    expect(validateDivisionCode('330200000000')).toMatchObject({ level: 'city', parentCode: '330000000000' });
    expect(validateDivisionCode('330000000000')).toMatchObject({ level: 'province', parentCode: null });
  });

  it('rejects wrong lengths, unknown provinces and levels under an empty one', () => {
    for (const bad of [
      '33021300000',
      '3302130000000',
      '000000000000',
      '990213000000',
      '330013000000',
      '330213000001',
      'abc',
      7,
    ]) {
      expect(validateDivisionCode(bad)).toMatchObject({ ok: false, code: 'identity.division_code.format' });
    }
  });

  it('gives every valid code a parent that is valid and one level up', () => {
    const levels = ['province', 'city', 'district', 'town', 'village'];
    fc.assert(
      fc.property(fc.stringMatching(/^33\d{10}$/), (code) => {
        const result = validateDivisionCode(code);
        if (!result.ok || !result.parentCode) return;
        const parent = validateDivisionCode(result.parentCode);
        expect(parent.ok).toBe(true);
        if (parent.ok) expect(levels.indexOf(parent.level)).toBe(levels.indexOf(result.level) - 1);
        expect(code.startsWith(result.parentCode.replace(/0+$/, ''))).toBe(true);
      }),
    );
  });
});
