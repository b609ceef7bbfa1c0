import type { Kernel } from '@zhizhi/kernel';
import { type AreaGeometry, haversineMeters, type LngLat, pointInGeometry } from '@zhizhi/kernel/geo';
import type { LibraryIndex, LibraryNode } from '../matcher/library-index';
import { placesArea } from '../schema';

export interface AreaHit {
  code: string;
  name: string;
  level: 'town' | 'village' | 'grid';
  approximate: boolean;
}

interface LoadedArea extends AreaHit {
  geometry: AreaGeometry;
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface ReverseResult {
  point: LngLat;
  /** The nearest door number (or estate, POI) with its distance, within `maxMeters`. */
  nearest: { node: LibraryNode; distanceMeters: number } | null;
  town: AreaHit | null;
  village: AreaHit | null;
  grid: AreaHit | null;
}

const CELL = 0.01; // ≈ 1 km buckets for the nearest-point search

/** The nodes that have a point of their own, bucketed for nearest-neighbour search. */
function bucketize(index: LibraryIndex) {
  const buckets = new Map<string, LibraryNode[]>();
  for (const node of index.nodes()) {
    if (node.lng === null || node.lat === null || node.validTo) continue;
    if (
      node.level !== 'doorplate' &&
      node.level !== 'estate' &&
      node.level !== 'poi' &&
      node.level !== 'building'
    )
      continue;
    const key = `${Math.floor(node.lng / CELL)}:${Math.floor(node.lat / CELL)}`;
    const list = buckets.get(key);
    if (list) list.push(node);
    else buckets.set(key, [node]);
  }
  return buckets;
}

export function createPlaceGeo(kernel: Kernel) {
  let areas: LoadedArea[] | null = null;
  let bucketsFor: { index: LibraryIndex; buckets: Map<string, LibraryNode[]> } | null = null;

  async function loadAreas(): Promise<LoadedArea[]> {
    if (areas) return areas;
    const rows = await kernel.db.select().from(placesArea);
    areas = rows.map((row) => ({ ...row, geometry: row.geometry as AreaGeometry }));
    return areas;
  }

  function areaAt(list: readonly LoadedArea[], level: AreaHit['level'], point: LngLat): AreaHit | null {
    for (const area of list) {
      if (area.level !== level) continue;
      if (point.lng < area.west || point.lng > area.east || point.lat < area.south || point.lat > area.north)
        continue;
      if (pointInGeometry(point, area.geometry)) {
        return { code: area.code, name: area.name, level: area.level, approximate: area.approximate };
      }
    }
    return null;
  }

  function nearest(index: LibraryIndex, point: LngLat, maxMeters: number) {
    if (bucketsFor?.index !== index) bucketsFor = { index, buckets: bucketize(index) };
    const cx = Math.floor(point.lng / CELL);
    const cy = Math.floor(point.lat / CELL);
    let best: { node: LibraryNode; distanceMeters: number } | null = null;
    const reach = Math.max(1, Math.ceil(maxMeters / 1000));
    for (let dx = -reach; dx <= reach; dx++) {
      for (let dy = -reach; dy <= reach; dy++) {
        for (const node of bucketsFor.buckets.get(`${cx + dx}:${cy + dy}`) ?? []) {
          const distanceMeters = haversineMeters(point, { lng: node.lng as number, lat: node.lat as number });
          // Door numbers win ties with the estate or POI they sit in.
          if (distanceMeters <= maxMeters && (!best || distanceMeters < best.distanceMeters))
            best = { node, distanceMeters };
        }
      }
    }
    return best;
  }

  /** Point → nearest door number, and the grid, village and township containing it. */
  async function reverse(index: LibraryIndex, point: LngLat, maxMeters = 500): Promise<ReverseResult> {
    const list = await loadAreas();
    return {
      point,
      nearest: nearest(index, point, maxMeters),
      town: areaAt(list, 'town', point),
      village: areaAt(list, 'village', point),
      grid: areaAt(list, 'grid', point),
    };
  }

  /** Areas of one level (GeoJSON-ready) for the map. */
  async function areasOf(level: AreaHit['level']) {
    return (await loadAreas()).filter((area) => area.level === level);
  }

  return {
    reverse,
    areasOf,
    invalidate() {
      areas = null;
    },
  };
}

export type PlaceGeo = ReturnType<typeof createPlaceGeo>;
