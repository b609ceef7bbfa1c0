import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_METERS, haversineMeters } from './haversine';
import type { LngLat } from './types';

const lngLat = fc.record({
  lng: fc.double({ min: -180, max: 180, noNaN: true }),
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
});

// Spherical law of cosines: a second formula to cross-check against (poor only for tiny distances).
function lawOfCosinesMeters(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const cos =
    Math.sin(a.lat * rad) * Math.sin(b.lat * rad) +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lng - a.lng) * rad);
  return EARTH_RADIUS_METERS * Math.acos(Math.max(-1, Math.min(1, cos)));
}

// Near antipodes the haversine loses precision (0.1–0.3 m measured), so the properties allow a metre.
const SLACK_METERS = 1;

describe('haversineMeters', () => {
  it('is zero from a point to itself', () => {
    expect(haversineMeters({ lng: 121.41, lat: 29.66 }, { lng: 121.41, lat: 29.66 })).toBe(0);
  });

  it('measures one degree along a meridian and along the equator as πR/180', () => {
    const oneDegree = (Math.PI * EARTH_RADIUS_METERS) / 180; // 111 195 m
    expect(haversineMeters({ lng: 121, lat: 29 }, { lng: 121, lat: 30 })).toBeCloseTo(oneDegree, 3);
    expect(haversineMeters({ lng: 0, lat: 0 }, { lng: 1, lat: 0 })).toBeCloseTo(oneDegree, 3);
  });

  it('measures half the circumference between antipodes', () => {
    expect(haversineMeters({ lng: 121.5, lat: 29.9 }, { lng: -58.5, lat: -29.9 })).toBeCloseTo(
      Math.PI * EARTH_RADIUS_METERS,
      3,
    );
  });

  it('puts Ningbo about 140 km from Hangzhou in a straight line', () => {
    const ningbo = { lng: 121.554, lat: 29.874 }; // 天一广场
    const hangzhou = { lng: 120.155, lat: 30.274 }; // 西湖东岸 (by road it is about 150 km)
    const meters = haversineMeters(ningbo, hangzhou);
    expect(meters).toBeGreaterThan(138_000);
    expect(meters).toBeLessThan(145_000);
  });

  it('puts 溪口 about 16 km west of 奉化 town centre', () => {
    const meters = haversineMeters({ lng: 121.407, lat: 29.655 }, { lng: 121.245, lat: 29.678 });
    expect(meters).toBeGreaterThan(15_000);
    expect(meters).toBeLessThan(17_000);
  });

  it('is symmetric, non-negative and at most half the circumference', () => {
    fc.assert(
      fc.property(lngLat, lngLat, (a, b) => {
        const d = haversineMeters(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_METERS + SLACK_METERS);
        expect(haversineMeters(b, a)).toBeCloseTo(d, 6);
      }),
    );
  });

  it('obeys the triangle inequality', () => {
    fc.assert(
      fc.property(lngLat, lngLat, lngLat, (a, b, c) => {
        expect(haversineMeters(a, c)).toBeLessThanOrEqual(
          haversineMeters(a, b) + haversineMeters(b, c) + SLACK_METERS,
        );
      }),
    );
  });

  it('agrees with the spherical law of cosines to a metre beyond 10 km', () => {
    fc.assert(
      fc.property(lngLat, lngLat, (a, b) => {
        const d = haversineMeters(a, b);
        fc.pre(d > 10_000);
        expect(Math.abs(d - lawOfCosinesMeters(a, b))).toBeLessThan(1);
      }),
    );
  });
});
