import { targetDefinitionSchema } from '@zhizhi/cockpit';
import { describe, expect, it } from 'vitest';
import { fenghuaPlanTargets } from './cockpit-targets';
import { fenghuaDepartments } from './departments';

/** The plan's 2025 targets table (PLAN.md), row by row: [indicator code, target or null for "grow"]. */
const PLAN_TABLE: [string, number | null][] = [
  ['plan.online_service_rate', 90],
  ['plan.mobile_availability', 100],
  ['plan.id_card_only', 100],
  ['plan.cross_department_completion', 95],
  ['plan.supervision_on_platform', 95],
  ['plan.supervision_traceability', 100],
  ['plan.staff_activation', 100],
  ['plan.data_catalogs', null],
  ['plan.data_items', null],
  ['plan.open_catalogs', null],
  ['plan.open_items', null],
  ['plan.share_calls', null],
];

describe('Fenghua plan targets', () => {
  const parsed = fenghuaPlanTargets.map((t) => targetDefinitionSchema.parse(t));

  it('has a valid definition for every target of the plan table, with its target and 2025 deadline', () => {
    for (const [code, target] of PLAN_TABLE) {
      const t = parsed.find((p) => p.code === code);
      expect(t, code).toBeDefined();
      expect(t?.target).toBe(target);
      expect(t?.deadline).toBe('2025-12-31');
      expect(t?.formulaText.length).toBeGreaterThan(5);
    }
  });

  it('names a real owner department, a level list with the district and a 2020 baseline where the plan gives one', () => {
    const codes = new Set(fenghuaDepartments.map((d) => d.code));
    for (const t of parsed) {
      expect(codes.has(t.ownerDepartmentCode ?? ''), `${t.code} owner`).toBe(true);
      expect(t.levels).toContain('district');
      if (t.target !== null && t.warningLine !== null)
        expect(t.warningLine, `${t.code} warning line below target`).toBeLessThanOrEqual(t.target);
    }
    expect(parsed.find((t) => t.code === 'plan.mobile_availability')?.baseline).toBe(96.86);
    expect(parsed.find((t) => t.code === 'plan.data_catalogs')?.baseline).toBe(1774);
    expect(parsed.find((t) => t.code === 'plan.share_calls')?.baseline).toBe(21_910_000);
  });

  it('marks figures the platform cannot produce as reported', () => {
    const reported = parsed.filter((t) => t.formula.op === 'reported').map((t) => t.code);
    expect(reported).toEqual(['plan.5g_base_stations', 'plan.5g_village_coverage']);
    expect(new Set(parsed.map((t) => t.code)).size).toBe(parsed.length);
  });
});
