import { describe, expect, it } from 'vitest';
import { outOfChina, wgs84ToGcj02 } from './wgs84-to-gcj02';

// Reference pairs from googollee/eviltransform's test suite (WGS-84 → GCJ-02).
const PAIRS = [
  {
    place: 'Shanghai',
    wgs: { lng: 121.5272106, lat: 31.1774276 },
    gcj: { lng: 121.531541859215, lat: 31.17530398364597 },
  },
  {
    place: 'Shenzhen',
    wgs: { lng: 113.912316, lat: 22.543847 },
    gcj: { lng: 113.9171764808363, lat: 22.540796131694766 },
  },
  {
    place: 'Beijing',
    wgs: { lng: 116.377817, lat: 39.911954 },
    gcj: { lng: 116.38404722455657, lat: 39.91334545536069 },
  },
];

describe('wgs84ToGcj02', () => {
  it.each(PAIRS)('matches the reference offset in $place to 1e-7°', ({ wgs, gcj }) => {
    const got = wgs84ToGcj02(wgs);
    expect(got.lng).toBeCloseTo(gcj.lng, 7);
    expect(got.lat).toBeCloseTo(gcj.lat, 7);
  });

  it('moves a GPS fix in Fenghua by a few hundred metres, east and south', () => {
    const gps = { lng: 121.2388, lat: 29.6789 }; // 溪口镇, WGS-84
    const got = wgs84ToGcj02(gps);
    const east = (got.lng - gps.lng) * 111_320 * Math.cos((gps.lat * Math.PI) / 180);
    const north = (got.lat - gps.lat) * 110_540;
    expect(east).toBeGreaterThan(400);
    expect(east).toBeLessThan(600);
    expect(north).toBeLessThan(0);
    expect(Math.hypot(east, north)).toBeLessThan(700);
  });

  it('leaves points outside China unchanged', () => {
    const london = { lng: -0.1276, lat: 51.5072 };
    expect(outOfChina(london)).toBe(true);
    expect(wgs84ToGcj02(london)).toEqual(london);
  });
});
