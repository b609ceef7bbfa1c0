import { type AreaGeometry, pointInGeometry } from '@zhizhi/kernel/geo';
import { describe, expect, it, vi } from 'vitest';
import { fenghuaDivisions } from '../divisions';
import { townSeats } from '../geo';
import { fenghuaGrids } from '../grids';
import { fenghuaPlaceAreas, gridPoint, locateInTown, villagePoint } from './areas';

const areas = fenghuaPlaceAreas();
const byCode = new Map(areas.map((area) => [area.code, area]));
const villages = fenghuaDivisions.filter((d) => d.level === 'village' && d.validTo === null);
const grids = fenghuaGrids(fenghuaDivisions);

function rings(geometry: AreaGeometry): number[][][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

describe('fenghuaPlaceAreas', () => {
  it('has one approximate area per township, current village/community and grid, codes unique', () => {
    expect(areas.filter((a) => a.level === 'town')).toHaveLength(12);
    expect(areas.filter((a) => a.level === 'village')).toHaveLength(villages.length);
    expect(areas.filter((a) => a.level === 'grid')).toHaveLength(grids.length);
    expect(byCode.size).toBe(areas.length);
    for (const seat of townSeats) expect(byCode.get(seat.code)?.name).toBe(seat.name);
    for (const village of villages) expect(byCode.get(village.code)?.name).toBe(village.name);
    for (const grid of grids) expect(byCode.get(grid.code)?.name).toBe(grid.name);
    expect(areas.every((a) => a.approximate)).toBe(true);
  });

  it('has non-empty polygons with closed rings of at least four positions', () => {
    for (const area of areas) {
      const all = rings(area.geometry);
      expect(all.length, area.code).toBeGreaterThan(0);
      for (const ring of all) {
        expect(ring.length, area.code).toBeGreaterThanOrEqual(4);
        expect(ring[0], area.code).toEqual(ring[ring.length - 1]);
      }
    }
  });

  it('contains its own seed: township seat, village point, grid point', () => {
    for (const seat of townSeats)
      expect(pointInGeometry(seat, byCode.get(seat.code)!.geometry), seat.code).toBe(true);
    for (const village of villages) {
      const point = villagePoint(village.code);
      expect(pointInGeometry(point, byCode.get(village.code)!.geometry), village.code).toBe(true);
      expect(pointInGeometry(point, byCode.get(village.parentCode!)!.geometry), village.code).toBe(true);
    }
    for (const grid of grids) {
      const point = gridPoint(grid.code);
      expect(pointInGeometry(point, byCode.get(grid.code)!.geometry), grid.code).toBe(true);
      expect(pointInGeometry(point, byCode.get(grid.villageCode)!.geometry), grid.code).toBe(true);
    }
  });

  it('locates every village point back to its village and a grid of it', () => {
    for (const village of villages) {
      const location = locateInTown(villagePoint(village.code), village.parentCode!);
      expect(location?.villageCode, village.code).toBe(village.code);
      expect(location?.gridCode.startsWith(village.code), village.code).toBe(true);
    }
  });

  it('refuses codes that are not current villages or grids', () => {
    expect(() => villagePoint('330213001000')).toThrow(/no current village/);
    expect(() => gridPoint('330213001005999')).toThrow(/no current grid/);
  });

  it('is deterministic: a fresh build gives the same JSON', async () => {
    vi.resetModules();
    const fresh = await import('./areas');
    expect(JSON.stringify(fresh.fenghuaPlaceAreas())).toBe(JSON.stringify(areas));
  });
});
