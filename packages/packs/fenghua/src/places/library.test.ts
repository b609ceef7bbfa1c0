import type { PlaceLevel, PlaceSeed } from '@zhizhi/places';
import { describe, expect, it, vi } from 'vitest';
import { fenghuaDivisions, fenghuaTownships } from '../divisions';
import { insideFenghua } from '../geo';
import { placeAreaIndex } from './areas';
import { KEY_PREFIX, POI_CATEGORIES } from './builder';
import { fenghuaPlaceLibrary } from './library';
import { URBAN_ROADS } from './names';
import { inArea } from './random';

const library = fenghuaPlaceLibrary();
const index = placeAreaIndex();
const byKey = new Map(library.map((seed) => [seed.key, seed]));
const divisions = new Map(fenghuaDivisions.map((d) => [d.code, d]));
const villages = fenghuaDivisions.filter((d) => d.level === 'village' && d.validTo === null);

const PARENT_LEVELS: Record<PlaceLevel, (PlaceLevel | null)[]> = {
  road: [null],
  estate: [null],
  natural_village: [null],
  village_group: [null],
  poi: [null],
  doorplate: ['road', 'natural_village', 'village_group'],
  building: ['estate', 'doorplate'],
  unit: ['building'],
  floor: ['unit'],
  room: ['floor'],
};

function countOf(level: PlaceLevel): number {
  return library.filter((seed) => seed.level === level).length;
}

function topOf(seed: PlaceSeed): PlaceSeed {
  let node = seed;
  while (node.parentKey) node = byKey.get(node.parentKey)!;
  return node;
}

function childrenOf(key: string): PlaceSeed[] {
  return library.filter((seed) => seed.parentKey === key);
}

describe('fenghuaPlaceLibrary', () => {
  it('has 15,000–30,000 nodes with every level present', () => {
    expect(library.length).toBeGreaterThanOrEqual(15_000);
    expect(library.length).toBeLessThanOrEqual(30_000);
    for (const level of Object.keys(PARENT_LEVELS) as PlaceLevel[])
      expect(countOf(level), level).toBeGreaterThan(0);
  });

  it('has unique keys and parents that exist, come first and sit one level up', () => {
    expect(byKey.size).toBe(library.length);
    const seen = new Set<string>();
    const bad: string[] = [];
    for (const seed of library) {
      if (seed.parentKey !== null && !seen.has(seed.parentKey)) bad.push(`${seed.key}: parent not before it`);
      const parentLevel = seed.parentKey === null ? null : (byKey.get(seed.parentKey)?.level ?? null);
      if (!PARENT_LEVELS[seed.level].includes(parentLevel))
        bad.push(`${seed.key}: parent level ${parentLevel}`);
      seen.add(seed.key);
    }
    expect(bad).toEqual([]);
  });

  it('builds keys from township, village (under a village-level top element) and the tail', () => {
    const bad: string[] = [];
    for (const seed of library) {
      const top = topOf(seed);
      const division = divisions.get(top.divisionCode)!;
      const townCode = division.level === 'town' ? division.code : division.parentCode!;
      const townName = divisions.get(townCode)!.name;
      const village = division.level === 'village' ? division.name : '';
      const head = `${KEY_PREFIX}${townName}${village}`;
      // Rooms hang under a floor but their key skips it: 3幢2单元502室.
      const expected =
        seed.level === 'room'
          ? `${byKey.get(seed.parentKey!)!.parentKey}${seed.name}`
          : seed.parentKey === null
            ? `${head}${seed.name}`
            : `${seed.parentKey}${seed.name}`;
      if (!seed.key.startsWith(head) || seed.key !== expected) bad.push(`${seed.key} (expected ${expected})`);
    }
    expect(bad).toEqual([]);
    expect(byKey.has('浙江省宁波市奉化区锦屏街道阳光社区阳光花园1幢1单元101室')).toBe(true);
  });

  it('puts every point inside the district, its division polygon and its grid polygon', () => {
    const bad: string[] = [];
    for (const seed of library) {
      if (seed.level === 'floor' || seed.level === 'room') {
        if (seed.lng !== null || seed.lat !== null) bad.push(`${seed.key}: a point`);
        continue;
      }
      if (seed.lng === null || seed.lat === null) {
        bad.push(`${seed.key}: no point`);
        continue;
      }
      const point = { lng: seed.lng, lat: seed.lat };
      if (!insideFenghua(point)) bad.push(`${seed.key}: outside the district`);
      const area = index.towns.get(seed.divisionCode) ?? index.villages.get(seed.divisionCode);
      if (!area || !inArea(point, area)) bad.push(`${seed.key}: outside ${seed.divisionCode}`);
      const grid = seed.gridCode ? index.grids.get(seed.gridCode) : undefined;
      if (seed.gridCode && (!grid || !inArea(point, grid))) bad.push(`${seed.key}: outside ${seed.gridCode}`);
      if (
        seed.gridCode &&
        index.villages.has(seed.divisionCode) &&
        !seed.gridCode.startsWith(seed.divisionCode)
      ) {
        bad.push(`${seed.key}: grid ${seed.gridCode} of another village`);
      }
      for (const entrance of seed.entrances ?? []) {
        if (!area || !inArea(entrance, area)) bad.push(`${seed.key}: entrance outside ${seed.divisionCode}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('gives doorplates and everything below them a grid', () => {
    const below = new Set<PlaceLevel>(['doorplate', 'building', 'unit', 'floor', 'room', 'estate', 'poi']);
    expect(library.filter((seed) => below.has(seed.level) && !seed.gridCode).map((seed) => seed.key)).toEqual(
      [],
    );
  });

  it('lays out urban townships in 6–15 roads with odd and even door numbers', () => {
    for (const [townCode, specs] of Object.entries(URBAN_ROADS)) {
      const roads = library.filter((s) => s.level === 'road' && s.divisionCode === townCode && !s.validTo);
      expect(roads.length, townCode).toBeGreaterThanOrEqual(6);
      expect(roads.length, townCode).toBeLessThanOrEqual(15);
      expect(roads.length, townCode).toBe(specs.flatMap((spec) => spec.names).length);
    }
    const doors = childrenOf('浙江省宁波市奉化区锦屏街道南山路').map((door) => door.name);
    expect(doors.some((name) => /^\d*[13579]号$/.test(name))).toBe(true);
    expect(doors.some((name) => /^\d*[02468]号$/.test(name))).toBe(true);
    const names = library.filter((s) => s.level === 'doorplate').map((s) => s.name);
    expect(names.every((name) => /^\d+(-\d+)?号$/.test(name))).toBe(true);
    expect(names.some((name) => name.includes('-'))).toBe(true);
  });

  it('keeps estates to 4–20 buildings, 1–3 units, 6–18 floors and 2–4 rooms a floor', () => {
    for (const estate of library.filter((s) => s.level === 'estate')) {
      expect(divisions.get(estate.divisionCode)?.kind, estate.key).toBe('社区');
      const buildings = childrenOf(estate.key);
      expect(buildings.length, estate.key).toBeGreaterThanOrEqual(4);
      expect(buildings.length, estate.key).toBeLessThanOrEqual(20);
      expect(buildings.every((b) => /^\d+幢$/.test(b.name))).toBe(true);
    }
    const unitsPer = new Map<string, number>();
    const floorsPer = new Map<string, number>();
    const roomsPer = new Map<string, number>();
    for (const seed of library) {
      const tally = { unit: unitsPer, floor: floorsPer, room: roomsPer }[
        seed.level as 'unit' | 'floor' | 'room'
      ];
      if (tally) tally.set(seed.parentKey!, (tally.get(seed.parentKey!) ?? 0) + 1);
    }
    for (const count of unitsPer.values()) expect(count >= 1 && count <= 3).toBe(true);
    for (const count of floorsPer.values()) expect(count >= 6 && count <= 18).toBe(true);
    for (const count of roomsPer.values()) expect(count >= 2 && count <= 4).toBe(true);
  });

  it('has a 便民服务中心 and a 卫生院 or 社区卫生服务中心 per township and a 便民服务站 per village', () => {
    const pois = library.filter((s) => s.level === 'poi');
    expect(pois.every((poi) => (POI_CATEGORIES as readonly string[]).includes(poi.category ?? ''))).toBe(
      true,
    );
    for (const town of fenghuaTownships) {
      const own = pois.filter((poi) => poi.divisionCode === town.code).map((poi) => poi.category);
      expect(own, town.name).toContain('便民服务中心');
      expect(own, town.name).toContain('卫生院/社区卫生服务中心');
    }
    for (const village of villages) {
      const station = pois.find(
        (poi) => poi.divisionCode === village.code && poi.category === '村（社区）便民服务站',
      );
      expect(station, village.code).toBeDefined();
    }
    expect(byKey.get('浙江省宁波市奉化区溪口镇溪口镇卫生院')?.category).toBe('卫生院/社区卫生服务中心');
    expect(byKey.get('浙江省宁波市奉化区锦屏街道奉化区人民医院')?.category).toBe('医院');
  });

  it('gives natural villages and village groups door numbers in 村 only', () => {
    for (const seed of library) {
      if (seed.level !== 'natural_village' && seed.level !== 'village_group') continue;
      expect(divisions.get(seed.divisionCode)?.kind, seed.key).toBe('村');
      if (seed.level === 'village_group') expect(seed.name).toMatch(/^\d+组$/);
    }
    expect(countOf('natural_village')).toBeGreaterThan(100);
    expect(countOf('village_group')).toBeGreaterThan(300);
  });

  it('closes renamed roads and old door numbers with a replacement that exists', () => {
    const replaced = library.filter((seed) => seed.replacedByKey);
    expect(replaced.filter((seed) => seed.level === 'road').length).toBeGreaterThanOrEqual(3);
    for (const seed of replaced) {
      const successor = byKey.get(seed.replacedByKey!);
      expect(successor, seed.key).toBeDefined();
      expect(successor!.level).toBe(seed.level);
      expect(successor!.validTo ?? null).toBeNull();
      expect(successor!.validFrom > seed.validTo!, seed.key).toBe(true);
      expect(seed.validTo! >= seed.validFrom, seed.key).toBe(true);
    }
    expect(byKey.get('浙江省宁波市奉化区锦屏街道西河沿弄')?.replacedByKey).toBe(
      '浙江省宁波市奉化区锦屏街道西河弄',
    );
  });

  it('has aliases on some estates, second entrances on some buildings, real dates and one source', () => {
    expect(byKey.get('浙江省宁波市奉化区锦屏街道阳光社区阳光花园')?.aliases).toContain('阳光小区');
    expect(
      library.filter((s) => s.level === 'building' && s.entrances?.length).length,
    ).toBeGreaterThanOrEqual(3);
    const isDate = (text: string) =>
      /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
    expect(library.filter((seed) => seed.source !== 'fenghua-demo' || !isDate(seed.validFrom))).toEqual([]);
  });

  it('is deterministic: a fresh build gives the same JSON', async () => {
    vi.resetModules();
    const fresh = await import('./library');
    expect(JSON.stringify(fresh.fenghuaPlaceLibrary())).toBe(JSON.stringify(library));
  });
});
