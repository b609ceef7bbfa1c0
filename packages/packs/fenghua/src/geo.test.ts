import { haversineMeters } from '@zhizhi/kernel/geo';
import { describe, expect, it } from 'vitest';
import towns from '../data/towns.json' with { type: 'json' };
import { fenghuaBoundary, insideFenghua, nearestTown, townSeats } from './geo';

describe('Fenghua geography', () => {
  it('has one seat for each of the 12 townships of the division list', () => {
    expect(townSeats.map(({ code, name }) => ({ code, name }))).toEqual(towns);
  });

  it('has a real boundary: one polygon of a few hundred points around 奉化', () => {
    expect(fenghuaBoundary.properties.adcode).toBe('330213');
    expect(fenghuaBoundary.geometry.type).toBe('Polygon');
    const ring = fenghuaBoundary.geometry.coordinates[0] as number[][];
    expect(ring.length).toBeGreaterThan(200);
    expect(ring.length).toBeLessThan(1000);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it('puts every township seat inside the district', () => {
    const outside = townSeats.filter((seat) => !insideFenghua(seat)).map((seat) => seat.name);
    expect(outside).toEqual([]);
  });

  it('puts places outside the district outside', () => {
    expect(insideFenghua({ lng: 120.155, lat: 30.274 })).toBe(false); // Hangzhou, 西湖
    expect(insideFenghua({ lng: 121.554, lat: 29.874 })).toBe(false); // Ningbo, 天一广场 (海曙区)
    expect(insideFenghua({ lng: 121.431, lat: 29.299 })).toBe(false); // 宁海县城
    expect(insideFenghua({ lng: 121.86, lat: 29.47 })).toBe(false); // 象山港, the 象山 side
  });

  it('suggests 溪口镇 for a point in 溪口', () => {
    const town = nearestTown({ lng: 121.236, lat: 29.671 }); // near 武岭门
    expect(town.name).toBe('溪口镇');
    expect(town.code).toBe('330213100000');
    expect(town.distanceMeters).toBeLessThan(2_000);
  });

  it('suggests each township for a point at its own seat, at distance 0', () => {
    for (const seat of townSeats) {
      expect(nearestTown(seat)).toEqual({ code: seat.code, name: seat.name, distanceMeters: 0 });
    }
  });

  it('suggests 松岙镇 at the eastern tip and 大堰镇 in the south-western hills', () => {
    expect(nearestTown({ lng: 121.74, lat: 29.6 }).name).toBe('松岙镇');
    expect(nearestTown({ lng: 121.26, lat: 29.44 }).name).toBe('大堰镇');
  });

  it('keeps seats at least a kilometre apart, so the suggestion is not a coin toss', () => {
    for (const a of townSeats)
      for (const b of townSeats)
        if (a.code < b.code) expect(haversineMeters(a, b), `${a.name}–${b.name}`).toBeGreaterThan(1_000);
  });
});
