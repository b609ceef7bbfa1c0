import { describe, expect, it } from 'vitest';
import { fenghuaDepartments, townOfficeCode } from './departments';
import { fenghuaDivisions, fenghuaTownships } from './divisions';

describe('fenghuaDepartments', () => {
  it('has unique codes and names, all in existing current divisions', () => {
    const current = new Set(fenghuaDivisions.filter((d) => d.validTo === null).map((d) => d.code));
    expect(new Set(fenghuaDepartments.map((d) => d.code)).size).toBe(fenghuaDepartments.length);
    expect(new Set(fenghuaDepartments.map((d) => d.name)).size).toBe(fenghuaDepartments.length);
    for (const department of fenghuaDepartments) {
      expect(current.has(department.divisionCode)).toBe(true);
      expect(department.code).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(department.code.length).toBeLessThanOrEqual(32);
      expect(department.nameEn).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('has one office per township', () => {
    const offices = fenghuaDepartments.filter((d) => d.kind === 'town_office');
    expect(offices.map((d) => d.divisionCode)).toEqual(fenghuaTownships.map((t) => t.code));
    expect(offices.find((d) => d.code === townOfficeCode('330213001000'))?.name).toBe(
      '宁波市奉化区锦屏街道办事处',
    );
    expect(offices.find((d) => d.code === 'town-330213100')?.name).toBe('宁波市奉化区溪口镇人民政府');
  });

  it('has the units the demo and the plan rely on', () => {
    const codes = new Set(fenghuaDepartments.map((d) => d.code));
    for (const code of ['qfb', 'rsj', 'sjj', 'dsj', 'spj', 'xfj', 'scjgj', 'slj', 'gjj']) {
      expect(codes.has(code)).toBe(true);
    }
  });
});
