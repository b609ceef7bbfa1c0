import type { BBox, Geometry, Position } from './types';

function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

/**
 * `[west, south, east, north]` of every position in the geometry. Throws on a geometry with no
 * positions, which has no bounding box.
 */
export function bboxOf(geometry: Geometry): BBox {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const [lng, lat] of positionsOf(geometry)) {
    if (lng < west) west = lng;
    if (lng > east) east = lng;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  if (west > east) throw new RangeError(`bboxOf: the ${geometry.type} has no positions`);
  return [west, south, east, north];
}
