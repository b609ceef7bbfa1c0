import type { AreaGeometry, LngLat } from '@zhizhi/kernel/geo';
import type { AreaSeed } from '@zhizhi/places';
import { fenghuaDivisions } from '../divisions';
import { fenghuaBoundary, townSeats } from '../geo';
import { fenghuaGrids } from '../grids';
import {
  type IndexedArea,
  inArea,
  indexArea,
  METERS_PER_DEG_LAT,
  METERS_PER_DEG_LNG,
  rngFor,
} from './random';
import { clippedVoronoi, scatterPoint } from './voronoi';

/** A current village/community with what the generators need to know about it. */
export type PlaceVillage = { code: string; name: string; kind: '社区' | '村'; townCode: string };

/** The derived areas with lookup structures; built once (see `placeAreaIndex`). */
export type PlaceAreaIndex = {
  areas: AreaSeed[];
  towns: Map<string, IndexedArea>;
  villages: Map<string, IndexedArea>;
  grids: Map<string, IndexedArea>;
  villagePoints: Map<string, LngLat>;
  gridPoints: Map<string, LngLat>;
  villagesOfTown: Map<string, PlaceVillage[]>;
  gridsOfVillage: Map<string, string[]>;
};

/** Where a point falls: township, village/community and grid codes. */
export type PlaceLocation = { townCode: string; villageCode: string; gridCode: string };

/** Planar area in square metres (exterior minus holes), good enough to size seed spacing. */
function areaSquareMeters(geometry: AreaGeometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      let sum = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      }
      const area = (Math.abs(sum) / 2) * METERS_PER_DEG_LNG * METERS_PER_DEG_LAT;
      total += r === 0 ? area : -area;
    });
  }
  return total;
}

/** Current villages/communities per township code, in code order. */
export function currentVillagesByTown(): Map<string, PlaceVillage[]> {
  const byTown = new Map<string, PlaceVillage[]>();
  for (const division of fenghuaDivisions) {
    if (division.level !== 'village' || division.validTo !== null || !division.parentCode) continue;
    const village: PlaceVillage = {
      code: division.code,
      name: division.name,
      kind: division.kind === '社区' ? '社区' : '村',
      townCode: division.parentCode,
    };
    byTown.set(village.townCode, [...(byTown.get(village.townCode) ?? []), village]);
  }
  return byTown;
}

/**
 * Seeds of one township's villages: communities (社区/居委会) clustered around the seat, 村 spread
 * over the rest of the cell and kept out of the seat's core. Deterministic per township code.
 */
function villageSeeds(town: IndexedArea, seat: LngLat, villages: readonly PlaceVillage[], townCode: string) {
  const rng = rngFor(`places:villages:${townCode}`);
  const communities = villages.filter((village) => village.kind === '社区');
  const coreRadius = 300 + 320 * Math.sqrt(communities.length);
  const spread = Math.sqrt(
    areaSquareMeters(town.geometry) / Math.max(1, villages.length - communities.length),
  );
  const taken: LngLat[] = [];
  const seeds = new Map<string, LngLat>();
  for (const village of villages) {
    const point =
      village.kind === '社区'
        ? scatterPoint(town, taken, rng, { centre: seat, radius: coreRadius, spacing: 280, margin: 60 })
        : scatterPoint(town, taken, rng, {
            avoid: seat,
            avoidRadius: coreRadius,
            spacing: spread * 0.7,
            margin: 80,
          });
    taken.push(point);
    seeds.set(village.code, point);
  }
  return seeds;
}

function buildIndex(): PlaceAreaIndex {
  const boundary = indexArea(fenghuaBoundary.geometry);
  const index: PlaceAreaIndex = {
    areas: [],
    towns: new Map(),
    villages: new Map(),
    grids: new Map(),
    villagePoints: new Map(),
    gridPoints: new Map(),
    villagesOfTown: currentVillagesByTown(),
    gridsOfVillage: new Map(),
  };
  const gridsByVillage = new Map<string, { code: string; name: string }[]>();
  for (const grid of fenghuaGrids(fenghuaDivisions)) {
    gridsByVillage.set(grid.villageCode, [...(gridsByVillage.get(grid.villageCode) ?? []), grid]);
  }

  const townCells = clippedVoronoi(townSeats, boundary);
  townSeats.forEach((seat, t) => {
    const town = indexArea(townCells[t]);
    index.towns.set(seat.code, town);
    index.areas.push({
      code: seat.code,
      level: 'town',
      name: seat.name,
      geometry: town.geometry,
      approximate: true,
    });

    const villages = index.villagesOfTown.get(seat.code) ?? [];
    const seeds = villageSeeds(town, seat, villages, seat.code);
    const villageCells = clippedVoronoi(
      villages.map((village) => seeds.get(village.code)!),
      town,
    );
    villages.forEach((village, v) => {
      const area = indexArea(villageCells[v]);
      index.villages.set(village.code, area);
      index.villagePoints.set(village.code, seeds.get(village.code)!);
      index.areas.push({
        code: village.code,
        level: 'village',
        name: village.name,
        geometry: area.geometry,
        approximate: true,
      });

      const grids = gridsByVillage.get(village.code) ?? [];
      index.gridsOfVillage.set(
        village.code,
        grids.map((grid) => grid.code),
      );
      const rng = rngFor(`places:grids:${village.code}`);
      const spacing = Math.sqrt(areaSquareMeters(area.geometry) / Math.max(1, grids.length)) * 0.6;
      const gridSeeds: LngLat[] = [];
      for (let g = 0; g < grids.length; g++) {
        gridSeeds.push(scatterPoint(area, gridSeeds, rng, { spacing, margin: 12 }));
      }
      const gridCells = grids.length > 0 ? clippedVoronoi(gridSeeds, area) : [];
      grids.forEach((grid, g) => {
        const gridArea = indexArea(gridCells[g]);
        index.grids.set(grid.code, gridArea);
        index.gridPoints.set(grid.code, gridSeeds[g]);
        index.areas.push({
          code: grid.code,
          level: 'grid',
          name: grid.name,
          geometry: gridArea.geometry,
          approximate: true,
        });
      });
    });
  });
  return index;
}

let cached: PlaceAreaIndex | undefined;

/** The area index, built on first use (about a thousand polygon intersections). */
export function placeAreaIndex(): PlaceAreaIndex {
  cached ??= buildIndex();
  return cached;
}

/**
 * Approximate polygons of the 12 townships (Voronoi cells of their seats clipped to the district
 * boundary), of every current village/community (Voronoi cells of derived points inside the
 * township) and of every demo grid (likewise inside the village). All `approximate: true`, GCJ-02.
 * The same array every call; treat it as read-only.
 */
export function fenghuaPlaceAreas(): AreaSeed[] {
  return placeAreaIndex().areas;
}

function pointOf(points: Map<string, LngLat>, code: string, what: string): LngLat {
  const point = points.get(code);
  if (!point) throw new Error(`${what}: no current ${what.replace('Point', '')} ${code}`);
  return point;
}

/** The derived point of a current village/community: the seed of its polygon, always inside it. */
export function villagePoint(code: string): LngLat {
  return pointOf(placeAreaIndex().villagePoints, code, 'villagePoint');
}

/** The derived point of a demo grid: the seed of its polygon, always inside it. */
export function gridPoint(code: string): LngLat {
  return pointOf(placeAreaIndex().gridPoints, code, 'gridPoint');
}

/** The village/community and grid of a point inside a township, or null in the cracks between cells. */
export function locateInTown(point: LngLat, townCode: string): PlaceLocation | null {
  const index = placeAreaIndex();
  const town = index.towns.get(townCode);
  if (!town || !inArea(point, town)) return null;
  for (const village of index.villagesOfTown.get(townCode) ?? []) {
    if (!inArea(point, index.villages.get(village.code)!)) continue;
    const gridCode = locateGrid(point, village.code);
    return gridCode ? { townCode, villageCode: village.code, gridCode } : null;
  }
  return null;
}

/** The grid of a point inside a village, or null when it is outside the village. */
export function locateGrid(point: LngLat, villageCode: string): string | null {
  const index = placeAreaIndex();
  const village = index.villages.get(villageCode);
  if (!village || !inArea(point, village)) return null;
  for (const gridCode of index.gridsOfVillage.get(villageCode) ?? []) {
    if (inArea(point, index.grids.get(gridCode)!)) return gridCode;
  }
  return null;
}
