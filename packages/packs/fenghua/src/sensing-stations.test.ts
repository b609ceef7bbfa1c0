import { haversineMeters } from '@zhizhi/kernel/geo';
import { describe, expect, it } from 'vitest';
import villageRows from '../data/villages.json' with { type: 'json' };
import { insideFenghua, townSeats } from './geo';
import { fenghuaDepartments } from './departments';
import { fenghuaMetrics, fenghuaStations } from './sensing-stations';

const seatByCode = new Map(townSeats.map((seat) => [seat.code, seat]));
const townOfVillage = new Map(villageRows.map((v) => [v.code, v.townCode]));

/** The township a station lies in, from its township or village code. */
function townshipOf(divisionCode: string): string | undefined {
  return seatByCode.has(divisionCode) ? divisionCode : townOfVillage.get(divisionCode);
}

const num = (value: number | string | undefined): number => {
  expect(typeof value).toBe('number');
  return value as number;
};

describe('fenghuaStations', () => {
  it('has unique station, device, rule, metric and protocol-address codes', () => {
    const unique = (codes: string[]) => expect(new Set(codes).size).toBe(codes.length);
    const devices = fenghuaStations.flatMap((s) => s.devices);
    unique(fenghuaStations.map((s) => s.code));
    unique(devices.map((d) => d.code));
    unique(fenghuaStations.flatMap((s) => (s.rules ?? []).map((r) => r.code)));
    unique(fenghuaMetrics.map((m) => m.code));
    unique(devices.flatMap((d) => (d.protocolAddress ? [d.protocolAddress] : [])));
    for (const s of fenghuaStations) expect(s.code).toMatch(/^FH-(SK|HD|YL|KQ|QX|SZ|GD|SP)-[A-Z]{2,5}$/);
  });

  it('defines every metric a device or rule uses', () => {
    const defined = new Set(fenghuaMetrics.map((m) => m.code));
    for (const station of fenghuaStations) {
      for (const d of station.devices)
        for (const m of d.metrics) expect(defined, `${d.code}:${m}`).toContain(m);
      const reported = new Set(station.devices.flatMap((d) => d.metrics));
      for (const rule of station.rules ?? []) {
        if (rule.metric) expect(reported, `${rule.code}`).toContain(rule.metric);
      }
    }
    for (const m of fenghuaMetrics) expect(m.retentionDays).toBeGreaterThan(0);
  });

  it('speaks each protocol with a well-formed address', () => {
    for (const d of fenghuaStations.flatMap((s) => s.devices)) {
      if (d.protocol === 'sl651') expect(d.protocolAddress).toMatch(/^\d{10}$/);
      if (d.protocol === 'hj212') expect(d.protocolAddress?.length).toBeGreaterThanOrEqual(14);
    }
  });

  it('places every station in a real township, inside the district, within 10 km of its seat', () => {
    const departments = new Set(fenghuaDepartments.map((d) => d.code));
    for (const s of fenghuaStations) {
      const town = townshipOf(s.divisionCode);
      expect(town, `${s.code} ${s.divisionCode}`).toBeDefined();
      expect(departments).toContain(s.departmentCode);
      expect(s.lng).toBeGreaterThan(121.1);
      expect(s.lng).toBeLessThan(121.75);
      expect(s.lat).toBeGreaterThan(29.45);
      expect(s.lat).toBeLessThan(29.8);
      expect(insideFenghua(s), `${s.code} outside the boundary`).toBe(true);
      const seat = seatByCode.get(town as string);
      expect(haversineMeters(s, seat as { lng: number; lat: number }), s.code).toBeLessThan(10_000);
    }
  });

  it('orders reservoir levels dead < flood limit, normal < warning < guarantee', () => {
    const reservoirs = fenghuaStations.filter((s) => s.kind === 'reservoir');
    expect(reservoirs.map((r) => r.nameZh)).toEqual(['亭下水库', '横山水库']);
    for (const { attributes: a } of reservoirs) {
      expect(num(a.dead_level)).toBeLessThan(num(a.flood_limit_level));
      expect(num(a.dead_level)).toBeLessThan(num(a.normal_level));
      expect(num(a.flood_limit_level)).toBeLessThan(num(a.warning_level));
      expect(num(a.normal_level)).toBeLessThan(num(a.warning_level));
      expect(num(a.warning_level)).toBeLessThan(num(a.guarantee_level));
      expect(num(a.capacity_10k_m3)).toBeGreaterThan(10_000); // both are large (大型) reservoirs
    }
    for (const s of fenghuaStations.filter((x) => x.kind === 'river_section')) {
      expect(num(s.attributes.normal_level)).toBeLessThan(num(s.attributes.warning_level));
      expect(num(s.attributes.warning_level)).toBeLessThan(num(s.attributes.guarantee_level));
    }
  });

  it('names only attributes the station has in threshold rules and expressions', () => {
    for (const s of fenghuaStations) {
      for (const rule of s.rules ?? []) {
        if (rule.kind === 'threshold') {
          expect(rule.op).toMatch(/^[<>]$/);
          if (typeof rule.value === 'string') expect(s.attributes, rule.code).toHaveProperty(rule.value);
          else expect(typeof rule.value).toBe('number');
        }
        for (const name of rule.expression?.match(/attr\.(\w+)/g) ?? []) {
          expect(s.attributes, rule.code).toHaveProperty(name.slice(5));
        }
        for (const name of rule.expression?.match(/m\.(\w+)/g) ?? []) {
          expect(
            s.devices.flatMap((d) => d.metrics),
            rule.code,
          ).toContain(name.slice(2));
        }
      }
    }
  });

  it('gives every station with devices an offline rule and the network its expected coverage', () => {
    for (const s of fenghuaStations.filter((x) => x.devices.length > 0)) {
      expect(
        s.rules?.some((r) => r.kind === 'nodata' && r.minutes === 30),
        s.code,
      ).toBe(true);
    }
    const gauges = fenghuaStations.filter((s) => s.kind === 'rain_gauge');
    expect(new Set(gauges.map((g) => g.divisionCode))).toEqual(new Set(townSeats.map((t) => t.code)));
    const count = (kind: string) => fenghuaStations.filter((s) => s.kind === kind).length;
    expect(count('river_section')).toBeGreaterThanOrEqual(6);
    expect(count('air_station')).toBeGreaterThanOrEqual(2);
    expect(count('weather_station')).toBe(3);
    expect(count('construction_site')).toBeGreaterThanOrEqual(5);
    const tingxia = fenghuaStations.find((s) => s.code === 'FH-SK-TX');
    expect(tingxia?.rules?.find((r) => r.kind === 'expression')?.severity).toBe('critical');
  });
});
