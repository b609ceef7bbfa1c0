import type { AreaGeometry, LinearRing, LngLat, Position } from './types';

/** True when the point lies exactly on the segment a–b (collinear and between the ends). */
function onSegment(x: number, y: number, a: Position, b: Position): boolean {
  const cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
  if (cross !== 0) return false;
  return (
    x >= Math.min(a[0], b[0]) &&
    x <= Math.max(a[0], b[0]) &&
    y >= Math.min(a[1], b[1]) &&
    y <= Math.max(a[1], b[1])
  );
}

type RingPosition = 'inside' | 'outside' | 'edge';

/**
 * Ray casting towards +lng: an odd number of edge crossings means inside. The half-open test
 * `(a.lat > lat) !== (b.lat > lat)` counts a vertex on the ray once, and horizontal edges never.
 * Works for either winding and for an unclosed ring (the closing edge is implied).
 */
function ringPosition(x: number, y: number, ring: LinearRing): RingPosition {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (onSegment(x, y, a, b)) return 'edge';
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

function inPolygon(x: number, y: number, rings: LinearRing[]): boolean {
  const [exterior, ...holes] = rings;
  if (!exterior) return false;
  const outer = ringPosition(x, y, exterior);
  if (outer !== 'inside') return outer === 'edge';
  // Strictly inside a hole is outside the polygon; a hole's edge still belongs to the polygon.
  return holes.every((hole) => ringPosition(x, y, hole) !== 'inside');
}

/**
 * True when the point lies in the polygon or multipolygon (holes excluded). Points on an edge —
 * of the exterior or of a hole — count as inside. Coordinates are treated as planar lng/lat, which
 * is right for district-sized shapes that do not cross the antimeridian or reach a pole.
 */
export function pointInGeometry(point: LngLat, geometry: AreaGeometry): boolean {
  if (geometry.type === 'Polygon') return inPolygon(point.lng, point.lat, geometry.coordinates);
  return geometry.coordinates.some((polygon) => inPolygon(point.lng, point.lat, polygon));
}
