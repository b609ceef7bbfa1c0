import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointInGeometry } from './point-in-geometry';
import type { LinearRing, MultiPolygon, Polygon, Position } from './types';

const square = (west: number, south: number, east: number, north: number): LinearRing => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

// 10 × 10 with a 2 × 2 hole in the middle.
const squareWithHole: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] };
const at = (lng: number, lat: number) => ({ lng, lat });

describe('pointInGeometry', () => {
  it('finds points inside, outside and in the hole of a square with a hole', () => {
    expect(pointInGeometry(at(2, 2), squareWithHole)).toBe(true);
    expect(pointInGeometry(at(8, 5), squareWithHole)).toBe(true);
    expect(pointInGeometry(at(5, 5), squareWithHole)).toBe(false);
    expect(pointInGeometry(at(11, 5), squareWithHole)).toBe(false);
    expect(pointInGeometry(at(-1, 5), squareWithHole)).toBe(false);
    expect(pointInGeometry(at(5, 10.000001), squareWithHole)).toBe(false);
  });

  it('counts the edges of the exterior and of a hole as inside', () => {
    expect(pointInGeometry(at(0, 5), squareWithHole)).toBe(true);
    expect(pointInGeometry(at(10, 10), squareWithHole)).toBe(true);
    expect(pointInGeometry(at(4, 5), squareWithHole)).toBe(true);
    expect(pointInGeometry(at(6, 6), squareWithHole)).toBe(true);
  });

  it('handles real coordinates near 奉化', () => {
    const box: Polygon = { type: 'Polygon', coordinates: [square(121.2, 29.5, 121.8, 29.8)] };
    expect(pointInGeometry(at(121.407, 29.655), box)).toBe(true);
    expect(pointInGeometry(at(120.155, 30.274), box)).toBe(false);
  });

  it('leaves out the notch of a concave polygon', () => {
    const u: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    expect(pointInGeometry(at(1.5, 2), u)).toBe(false);
    expect(pointInGeometry(at(0.5, 2), u)).toBe(true);
    expect(pointInGeometry(at(2.5, 2), u)).toBe(true);
    expect(pointInGeometry(at(1.5, 0.5), u)).toBe(true);
  });

  it('checks every polygon of a multipolygon, including an island inside a hole', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [squareWithHole.coordinates, [square(20, 0, 22, 2)], [square(4.5, 4.5, 5.5, 5.5)]],
    };
    expect(pointInGeometry(at(21, 1), multi)).toBe(true);
    expect(pointInGeometry(at(15, 1), multi)).toBe(false);
    expect(pointInGeometry(at(5, 5), multi)).toBe(true); // on the island
    expect(pointInGeometry(at(4.2, 4.2), multi)).toBe(false); // in the lake around it
  });

  it('is false for a polygon without rings', () => {
    expect(pointInGeometry(at(0, 0), { type: 'Polygon', coordinates: [] })).toBe(false);
  });

  const coordinate = fc.oneof(
    fc.integer({ min: -5, max: 15 }),
    fc.double({ min: -5, max: 15, noNaN: true, noDefaultInfinity: true }),
  );

  it('agrees with direct comparison for any point near a square with a hole', () => {
    fc.assert(
      fc.property(coordinate, coordinate, (x, y) => {
        const inSquare = x >= 0 && x <= 10 && y >= 0 && y <= 10;
        const inHoleInterior = x > 4 && x < 6 && y > 4 && y < 6;
        expect(pointInGeometry(at(x, y), squareWithHole)).toBe(inSquare && !inHoleInterior);
      }),
    );
  });

  it('does not depend on winding or on the ring being closed', () => {
    const reversed: Polygon = {
      type: 'Polygon',
      coordinates: squareWithHole.coordinates.map((ring) => [...ring].reverse()),
    };
    const unclosed: Polygon = {
      type: 'Polygon',
      coordinates: squareWithHole.coordinates.map((ring) => ring.slice(0, -1)),
    };
    fc.assert(
      fc.property(coordinate, coordinate, (x, y) => {
        const expected = pointInGeometry(at(x, y), squareWithHole);
        expect(pointInGeometry(at(x, y), reversed)).toBe(expected);
        expect(pointInGeometry(at(x, y), unclosed)).toBe(expected);
      }),
    );
  });

  // Vertices on a circle taken in angular order always form a convex polygon.
  const convexPolygon = fc
    .record({
      degrees: fc.uniqueArray(fc.integer({ min: 0, max: 359 }), { minLength: 3, maxLength: 24 }),
      lng: fc.double({ min: 73, max: 135, noNaN: true }),
      lat: fc.double({ min: 18, max: 53, noNaN: true }),
      radius: fc.double({ min: 0.001, max: 1, noNaN: true }),
    })
    .map(({ degrees, lng, lat, radius }) => {
      const ring: Position[] = [...degrees]
        .sort((a, b) => a - b)
        .map((d) => [
          lng + radius * Math.cos((d * Math.PI) / 180),
          lat + radius * Math.sin((d * Math.PI) / 180),
        ]);
      return { ring: [...ring, ring[0]], lng, lat, radius };
    });

  it("puts the centroid of a convex polygon's vertices inside it", () => {
    fc.assert(
      fc.property(convexPolygon, ({ ring }) => {
        const vertices = ring.slice(0, -1);
        const centroid = at(
          vertices.reduce((sum, [x]) => sum + x, 0) / vertices.length,
          vertices.reduce((sum, [, y]) => sum + y, 0) / vertices.length,
        );
        expect(pointInGeometry(centroid, { type: 'Polygon', coordinates: [ring] })).toBe(true);
      }),
    );
  });

  it("counts a polygon's own vertices as inside and points beyond its circle as outside", () => {
    fc.assert(
      fc.property(convexPolygon, fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), (shape, angle) => {
        const polygon: Polygon = { type: 'Polygon', coordinates: [shape.ring] };
        for (const [x, y] of shape.ring) expect(pointInGeometry(at(x, y), polygon)).toBe(true);
        const far = at(
          shape.lng + 1.01 * shape.radius * Math.cos(angle),
          shape.lat + 1.01 * shape.radius * Math.sin(angle),
        );
        expect(pointInGeometry(far, polygon)).toBe(false);
      }),
    );
  });
});
