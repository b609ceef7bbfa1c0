import type { LngLat } from './types';

/** Mean Earth radius in metres (IUGG R1), the usual choice for great-circle distances. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * Great-circle distance between two points in metres on a sphere of the mean Earth radius.
 * Within about 0.5 % of the ellipsoidal distance — plenty for "which township is nearest".
 */
export function haversineMeters(a: LngLat, b: LngLat): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  // atan2 rather than asin: stays defined (and a little more exact) when rounding pushes h past 1
  // for near-antipodal points.
  const clamped = Math.min(1, h);
  return 2 * EARTH_RADIUS_METERS * Math.atan2(Math.sqrt(clamped), Math.sqrt(1 - clamped));
}
