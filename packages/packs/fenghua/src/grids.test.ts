import { describe, expect, it } from 'vitest';
import { fenghuaDivisions } from './divisions';
import { fenghuaGrids, gridCountFor } from './grids';

const grids = fenghuaGrids(fenghuaDivisions);
const villages = fenghuaDivisions.filter((d) => d.level === 'village' && d.validTo === null);

describe('fenghuaGrids', () => {
  it('has no duplicate grid codes and every grid lies in an existing village', () => {
    expect(new Set(grids.map((g) => g.code)).size).toBe(grids.length);
    const villageCodes = new Set(villages.map((v) => v.code));
    for (const grid of grids) {
      expect(villageCodes.has(grid.villageCode)).toBe(true);
      expect(grid.code).toMatch(new RegExp(`^${grid.villageCode}\\d{3}$`));
    }
  });

  it('gives communities 3–6 grids and villages 1–3', () => {
    for (const village of villages) {
      const count = grids.filter((g) => g.villageCode === village.code).length;
      expect(count).toBe(gridCountFor(village));
      if (village.kind === '社区') expect(count).toBeGreaterThanOrEqual(3);
      if (village.kind === '社区') expect(count).toBeLessThanOrEqual(6);
      if (village.kind === '村') expect(count).toBeGreaterThanOrEqual(1);
      if (village.kind === '村') expect(count).toBeLessThanOrEqual(3);
    }
  });

  it('is deterministic and names grids after township and village', () => {
    expect(fenghuaGrids(fenghuaDivisions)).toEqual(grids);
    expect(grids.find((g) => g.code === '330213001005001')?.name).toBe('锦屏街道南门社区第1网格');
  });
});
