import { describe, expect, it } from 'vitest';
import { fenghuaDemoStaff } from './demo-staff';
import { fenghuaDepartments } from './departments';
import { fenghuaDivisions } from './divisions';

const departments = new Map(fenghuaDepartments.map((d) => [d.code, d]));
const divisions = new Map(fenghuaDivisions.filter((d) => d.validTo === null).map((d) => [d.code, d]));

/** True when `code` is `ancestor` or lies under it. */
function within(code: string, ancestor: string): boolean {
  for (let at = divisions.get(code); at; at = at.parentCode ? divisions.get(at.parentCode) : undefined) {
    if (at.code === ancestor) return true;
  }
  return false;
}

describe('fenghuaDemoStaff', () => {
  it('references existing departments and current divisions', () => {
    for (const member of fenghuaDemoStaff) {
      expect(departments.has(member.departmentCode)).toBe(true);
      expect(member.roles.length).toBeGreaterThan(0);
      for (const role of member.roles) expect(divisions.has(role.divisionCode)).toBe(true);
    }
  });

  it('scopes each role within its department’s division', () => {
    for (const member of fenghuaDemoStaff) {
      const home = departments.get(member.departmentCode)!.divisionCode;
      for (const role of member.roles) expect(within(role.divisionCode, home)).toBe(true);
    }
  });

  it('covers every demo role, with grid workers scoped to a village', () => {
    const roles = fenghuaDemoStaff.flatMap((m) => m.roles.map((r) => r.roleCode));
    expect(new Set(roles)).toEqual(
      new Set([
        'admin',
        'dept_admin',
        'auditor',
        'leader',
        'grid_worker',
        'town_operator',
        'dispatcher',
        'handler',
      ]),
    );
    for (const member of fenghuaDemoStaff.filter((m) => m.roles[0].roleCode === 'grid_worker')) {
      expect(divisions.get(member.roles[0].divisionCode)?.level).toBe('village');
    }
  });

  it('has unique ASCII usernames and no passwords', () => {
    const usernames = fenghuaDemoStaff.map((m) => m.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    for (const member of fenghuaDemoStaff) {
      expect(member.username).toMatch(/^[a-z][a-z0-9.]*$/);
      expect(Object.keys(member).some((key) => /pass/i.test(key))).toBe(false);
    }
  });
});
