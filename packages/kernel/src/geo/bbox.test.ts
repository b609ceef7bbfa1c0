import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bboxOf } from './bbox';
import type { MultiPolygon, Polygon } from './types';

describe('bboxOf', () => {
  it('spans every ring of a polygon, holes included', () => {
    const polygon: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121.2, 29.5],
          [121.8, 29.5],
          [121.8, 29.8],
          [121.2, 29.8],
          [121.2, 29.5],
        ],
        [
          [121.4, 29.6],
          [121.5, 29.6],
          [121.5, 29.7],
          [121.4, 29.6],
        ],
      ],
    };
    expect(bboxOf(polygon)).toEqual([121.2, 29.5, 121.8, 29.8]);
  });

  it('spans every polygon of a multipolygon', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
        [
          [
            [5, -2],
            [6, -2],
            [6, 3],
            [5, -2],
          ],
        ],
      ],
    };
    expect(bboxOf(multi)).toEqual([0, -2, 6, 3]);
  });

  it('is a degenerate box for a point', () => {
    expect(bboxOf({ type: 'Point', coordinates: [121.41, 29.66] })).toEqual([121.41, 29.66, 121.41, 29.66]);
  });

  it('throws for a geometry without positions', () => {
    expect(() => bboxOf({ type: 'Polygon', coordinates: [] })).toThrow(RangeError);
  });

  it('contains every position and touches each of them at its extremes', () => {
    const position = fc.tuple(
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(position, { minLength: 1, maxLength: 30 }), (positions) => {
        const [west, south, east, north] = bboxOf({ type: 'Polygon', coordinates: [positions] });
        for (const [lng, lat] of positions) {
          expect(lng).toBeGreaterThanOrEqual(west);
          expect(lng).toBeLessThanOrEqual(east);
          expect(lat).toBeGreaterThanOrEqual(south);
          expect(lat).toBeLessThanOrEqual(north);
        }
        expect(positions.some(([lng]) => lng === west)).toBe(true);
        expect(positions.some(([lng]) => lng === east)).toBe(true);
        expect(positions.some(([, lat]) => lat === south)).toBe(true);
        expect(positions.some(([, lat]) => lat === north)).toBe(true);
      }),
    );
  });
});
