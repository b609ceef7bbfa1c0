import type { AreaGeometry, LngLat } from '@zhizhi/kernel/geo';
import { bboxOf, pointInGeometry } from '@zhizhi/kernel/geo';

/** FNV-1a over a string: a stable, well-spread 32-bit number (no Math.random anywhere in the pack). */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A seeded PRNG (mulberry32) with the few draws the generators need. */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
};

export function rngFor(seed: string): Rng {
  let state = stableHash(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

// Local metric approximation around Fenghua (29.65° N): good to well under 1% over the district.
export const METERS_PER_DEG_LAT = 111_320;
export const METERS_PER_DEG_LNG = 111_320 * Math.cos((29.65 * Math.PI) / 180);

/** The point `east`/`north` metres from `origin`. */
export function offsetMeters(origin: LngLat, east: number, north: number): LngLat {
  return { lng: origin.lng + east / METERS_PER_DEG_LNG, lat: origin.lat + north / METERS_PER_DEG_LAT };
}

export function distanceMeters(a: LngLat, b: LngLat): number {
  return Math.hypot((a.lng - b.lng) * METERS_PER_DEG_LNG, (a.lat - b.lat) * METERS_PER_DEG_LAT);
}

/** Six decimals (about 0.1 m): the precision every point and polygon of the library is stored at. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function roundPoint(point: LngLat): LngLat {
  return { lng: round6(point.lng), lat: round6(point.lat) };
}

/** A geometry with its bbox precomputed, for fast repeated point-in-polygon tests. */
export type IndexedArea = { geometry: AreaGeometry; bbox: [number, number, number, number] };

export function indexArea(geometry: AreaGeometry): IndexedArea {
  return { geometry, bbox: bboxOf(geometry) };
}

export function inArea(point: LngLat, area: IndexedArea): boolean {
  const [west, south, east, north] = area.bbox;
  if (point.lng < west || point.lng > east || point.lat < south || point.lat > north) return false;
  return pointInGeometry(point, area.geometry);
}

/** Inside, and so are the four points `margin` metres away: keeps seeds off edges after rounding. */
export function wellInside(point: LngLat, area: IndexedArea, margin: number): boolean {
  if (!inArea(point, area)) return false;
  return [
    [margin, 0],
    [-margin, 0],
    [0, margin],
    [0, -margin],
  ].every(([east, north]) => inArea(offsetMeters(point, east, north), area));
}
