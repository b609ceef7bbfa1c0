import type { LngLat } from '@zhizhi/kernel/geo';
import { locateGrid, type PlaceAreaIndex, type PlaceVillage } from './areas';
import { dateFor, type PlaceBuilder, placeKey } from './builder';
import { ESTATE_STEMS, ESTATE_SUFFIXES, type EstateSpec, villageStem } from './names';
import { inArea, offsetMeters, type Rng, rngFor, roundPoint, stableHash } from './random';
import { scatterPoint } from './voronoi';

/** A point near `centre` within `radius` metres that lies in the village and one of its grids. */
export function nearbySpot(
  index: PlaceAreaIndex,
  villageCode: string,
  centre: LngLat,
  radius: number,
  rng: Rng,
): { point: LngLat; gridCode: string } | null {
  const village = index.villages.get(villageCode)!;
  for (let i = 0; i < 12; i++) {
    const angle = rng.next() * 2 * Math.PI;
    const r = radius * Math.sqrt(rng.next());
    const point = roundPoint(offsetMeters(centre, r * Math.cos(angle), r * Math.sin(angle)));
    if (!inArea(point, village)) continue;
    const gridCode = locateGrid(point, villageCode);
    if (gridCode) return { point, gridCode };
  }
  return null;
}

/** A spot for a new cluster (estate, natural village, group) in the village, apart from `taken`. */
export function clusterSpot(
  index: PlaceAreaIndex,
  villageCode: string,
  taken: LngLat[],
  rng: Rng,
  spacing: number,
): { point: LngLat; gridCode: string } {
  const village = index.villages.get(villageCode)!;
  for (let i = 0; i < 6; i++) {
    const point = scatterPoint(village, taken, rng, { spacing, margin: 20 });
    const gridCode = locateGrid(point, villageCode);
    if (gridCode) {
      taken.push(point);
      return { point, gridCode };
    }
  }
  // The village's own seed is inside it and inside one of its grids, by construction.
  const point = index.villagePoints.get(villageCode)!;
  return { point, gridCode: locateGrid(point, villageCode)! };
}

/** Estate names for a community: its pinned ones, then 南门小区-style, then stem + suffix. */
export function estateNames(
  village: PlaceVillage,
  count: number,
  pinned: readonly EstateSpec[],
  usedInTown: Set<string>,
): EstateSpec[] {
  const specs = pinned.filter((spec) => spec.villageCode === village.code);
  for (const spec of specs) usedInTown.add(spec.name);
  const rng = rngFor(`places:estate-names:${village.code}`);
  const candidates = [`${villageStem(village.name)}小区`];
  for (let i = 0; i < 60; i++) candidates.push(`${rng.pick(ESTATE_STEMS)}${rng.pick(ESTATE_SUFFIXES)}`);
  for (const name of candidates) {
    if (specs.length >= count) break;
    if (usedInTown.has(name)) continue;
    usedInTown.add(name);
    // About one generated estate in ten is listed down to rooms; the rest stop at units.
    specs.push({ name, villageCode: village.code, full: stableHash(name + village.code) % 10 === 0 });
  }
  return specs;
}

/**
 * One estate with its buildings (幢) and units (单元); for `full` estates also floors (层) and rooms
 * (室). Keys carry the community name (an estate is village-level); room keys skip the floor.
 */
export function addEstate(
  builder: PlaceBuilder,
  index: PlaceAreaIndex,
  townName: string,
  village: PlaceVillage,
  spec: EstateSpec,
  taken: LngLat[],
): void {
  const rng = rngFor(`places:estate:${village.code}:${spec.name}`);
  const spot = clusterSpot(index, village.code, taken, rng, 180);
  const validFrom = dateFor(`estate:${village.code}:${spec.name}`, 1992, 2021);
  const estateKey = placeKey(townName, village.name, spec.name);
  builder.add({
    key: estateKey,
    parentKey: null,
    level: 'estate',
    name: spec.name,
    divisionCode: village.code,
    gridCode: spot.gridCode,
    point: spot.point,
    ...(spec.aliases ? { aliases: spec.aliases } : {}),
    validFrom,
  });
  const buildings = rng.int(4, spec.full ? 12 : 20);
  const villageArea = index.villages.get(village.code)!;
  for (let b = 1; b <= buildings; b++) {
    const place = nearbySpot(index, village.code, spot.point, 40 + 9 * buildings, rng) ?? spot;
    const buildingTail = `${spec.name}${b}幢`;
    const buildingKey = placeKey(townName, village.name, buildingTail);
    // A few buildings have a second door on the north side (through-lobby blocks).
    const north = roundPoint(offsetMeters(place.point, 0, 14));
    const twoDoors = (spec.aliases !== undefined && b <= 2) || rng.chance(0.03);
    builder.add({
      key: buildingKey,
      parentKey: estateKey,
      level: 'building',
      name: `${b}幢`,
      divisionCode: village.code,
      gridCode: place.gridCode,
      point: place.point,
      ...(twoDoors && inArea(north, villageArea) ? { entrances: [{ ...north, label: '北门' }] } : {}),
      validFrom,
    });
    const units = rng.int(1, 3);
    const floors = rng.int(6, 18);
    const perFloor = rng.int(2, 4);
    for (let u = 1; u <= units; u++) {
      const unitTail = `${buildingTail}${u}单元`;
      const unitKey = placeKey(townName, village.name, unitTail);
      builder.add({
        key: unitKey,
        parentKey: buildingKey,
        level: 'unit',
        name: `${u}单元`,
        divisionCode: village.code,
        gridCode: place.gridCode,
        point: place.point,
        validFrom,
      });
      if (!spec.full) continue;
      for (let f = 1; f <= floors; f++) {
        const floorKey = placeKey(townName, village.name, `${unitTail}${f}层`);
        builder.add({
          key: floorKey,
          parentKey: unitKey,
          level: 'floor',
          name: `${f}层`,
          divisionCode: village.code,
          gridCode: place.gridCode,
          point: null,
          validFrom,
        });
        for (let r = 1; r <= perFloor; r++) {
          const room = `${f}${String(r).padStart(2, '0')}室`;
          builder.add({
            key: placeKey(townName, village.name, `${unitTail}${room}`),
            parentKey: floorKey,
            level: 'room',
            name: room,
            divisionCode: village.code,
            gridCode: place.gridCode,
            point: null,
            validFrom,
          });
        }
      }
    }
  }
}
