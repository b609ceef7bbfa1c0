import { describe, expect, it } from 'vitest';
import { createScenario, deviceNoise, mulberry32, SIMULATED_METRICS, type SimulatedStation } from './curves';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// 2013-10-06 08:00 CST, the morning 菲特's rain reached 奉化.
const START = Date.UTC(2013, 9, 6, 0);

const tingxia: SimulatedStation = {
  code: 'FH-SK-TX',
  kind: 'reservoir',
  attributes: {
    catchment_km2: 176,
    capacity_10k_m3: 15300,
    normal_level: 81,
    flood_limit_level: 78,
    warning_level: 83,
    guarantee_level: 86,
    dead_level: 55,
    exposure: 'mountain',
  },
};
const jiangkou: SimulatedStation = {
  code: 'FH-HD-SJJK',
  kind: 'river_section',
  attributes: { normal_level: 2.2, warning_level: 3.8, guarantee_level: 4.6, catchment_km2: 560 },
};
const coast: SimulatedStation = {
  code: 'FH-QX-SA',
  kind: 'weather_station',
  attributes: { exposure: 'coastal' },
};
const site: SimulatedStation = { code: 'FH-GD-NMAZ', kind: 'construction_site', attributes: {} };
const gauge: SimulatedStation = {
  code: 'FH-YL-XK',
  kind: 'rain_gauge',
  attributes: { exposure: 'mountain' },
};
const air: SimulatedStation = { code: 'FH-KQ-JP', kind: 'air_station', attributes: {} };
const quality: SimulatedStation = { code: 'FH-SZ-SJJK', kind: 'water_quality', attributes: {} };

/** Samples every `stepMs` over the whole scenario. */
function series(
  kind: 'normal' | 'typhoon',
  station: SimulatedStation,
  metric: string,
  {
    seed = 1,
    stepMs = MINUTE,
    durationHours,
    device,
  }: { seed?: number; stepMs?: number; durationHours?: number; device?: string } = {},
): { t: number; v: number }[] {
  const scenario = createScenario(kind, { start: START, seed, durationHours });
  const out: { t: number; v: number }[] = [];
  for (let t = scenario.start; t <= scenario.end; t += stepMs) {
    const v = scenario.valueAt(station, metric, t, device);
    if (v === null) throw new Error(`${metric} null at ${t}`);
    out.push({ t, v });
  }
  return out;
}

/** Longest run of consecutive 1-minute samples above `level`, in minutes. */
function longestAbove(points: { v: number }[], level: number): number {
  let best = 0;
  let run = 0;
  for (const p of points) {
    run = p.v > level ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

describe('mulberry32', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const draws = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(draws);
    expect(mulberry32(8)()).not.toBe(draws[0]);
    for (const x of draws) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('createScenario', () => {
  it('gives the same value for the same seed, station, metric and time, in any call order', () => {
    const t = START + 30 * HOUR + 17 * MINUTE;
    const first = createScenario('typhoon', { start: START, seed: 42 });
    const late = first.valueAt(tingxia, 'water_level', t);
    const second = createScenario('typhoon', { start: START, seed: 42 });
    second.valueAt(tingxia, 'water_level', START + 10 * HOUR); // a different history of calls
    expect(second.valueAt(tingxia, 'water_level', t)).toBe(late);
    expect(second.valueAt(site, 'pm10', t, 'FH-GD-NMAZ-01')).toBe(
      first.valueAt(site, 'pm10', t, 'FH-GD-NMAZ-01'),
    );
    const other = createScenario('typhoon', { start: START, seed: 43 });
    expect(other.valueAt(tingxia, 'water_level', t)).not.toBe(late);
  });

  it('returns null outside the scenario and for metrics the station kind cannot have', () => {
    const scenario = createScenario('normal', { start: START, seed: 1, durationHours: 2 });
    expect(scenario.valueAt(gauge, 'rain_1h', START - 1)).toBeNull();
    expect(scenario.valueAt(gauge, 'rain_1h', START + 2 * HOUR + 1)).toBeNull();
    expect(scenario.valueAt(gauge, 'water_level', START)).toBeNull();
    expect(scenario.valueAt(jiangkou, 'outflow', START)).toBeNull();
    expect(scenario.valueAt(gauge, 'no_such_metric', START)).toBeNull();
    expect(scenario.valueAt(gauge, 'rain_1h', START)).not.toBeNull();
  });

  it('in a typhoon lifts 亭下 from below the flood limit past its warning level for hours, then recedes', () => {
    for (const seed of [1, 2, 3, 2013]) {
      const level = series('typhoon', tingxia, 'water_level', { seed });
      const peak = Math.max(...level.map((p) => p.v));
      expect(level[0].v).toBeLessThan(78);
      expect(longestAbove(level, 83)).toBeGreaterThan(10);
      expect(peak).toBeLessThan(86 + 0.5); // close to, at most just over, 保证水位
      expect(level.at(-1)?.v).toBeLessThan(peak - 2);
    }
  });

  it('in a typhoon raises 江口 past its warning level and brings 60–80 mm hours and 25+ m/s coastal wind', () => {
    const river = series('typhoon', jiangkou, 'water_level');
    expect(longestAbove(river, 3.8)).toBeGreaterThan(10);
    const wettest = Math.max(...series('typhoon', gauge, 'rain_1h', { stepMs: 5 * MINUTE }).map((p) => p.v));
    expect(wettest).toBeGreaterThanOrEqual(60);
    expect(wettest).toBeLessThanOrEqual(80);
    const wind = Math.max(...series('typhoon', coast, 'wind_speed', { stepMs: 5 * MINUTE }).map((p) => p.v));
    expect(wind).toBeGreaterThan(25);
  });

  it('in normal weather keeps reservoirs below the flood limit and rivers below warning for a month', () => {
    for (const seed of [1, 5, 9]) {
      const opts = { seed, stepMs: 10 * MINUTE, durationHours: 24 * 30 };
      expect(Math.max(...series('normal', tingxia, 'water_level', opts).map((p) => p.v))).toBeLessThan(78);
      expect(Math.max(...series('normal', jiangkou, 'water_level', opts).map((p) => p.v))).toBeLessThan(3.8);
      expect(Math.max(...series('normal', gauge, 'rain_1h', opts).map((p) => p.v))).toBeLessThan(30);
    }
  });

  it('keeps construction noise high by day and low at night', () => {
    const noise = series('normal', site, 'noise_leq', { durationHours: 24 * 3 });
    const hour = (t: number) => (t / HOUR + 8) % 24;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const day = mean(noise.filter((p) => hour(p.t) >= 8 && hour(p.t) < 11.5).map((p) => p.v));
    const night = mean(noise.filter((p) => hour(p.t) >= 0 && hour(p.t) < 5).map((p) => p.v));
    expect(day).toBeGreaterThan(62);
    expect(night).toBeLessThan(52);
  });

  // Largest plausible change between 1-minute readings (instrument resolution included).
  const maxStep: Record<string, number> = {
    water_level: 0.05,
    rain_1h: 3,
    rain_current: 1,
    wind_speed: 1.5,
    wind_direction: 8,
    air_temp: 0.3,
    humidity: 2,
    pm25: 4,
    pm10: 12,
    no2: 3,
    o3: 4,
    noise_leq: 2,
    dissolved_oxygen: 0.05,
    ammonia_n: 0.02,
  };
  const cases: [SimulatedStation, string][] = [
    [tingxia, 'water_level'],
    [jiangkou, 'water_level'],
    [gauge, 'rain_1h'],
    [gauge, 'rain_current'],
    [coast, 'wind_speed'],
    [coast, 'wind_direction'],
    [coast, 'air_temp'],
    [coast, 'humidity'],
    [air, 'pm25'],
    [air, 'no2'],
    [air, 'o3'],
    [site, 'pm10'],
    [site, 'noise_leq'],
    [quality, 'dissolved_oxygen'],
    [quality, 'ammonia_n'],
  ];

  for (const kind of ['normal', 'typhoon'] as const) {
    it(`stays within bounds and moves smoothly minute to minute (${kind})`, () => {
      for (const [station, metric] of cases) {
        const points = series(kind, station, metric, { durationHours: 48, device: `${station.code}-01` });
        const { min, max } = SIMULATED_METRICS[metric];
        for (let i = 0; i < points.length; i++) {
          const v = points[i].v;
          expect(v >= min && v <= max, `${metric} ${v}`).toBe(true);
          if (i === 0) continue;
          let step = Math.abs(v - points[i - 1].v);
          if (metric === 'wind_direction') step = Math.min(step, 360 - step);
          expect(step, `${station.code} ${metric} at minute ${i}`).toBeLessThanOrEqual(maxStep[metric]);
        }
      }
    });
  }
});

describe('deviceNoise', () => {
  it('is small, seeded and different between devices', () => {
    const a = deviceNoise(1, 'FH-SK-TX-01', 'water_level', START + HOUR);
    expect(deviceNoise(1, 'FH-SK-TX-01', 'water_level', START + HOUR)).toBe(a);
    expect(deviceNoise(1, 'FH-SK-TX-02', 'water_level', START + HOUR)).not.toBe(a);
    for (let t = START; t < START + 6 * HOUR; t += 7 * MINUTE) {
      expect(Math.abs(deviceNoise(3, 'FH-SK-TX-01', 'water_level', t))).toBeLessThanOrEqual(0.01);
    }
    expect(deviceNoise(1, 'FH-YL-XK-01', 'rain_1h', START)).toBe(0);
  });
});
