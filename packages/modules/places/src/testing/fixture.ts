// A small Fenghua address library for the module's own tests, from literal data (a module may not
// import a region pack). Division codes are the real NBS 2023 ones (packs/fenghua/data/villages.json).
import { engineFromSeeds, nodesFromSeeds } from '../library/seed-engine';
import type { LibraryIndex, LibraryNode } from '../matcher/library-index';
import type { Gazetteer, GazetteerDivision } from '../parser/gazetteer';
import type { AreaSeed, PlaceSeed } from '../types';

export const DISTRICT = '330213000000';
export const OLD_DISTRICT = '330283000000';
export const JINPING = '330213001000';
export const XIKOU = '330213100000';
export const SHANGTIAN = '330213007000';
export const CHUNHU = '330213008000';
export const OLD_SHANGTIAN = '330213103000';
export const OLD_CHUNHU = '330213104000';
export const NANMEN = '330213001005';
export const YANGGUANG = '330213001012';
export const XIAN = '330213001200';
export const WULING = '330213100001';
export const YANTOU = '330213100225';
export const XUJIA_SHANGTIAN = '330213007241';
export const XUJIA_CHUNHU = '330213008230';
export const NANMEN_GRID = '330213001005001';

/** A division row in the kernel's import shape (`org.importDivisions`). */
export interface FixtureDivision extends GazetteerDivision {
  level: 'district' | 'town' | 'village';
  kind: string;
  validFrom: string;
  validTo: string | null;
  replacedBy: string | null;
  lng: number | null;
  lat: number | null;
  sort: number;
}

function division(
  code: string,
  name: string,
  level: FixtureDivision['level'],
  parentCode: string | null,
  history: { validTo: string; replacedBy: string } | null = null,
): FixtureDivision {
  const kind =
    level === 'district'
      ? '区'
      : level === 'town'
        ? name.endsWith('街道')
          ? '街道'
          : '镇'
        : name.endsWith('村')
          ? '村'
          : '社区';
  return {
    code,
    name,
    level,
    kind,
    parentCode,
    validFrom: history ? '1988-10-05' : '2016-09-14',
    validTo: history?.validTo ?? null,
    replacedBy: history?.replacedBy ?? null,
    lng: null,
    lat: null,
    sort: 0,
  };
}

export const fixtureDivisions: FixtureDivision[] = [
  division(DISTRICT, '奉化区', 'district', null),
  division(OLD_DISTRICT, '奉化市', 'district', null, { validTo: '2016-09-13', replacedBy: DISTRICT }),
  division(JINPING, '锦屏街道', 'town', DISTRICT),
  division(XIKOU, '溪口镇', 'town', DISTRICT),
  division(SHANGTIAN, '尚田街道', 'town', DISTRICT),
  division(CHUNHU, '莼湖街道', 'town', DISTRICT),
  division(OLD_SHANGTIAN, '尚田镇', 'town', DISTRICT, { validTo: '2019-08-25', replacedBy: SHANGTIAN }),
  division(OLD_CHUNHU, '莼湖镇', 'town', DISTRICT, { validTo: '2019-08-25', replacedBy: CHUNHU }),
  division(NANMEN, '南门社区', 'village', JINPING),
  division(YANGGUANG, '阳光社区', 'village', JINPING),
  division(XIAN, '西岸村', 'village', JINPING),
  division(WULING, '武岭社区', 'village', XIKOU),
  division(YANTOU, '岩头村', 'village', XIKOU),
  division(XUJIA_SHANGTIAN, '许家村', 'village', SHANGTIAN),
  division(XUJIA_CHUNHU, '许家村', 'village', CHUNHU),
];

const PREFIX = '浙江省宁波市奉化区';
const FROM = '2017-01-01';

type Draft = Omit<PlaceSeed, 'key' | 'parentKey' | 'source' | 'gridCode' | 'lng' | 'lat' | 'validFrom'> & {
  at?: [number, number];
  gridCode?: string;
  validFrom?: string;
};

/** Builds seeds whose keys follow the pack's rule: prefix + township + (village) + tail. */
function tree() {
  const seeds: PlaceSeed[] = [];
  const add = (key: string, parentKey: string | null, draft: Draft): string => {
    const { at, gridCode, validFrom, ...rest } = draft;
    seeds.push({
      ...rest,
      key,
      parentKey,
      gridCode: gridCode ?? null,
      lng: at?.[0] ?? null,
      lat: at?.[1] ?? null,
      validFrom: validFrom ?? FROM,
      source: 'fixture',
    });
    return key;
  };
  const jp = `${PREFIX}锦屏街道`;
  const xk = `${PREFIX}溪口镇`;

  // 中山东路 (township-level road), doors in 南门社区.
  const zs = add(`${jp}中山东路`, null, {
    level: 'road',
    name: '中山东路',
    divisionCode: JINPING,
    at: [121.405, 29.655],
  });
  const door = (road: string, name: string, code: string, at: [number, number], grid?: string) =>
    add(`${road}${name}`, road, { level: 'doorplate', name, divisionCode: code, at, gridCode: grid });
  door(zs, '26号', NANMEN, [121.4052, 29.6551], NANMEN_GRID);
  door(zs, '26-1号', NANMEN, [121.4053, 29.6551], NANMEN_GRID);
  door(zs, '28号', NANMEN, [121.4056, 29.6552], NANMEN_GRID);
  door(zs, '108号', NANMEN, [121.4081, 29.6561], NANMEN_GRID);
  const ns = add(`${jp}南山路`, null, {
    level: 'road',
    name: '南山路',
    divisionCode: JINPING,
    at: [121.41, 29.65],
  });
  door(ns, '12号', NANMEN, [121.4101, 29.6502], NANMEN_GRID);
  // 西河沿弄 was renamed 西河弄 (its old node is closed and points at the new one).
  const xh = add(`${jp}西河弄`, null, {
    level: 'road',
    name: '西河弄',
    divisionCode: JINPING,
    at: [121.402, 29.652],
  });
  door(xh, '3号', NANMEN, [121.4021, 29.6521]);
  const old = add(`${jp}西河沿弄`, null, {
    level: 'road',
    name: '西河沿弄',
    divisionCode: JINPING,
    at: [121.402, 29.652],
    validFrom: '2001-01-01',
    validTo: '2018-06-30',
    replacedByKey: xh,
  });
  add(`${old}3号`, old, {
    level: 'doorplate',
    name: '3号',
    divisionCode: NANMEN,
    at: [121.4021, 29.6521],
    validFrom: '2001-01-01',
    validTo: '2018-06-30',
    replacedByKey: `${xh}3号`,
  });

  // 阳光花园 (an estate of 阳光社区, also called 阳光小区), listed down to rooms in 3幢2单元.
  const yg = add(`${jp}阳光社区阳光花园`, null, {
    level: 'estate',
    name: '阳光花园',
    divisionCode: YANGGUANG,
    aliases: ['阳光小区'],
    at: [121.398, 29.661],
  });
  const b1 = add(`${yg}1幢`, yg, {
    level: 'building',
    name: '1幢',
    divisionCode: YANGGUANG,
    at: [121.3981, 29.6611],
  });
  add(`${b1}1单元`, b1, { level: 'unit', name: '1单元', divisionCode: YANGGUANG });
  const b3 = add(`${yg}3幢`, yg, {
    level: 'building',
    name: '3幢',
    divisionCode: YANGGUANG,
    at: [121.3984, 29.6613],
  });
  const u2 = add(`${b3}2单元`, b3, { level: 'unit', name: '2单元', divisionCode: YANGGUANG });
  const f5 = add(`${u2}5层`, u2, { level: 'floor', name: '5层', divisionCode: YANGGUANG });
  add(`${u2}502室`, f5, { level: 'room', name: '502室', divisionCode: YANGGUANG });
  add(`${u2}501室`, f5, { level: 'room', name: '501室', divisionCode: YANGGUANG });
  const f3 = add(`${u2}3层`, u2, { level: 'floor', name: '3层', divisionCode: YANGGUANG });
  add(`${u2}301室`, f3, { level: 'room', name: '301室', divisionCode: YANGGUANG });

  // Public services near 中山东路 (shown on doorplate pages).
  add(`${jp}锦屏街道社区卫生服务中心`, null, {
    level: 'poi',
    name: '锦屏街道社区卫生服务中心',
    divisionCode: JINPING,
    category: '卫生院/社区卫生服务中心',
    at: [121.407, 29.657],
  });
  add(`${jp}锦屏派出所`, null, {
    level: 'poi',
    name: '锦屏派出所',
    divisionCode: JINPING,
    category: '派出所',
    at: [121.409, 29.653],
  });

  // 溪口镇: 武岭路, a village group and a natural village of 岩头村.
  const wl = add(`${xk}武岭路`, null, {
    level: 'road',
    name: '武岭路',
    divisionCode: XIKOU,
    at: [121.242, 29.681],
  });
  door(wl, '5号', WULING, [121.2421, 29.6811]);
  const g3 = add(`${xk}岩头村3组`, null, {
    level: 'village_group',
    name: '3组',
    divisionCode: YANTOU,
    at: [121.23, 29.67],
  });
  add(`${g3}5号`, g3, { level: 'doorplate', name: '5号', divisionCode: YANTOU, at: [121.2301, 29.6701] });
  const sby = add(`${xk}岩头村上白岩`, null, {
    level: 'natural_village',
    name: '上白岩',
    divisionCode: YANTOU,
    at: [121.225, 29.675],
  });
  add(`${sby}9号`, sby, { level: 'doorplate', name: '9号', divisionCode: YANTOU, at: [121.2251, 29.6751] });

  // 新建路 exists in two townships (溪口镇 and 莼湖街道), each with an 8号.
  const xj1 = add(`${xk}新建路`, null, {
    level: 'road',
    name: '新建路',
    divisionCode: XIKOU,
    at: [121.245, 29.685],
  });
  door(xj1, '8号', WULING, [121.2451, 29.6851]);
  const xj2 = add(`${PREFIX}莼湖街道新建路`, null, {
    level: 'road',
    name: '新建路',
    divisionCode: CHUNHU,
    at: [121.528, 29.572],
  });
  door(xj2, '8号', XUJIA_CHUNHU, [121.5281, 29.5721]);
  return seeds;
}

export const fixturePlaces: PlaceSeed[] = tree();

const box = (west: number, south: number, east: number, north: number): AreaSeed['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

export const fixtureAreas: AreaSeed[] = [
  {
    code: JINPING,
    level: 'town',
    name: '锦屏街道',
    geometry: box(121.38, 29.63, 121.43, 29.68),
    approximate: true,
  },
  {
    code: XIKOU,
    level: 'town',
    name: '溪口镇',
    geometry: box(121.2, 29.64, 121.3, 29.72),
    approximate: true,
  },
  {
    code: NANMEN,
    level: 'village',
    name: '南门社区',
    geometry: box(121.4, 29.645, 121.415, 29.66),
    approximate: true,
  },
  {
    code: YANGGUANG,
    level: 'village',
    name: '阳光社区',
    geometry: box(121.39, 29.658, 121.4, 29.665),
    approximate: true,
  },
  {
    code: NANMEN_GRID,
    level: 'grid',
    name: '南门社区第一网格',
    geometry: box(121.403, 29.653, 121.41, 29.658),
    approximate: true,
  },
];

/** The fixture's nodes as the matcher holds them (ids = keys), without a database. */
export function fixtureNodes(places: readonly PlaceSeed[] = fixturePlaces): LibraryNode[] {
  return nodesFromSeeds(places);
}

/** Gazetteer and library index of the fixture, built in memory (as the store builds them from the database). */
export function fixtureEngine(places: readonly PlaceSeed[] = fixturePlaces): {
  gazetteer: Gazetteer;
  index: LibraryIndex;
} {
  const { gazetteer, index } = engineFromSeeds(places, fixtureDivisions);
  return { gazetteer, index };
}
