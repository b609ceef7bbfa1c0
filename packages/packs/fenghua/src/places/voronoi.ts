import type { AreaGeometry, LngLat } from '@zhizhi/kernel/geo';
import { Delaunay } from 'd3-delaunay';
import polygonClipping, { type MultiPolygon as ClipMultiPolygon, type Pair } from 'polygon-clipping';
import {
  distanceMeters,
  type IndexedArea,
  METERS_PER_DEG_LAT,
  METERS_PER_DEG_LNG,
  offsetMeters,
  type Rng,
  round6,
  wellInside,
} from './random';

// Voronoi runs in a plane where one unit is the same distance east and north, so cells are
// nearest-seat regions on the ground rather than in stretched degrees.
const X_SCALE = METERS_PER_DEG_LNG / METERS_PER_DEG_LAT;

function toClip(geometry: AreaGeometry): ClipMultiPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((ring) => ring.map(([lng, lat]): Pair => [lng, lat])));
}

function roundRing(ring: readonly Pair[]): number[][] {
  const out: number[][] = [];
  for (const [lng, lat] of ring) {
    const position = [round6(lng), round6(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== position[0] || last[1] !== position[1]) out.push(position);
  }
  return out;
}

/** Rounds to 6 decimals and drops rings that collapse (a collapsed exterior drops its polygon); one polygon → `Polygon`. */
function fromClip(multi: ClipMultiPolygon): AreaGeometry | null {
  const polygons: number[][][][] = [];
  for (const [exterior, ...holes] of multi) {
    const outer = roundRing(exterior);
    if (outer.length < 4) continue;
    polygons.push([outer, ...holes.map(roundRing).filter((ring) => ring.length >= 4)]);
  }
  if (polygons.length === 0) return null;
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] };
  return { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * The Voronoi cells of `seeds` intersected with `parent`, in seed order. A single seed gets the
 * parent itself. Throws when a cell comes out empty (a seed outside the parent or a duplicate).
 */
export function clippedVoronoi(seeds: readonly LngLat[], parent: IndexedArea): AreaGeometry[] {
  if (seeds.length === 1) return [parent.geometry];
  const [west, south, east, north] = parent.bbox;
  const pad = 0.01;
  const bounds: [number, number, number, number] = [
    (west - pad) * X_SCALE,
    south - pad,
    (east + pad) * X_SCALE,
    north + pad,
  ];
  const voronoi = Delaunay.from(
    seeds.map((seed): [number, number] => [seed.lng * X_SCALE, seed.lat]),
  ).voronoi(bounds);
  const parentClip = toClip(parent.geometry);
  return seeds.map((seed, i) => {
    const cell = voronoi.cellPolygon(i);
    if (!cell) throw new Error(`clippedVoronoi: no cell for seed ${i} (${seed.lng}, ${seed.lat})`);
    const ring = cell.map(([x, y]): Pair => [x / X_SCALE, y]);
    const geometry = fromClip(polygonClipping.intersection(parentClip, [ring]));
    if (!geometry) throw new Error(`clippedVoronoi: empty cell for seed ${i} (${seed.lng}, ${seed.lat})`);
    return geometry;
  });
}

/** How to scatter seeds in an area: near a centre within `radius` metres, or anywhere in it. */
export type ScatterOptions = {
  /** Sample within this many metres of `centre` (a disc); omitted: the whole area. */
  centre?: LngLat;
  radius?: number;
  /** Reject points closer than this to `avoid` (村 stay out of the seat's built-up core). */
  avoid?: LngLat;
  avoidRadius?: number;
  /** Wanted distance between seeds; the best of the tries is kept when it cannot be met. */
  spacing: number;
  /** Distance kept from the area's edge. */
  margin: number;
};

const TRIES = 40;

/**
 * One seed in `area`, well inside it and as far as possible from `taken` (best of a few tries).
 * Deterministic for a given rng state. Falls back to widening the disc, then to the whole area.
 */
export function scatterPoint(
  area: IndexedArea,
  taken: readonly LngLat[],
  rng: Rng,
  options: ScatterOptions,
): LngLat {
  const [west, south, east, north] = area.bbox;
  let best: LngLat | null = null;
  let bestGap = -1;
  for (let round = 0; round < 6 && bestGap < options.spacing; round++) {
    // Each round that found nothing good widens the disc and then drops the avoid rule.
    const radius = options.radius === undefined ? undefined : options.radius * 1.5 ** round;
    const avoid = round < 3 ? options.avoid : undefined;
    for (let i = 0; i < TRIES; i++) {
      let point: LngLat;
      if (options.centre && radius !== undefined) {
        const angle = rng.next() * 2 * Math.PI;
        const r = radius * Math.sqrt(rng.next());
        point = offsetMeters(options.centre, r * Math.cos(angle), r * Math.sin(angle));
      } else {
        point = { lng: west + rng.next() * (east - west), lat: south + rng.next() * (north - south) };
      }
      if (avoid && options.avoidRadius && distanceMeters(point, avoid) < options.avoidRadius) continue;
      if (!wellInside(point, area, round < 4 ? options.margin : options.margin / 4)) continue;
      let gap = Number.POSITIVE_INFINITY;
      for (const other of taken) gap = Math.min(gap, distanceMeters(point, other));
      if (gap > bestGap) {
        best = point;
        bestGap = gap;
      }
      if (gap >= options.spacing) break;
    }
  }
  if (!best) throw new Error('scatterPoint: found no point inside the area');
  return { lng: round6(best.lng), lat: round6(best.lat) };
}
