import type { LngLat } from '@zhizhi/kernel/geo';
import {
  locateGrid,
  locateInTown,
  type PlaceAreaIndex,
  type PlaceLocation,
  type PlaceVillage,
} from './areas';
import { dateFor, type PlaceBuilder, type PoiCategory, placeKey } from './builder';
import { townStem } from './names';
import { offsetMeters, type Rng, rngFor, roundPoint } from './random';

/** Well-known places (real names; where they stand on the demo map is approximate). */
const KNOWN_POIS: readonly { townCode: string; name: string; category: PoiCategory }[] = [
  { townCode: '330213001000', name: '奉化区人民医院', category: '医院' },
  { townCode: '330213002000', name: '奉化区中医医院', category: '医院' },
  { townCode: '330213001000', name: '奉化中学', category: '学校' },
  { townCode: '330213001000', name: '锦屏山公园', category: '公园' },
  { townCode: '330213002000', name: '奉化汽车站', category: '车站' },
  { townCode: '330213002000', name: '岳林中学', category: '学校' },
  { townCode: '330213003000', name: '江口中学', category: '学校' },
  { townCode: '330213100000', name: '溪口中学', category: '学校' },
  { townCode: '330213100000', name: '溪口汽车站', category: '车站' },
  { townCode: '330213100000', name: '武岭公园', category: '公园' },
  { townCode: '330213008000', name: '莼湖中学', category: '学校' },
  { townCode: '330213008000', name: '莼湖汽车站', category: '车站' },
  { townCode: '330213007000', name: '尚田中学', category: '学校' },
  { townCode: '330213006000', name: '方桥滨江公园', category: '公园' },
];

/** A point within `radius` metres of `centre` that lies in the township, with its village and grid. */
function townSpot(
  townCode: string,
  centre: LngLat,
  radius: number,
  rng: Rng,
): { point: LngLat; location: PlaceLocation } | null {
  for (let i = 0; i < 30; i++) {
    const angle = rng.next() * 2 * Math.PI;
    const r = radius * Math.sqrt(rng.next());
    const point = roundPoint(offsetMeters(centre, r * Math.cos(angle), r * Math.sin(angle)));
    const location = locateInTown(point, townCode);
    if (location) return { point, location };
  }
  return null;
}

/**
 * Township-wide POIs near the seat, as township-level nodes (key without a village): the
 * 便民服务中心, the 卫生院 or 社区卫生服务中心, the 派出所, the 中心小学 and the known places.
 */
export function addTownPois(
  builder: PlaceBuilder,
  town: { code: string; name: string; kind: '街道' | '镇'; validFrom: string; seat: LngLat },
): void {
  const stem = townStem(town.name);
  const pois: { name: string; category: PoiCategory; validFrom: string }[] = [
    { name: `${town.name}便民服务中心`, category: '便民服务中心', validFrom: town.validFrom },
    {
      name: town.kind === '街道' ? `${town.name}社区卫生服务中心` : `${town.name}卫生院`,
      category: '卫生院/社区卫生服务中心',
      validFrom: town.validFrom,
    },
    { name: `${stem}派出所`, category: '派出所', validFrom: town.validFrom },
    { name: `${stem}中心小学`, category: '学校', validFrom: dateFor(`school:${stem}`, 1990, 2010) },
    ...KNOWN_POIS.filter((poi) => poi.townCode === town.code).map((poi) => ({
      ...poi,
      validFrom: dateFor(`poi:${poi.name}`, 1990, 2015),
    })),
  ];
  for (const poi of pois) {
    const rng = rngFor(`places:poi:${town.code}:${poi.name}`);
    const spot = townSpot(town.code, town.seat, poi.category === '便民服务中心' ? 120 : 900, rng);
    if (!spot) throw new Error(`place library: no spot for ${poi.name} near the ${town.name} seat`);
    builder.add({
      key: placeKey(town.name, null, poi.name),
      parentKey: null,
      level: 'poi',
      name: poi.name,
      divisionCode: town.code,
      gridCode: spot.location.gridCode,
      point: spot.point,
      category: poi.category,
      validFrom: poi.validFrom,
    });
  }
}

/** The village's 便民服务站 at the village's own point (inside its polygon by construction). */
export function addVillageServiceStation(
  builder: PlaceBuilder,
  index: PlaceAreaIndex,
  townName: string,
  village: PlaceVillage,
): void {
  const point = index.villagePoints.get(village.code)!;
  const name = `${village.name}便民服务站`;
  builder.add({
    key: placeKey(townName, village.name, name),
    parentKey: null,
    level: 'poi',
    name,
    divisionCode: village.code,
    gridCode: locateGrid(point, village.code),
    point,
    category: '村（社区）便民服务站',
    validFrom: dateFor(`station:${village.code}`, 2017, 2020),
  });
}
