import { readFileSync } from 'node:fs';
import {
  type AreaGeometry,
  bboxOf,
  type Feature,
  haversineMeters,
  type LngLat,
  pointInGeometry,
} from '@zhizhi/kernel/geo';
import seatRows from '../data/town-seats.json' with { type: 'json' };

/** Properties of the district boundary feature. */
export type FenghuaBoundaryProperties = { code: string; adcode: string; name: string };

/** Approximate seat (government location) of a township, GCJ-02 like the boundary. */
export type TownSeat = { code: string; name: string; lng: number; lat: number };

/** The township whose seat is nearest to a point. */
export type NearestTown = { code: string; name: string; distanceMeters: number };

// `.geojson` is not a JSON module to TypeScript or Node, so the file is read rather than imported.
function loadBoundary(): Feature<AreaGeometry, FenghuaBoundaryProperties> {
  const url = new URL('../data/boundary.geojson', import.meta.url);
  const feature = JSON.parse(readFileSync(url, 'utf8')) as Feature<AreaGeometry, FenghuaBoundaryProperties>;
  const kind = feature?.geometry?.type;
  if (feature?.type !== 'Feature' || (kind !== 'Polygon' && kind !== 'MultiPolygon')) {
    throw new Error(`${url.pathname}: expected a Polygon or MultiPolygon Feature`);
  }
  return feature;
}

/**
 * 奉化区's boundary (GCJ-02, simplified to about 150 m; see the pack README for source and licence).
 * Points tested against it must be GCJ-02 too: a raw GPS (WGS 84) fix is some 500 m off.
 */
export const fenghuaBoundary: Feature<AreaGeometry, FenghuaBoundaryProperties> = loadBoundary();

/** The 12 townships' approximate seats (GCJ-02), in code order; each lies inside the boundary. */
export const townSeats: readonly TownSeat[] = seatRows;

const [west, south, east, north] = bboxOf(fenghuaBoundary.geometry);

/** True when a GCJ-02 point lies in 奉化区 (on the boundary line counts as inside). */
export function insideFenghua(point: LngLat): boolean {
  if (point.lng < west || point.lng > east || point.lat < south || point.lat > north) return false;
  return pointInGeometry(point, fenghuaBoundary.geometry);
}

/**
 * The township with the nearest seat: good enough to suggest a township for a reported location,
 * not to decide jurisdiction (township boundaries are not straight bisectors between seats).
 */
export function nearestTown(point: LngLat): NearestTown {
  let best: NearestTown | undefined;
  for (const seat of townSeats) {
    const distanceMeters = haversineMeters(point, seat);
    if (!best || distanceMeters < best.distanceMeters)
      best = { code: seat.code, name: seat.name, distanceMeters };
  }
  // townSeats is never empty (the test pins its 12 rows).
  return best!;
}
