import type { StationKind } from '../registry/types';

/** `normal`: everyday weather with passing showers; `typhoon`: a 36-hour typhoon rain event. */
export type ScenarioKind = 'normal' | 'typhoon';

export interface CreateScenarioOptions {
  /** Scenario start, epoch ms. */
  start: number;
  /** Same seed, station, metric and time give the same value. */
  seed: number;
  /** Length of the scenario; `valueAt` is null after it. Default 72 (typhoon) or 168 (normal). */
  durationHours?: number;
}

/** What the curves need to know about a station (a StationSeed or a registry row fits). */
export interface SimulatedStation {
  code: string;
  kind: StationKind;
  attributes: Record<string, number | string>;
}

export interface Scenario {
  kind: ScenarioKind;
  start: number;
  end: number;
  /** Typhoon rain event window (epoch ms), null in `normal`. */
  event: { from: number; to: number } | null;
  /**
   * The reading of `metric` at `station` at time `t`, rounded like a real instrument; null outside the
   * scenario or for a metric the station kind cannot have. With `deviceCode`, adds that device's noise.
   */
  valueAt(station: SimulatedStation, metric: string, t: number, deviceCode?: string): number | null;
}

/** Physical bounds, reading resolution and device noise (one standard deviation) per metric. */
export const SIMULATED_METRICS: Readonly<
  Record<string, { min: number; max: number; decimals: number; noise: number }>
> = {
  water_level: { min: -10, max: 3000, decimals: 2, noise: 0.005 },
  flow: { min: 0, max: 20_000, decimals: 1, noise: 0.5 },
  outflow: { min: 0, max: 20_000, decimals: 1, noise: 0.5 },
  rain_current: { min: 0, max: 30, decimals: 1, noise: 0 },
  rain_1h: { min: 0, max: 150, decimals: 1, noise: 0 },
  battery_voltage: { min: 11, max: 14.6, decimals: 2, noise: 0.02 },
  pm25: { min: 1, max: 500, decimals: 0, noise: 1.5 },
  pm10: { min: 2, max: 1000, decimals: 0, noise: 2.5 },
  so2: { min: 1, max: 200, decimals: 0, noise: 0.5 },
  no2: { min: 1, max: 300, decimals: 0, noise: 1.5 },
  o3: { min: 1, max: 400, decimals: 0, noise: 2 },
  co: { min: 0.1, max: 10, decimals: 2, noise: 0.03 },
  air_temp: { min: -10, max: 42, decimals: 1, noise: 0.1 },
  humidity: { min: 10, max: 100, decimals: 0, noise: 1 },
  wind_speed: { min: 0, max: 60, decimals: 1, noise: 0.2 },
  wind_direction: { min: 0, max: 360, decimals: 0, noise: 3 },
  noise_leq: { min: 30, max: 110, decimals: 1, noise: 0.6 },
  ph: { min: 6, max: 9, decimals: 2, noise: 0.02 },
  dissolved_oxygen: { min: 2, max: 15, decimals: 2, noise: 0.05 },
  cod: { min: 2, max: 60, decimals: 1, noise: 0.3 },
  ammonia_n: { min: 0.02, max: 5, decimals: 3, noise: 0.01 },
  total_p: { min: 0.005, max: 1, decimals: 3, noise: 0.003 },
  water_temp: { min: 0, max: 35, decimals: 1, noise: 0.05 },
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const STEP = 5 * MINUTE; // hydrology integration step
const LEAD_HOURS = 6; // typhoon: quiet hours before the rain starts
const EVENT_HOURS = 36;

/** Mulberry32: a small, fast, seedable PRNG (32-bit state). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A uniform number in [0, 1) fixed by (seed, key, index). */
function unit(seed: number, key: string, index: number): number {
  return mulberry32(hash32(`${seed}|${key}|${index}`))();
}

/** Smooth value noise in [-1, 1]: seeded knots every `periodMs`, smoothstep between them. */
function smooth(seed: number, key: string, t: number, periodMs: number): number {
  const x = t / periodMs;
  const i = Math.floor(x);
  const f = x - i;
  const a = unit(seed, key, i) * 2 - 1;
  const b = unit(seed, key, i + 1) * 2 - 1;
  return a + (b - a) * f * f * (3 - 2 * f);
}

/**
 * Small, smooth, seeded noise of one device on one metric (one standard deviation ≈ the metric's
 * `noise`), so two gauges on one station read slightly differently.
 */
export function deviceNoise(seed: number, deviceCode: string, metric: string, t: number): number {
  const sd = SIMULATED_METRICS[metric]?.noise ?? 0;
  if (sd === 0) return 0;
  const key = `${deviceCode}|${metric}`;
  return sd * (1.2 * smooth(seed, `${key}|slow`, t, 20 * MINUTE) + 0.6 * smooth(seed, key, t, 4 * MINUTE));
}

// China Standard Time, which the diurnal cycles follow.
const hourOf = (t: number): number => (((t / HOUR + 8) % 24) + 24) % 24;
const dayOfYear = (t: number): number => ((((t + 8 * HOUR) / (24 * HOUR)) % 365.2425) + 365.2425) % 365.2425;
/** cos over the day, 1 at `peakHour`. */
const daily = (t: number, peakHour: number): number => Math.cos((2 * Math.PI * (hourOf(t) - peakHour)) / 24);
/** 0 in mid-January, 1 in mid-July. */
const summer = (t: number): number => (1 - Math.cos((2 * Math.PI * (dayOfYear(t) - 15)) / 365.2425)) / 2;
/** Smooth 0→1 ramp between a and b. */
const ramp = (x: number, a: number, b: number): number => {
  const f = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return f * f * (3 - 2 * f);
};

const attr = (s: SimulatedStation, name: string, fallback: number): number => {
  const value = s.attributes[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
};

type Exposure = 'mountain' | 'coastal' | 'plain';
function exposureOf(s: SimulatedStation): Exposure {
  const value = s.attributes.exposure;
  if (value === 'mountain' || value === 'coastal' || value === 'plain') return value;
  if (s.kind === 'weather_station') return 'coastal';
  return s.kind === 'reservoir' ? 'mountain' : 'plain';
}

interface Context {
  kind: ScenarioKind;
  seed: number;
  start: number;
  eventFrom: number;
  eventTo: number;
}

/** Typhoon intensity in [0, 1] over the rain event (0 outside it). */
function eventShape(c: Context, t: number): number {
  if (c.kind !== 'typhoon' || t <= c.eventFrom || t >= c.eventTo) return 0;
  return Math.sin((Math.PI * (t - c.eventFrom)) / (c.eventTo - c.eventFrom)) ** 6;
}

/** Rain intensity in mm/h at the station. */
function rainRate(c: Context, s: SimulatedStation, t: number): number {
  const exposure = exposureOf(s);
  const local = 0.92 + 0.16 * unit(c.seed, s.code, 0);
  if (c.kind === 'typhoon') {
    // Spiral rain bands every 2.5 h, one crest near the peak of the event so the wettest hour
    // reaches 60–80 mm like 菲特 (2013) in the 四明山 foothills.
    const peakAt = (c.eventFrom + c.eventTo) / 2 + (unit(c.seed, 'band', 0) - 0.5) * 0.6 * HOUR;
    const band = 1 + 0.6 * Math.cos((2 * Math.PI * (t - peakAt)) / (2.5 * HOUR));
    const factor = exposure === 'mountain' ? 1.1 : exposure === 'coastal' ? 1.05 : 0.95;
    return 42 * factor * local * eventShape(c, t) * band;
  }
  // Showers: at most one cell per 3-hour slot, shared by the region, stronger at some stations.
  const slot = 3 * HOUR;
  const here = Math.floor(t / slot);
  let rate = 0;
  for (let b = here - 2; b <= here + 2; b++) {
    if (unit(c.seed, 'cell', b) >= 0.12) continue;
    const centre = (b + unit(c.seed, 'cell-at', b)) * slot;
    const sigma = (25 + 50 * unit(c.seed, 'cell-width', b)) * MINUTE;
    const peak =
      (2 + 18 * unit(c.seed, 'cell-peak', b) ** 2) * (0.6 + 0.6 * unit(c.seed, `${s.code}|cell`, b));
    rate += peak * (exposure === 'mountain' ? 1.1 : 1) * Math.exp(-0.5 * ((t - centre) / sigma) ** 2);
  }
  return rate;
}

/** Rain in mm over (t - windowMs, t], Simpson's rule on the smooth rate. */
function rainOver(c: Context, s: SimulatedStation, t: number, windowMs: number): number {
  const n = windowMs > 10 * MINUTE ? 12 : 4;
  const h = windowMs / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    sum += w * rainRate(c, s, t - windowMs + i * h);
  }
  return ((sum * h) / 3) * (1 / HOUR);
}

interface HydroSeries {
  /** Antecedent rain (mm, decaying over three days) and runoff leaving the routing store (m³/s). */
  wet: number;
  routed: number;
  /** reservoir: level; river: stage. */
  level: number[];
  /** reservoir: inflow; river: discharge (m³/s). */
  flow: number[];
  outflow: number[];
  /** Runoff-driven pollution load in [0, 1). */
  load: number[];
}

const BASE_FLOW = 0.03; // m³/s per km², dry-weather base flow
const MM_PER_HOUR_TO_M3S_PER_KM2 = 1 / 3.6;

function simulateHydrology(c: Context, s: SimulatedStation, series: HydroSeries, untilIndex: number): void {
  const reservoir = s.kind === 'reservoir';
  const area = attr(s, 'catchment_km2', reservoir ? 150 : 100);
  const warning = attr(s, 'warning_level', 10);
  const guarantee = attr(s, 'guarantee_level', warning + 2);
  const floodLimit = attr(s, 'flood_limit_level', warning - 3);
  const normal = attr(s, 'normal_level', reservoir ? floodLimit + 2 : warning - 2);
  const dead = attr(s, 'dead_level', floodLimit - 25);
  const capacity = attr(s, 'capacity_10k_m3', 10_000) * 1e4;
  // A constant lake area that holds the total capacity between dead and design-flood level.
  const lake = (capacity / Math.max(1, guarantee - dead)) * 1.4;
  const lag = reservoir ? 3 : 1 + area / 150; // hours of catchment routing
  const keep = Math.exp(-STEP / (lag * HOUR));
  const u = unit(c.seed, `${s.code}|start`, 0);
  const target =
    c.kind === 'typhoon' ? floodLimit - 0.8 - 0.4 * u : Math.min(normal, floodLimit) - 1 - 0.8 * u;
  const supply = BASE_FLOW * area;
  // normal: back to the target level in about two days; typhoon: hold the flood limit, spill above it.
  const settle = c.kind === 'normal' ? lake / (48 * 3600) : 0;
  const floodRelease = lake / (72 * 3600);
  // Big catchments see the storm's average, not its core (areal reduction).
  const areal = 1 / (1 + area / 500);
  // River stage: saturating with discharge (the flood plain takes the excess), warning at 2 m³/s/km².
  const reach = guarantee - normal + 0.6;
  const scale = -2 / Math.log(1 - Math.min(0.95, (warning - normal) / reach));

  const { level, flow } = series;
  if (level.length === 0) {
    level.push(reservoir ? target : normal);
    flow.push(supply);
    series.outflow.push(supply);
    series.load.push(0);
    series.wet = c.kind === 'typhoon' ? 40 : 15;
  }
  for (let i = level.length; i <= untilIndex; i++) {
    const t = c.start + (i - 0.5) * STEP;
    const rate = rainRate(c, s, t);
    series.wet = series.wet * Math.exp(-STEP / (72 * HOUR)) + (rate * STEP) / HOUR;
    const runoff = 0.05 + 0.8 * (1 - Math.exp(-series.wet / 80));
    const input = rate * runoff * (reservoir ? 1 : areal) * MM_PER_HOUR_TO_M3S_PER_KM2 * area;
    series.routed = series.routed * keep + input * (1 - keep);
    const q = supply + series.routed;
    const h = level[i - 1];
    if (reservoir) {
      // Operators raise the release once the rain has stopped (雨停后加大泄量).
      const boost = 1 + 3 * ramp(t, c.eventTo, c.eventTo + 6 * HOUR);
      const release = Math.min(
        8 * area,
        supply + settle * Math.max(0, h - target) + floodRelease * boost * Math.max(0, h - floodLimit),
      );
      level.push(h + ((q - release) * STEP) / 1000 / lake);
      series.outflow.push(release);
    } else {
      level.push(normal + reach * (1 - Math.exp(-(series.routed / area) / scale)));
      series.outflow.push(q);
    }
    flow.push(q);
    series.load.push(1 - Math.exp(-series.routed / area / 2));
  }
}

/** Creates a deterministic scenario; `valueAt` may be called in any order. */
export function createScenario(kind: ScenarioKind, options: CreateScenarioOptions): Scenario {
  const { start, seed } = options;
  const durationHours = options.durationHours ?? (kind === 'typhoon' ? 72 : 168);
  const end = start + durationHours * HOUR;
  const eventFrom = start + LEAD_HOURS * HOUR;
  const c: Context = { kind, seed, start, eventFrom, eventTo: eventFrom + EVENT_HOURS * HOUR };
  const cache = new Map<string, HydroSeries>();

  function hydro(s: SimulatedStation, t: number, pick: 'level' | 'flow' | 'outflow' | 'load'): number {
    const key = `${s.kind}|${s.code}`;
    let series = cache.get(key);
    if (!series) {
      series = { wet: 0, routed: 0, level: [], flow: [], outflow: [], load: [] };
      cache.set(key, series);
    }
    const x = (t - start) / STEP;
    const i = Math.floor(x);
    simulateHydrology(c, s, series, i + 1);
    const values = series[pick];
    return values[i] + (values[i + 1] - values[i]) * (x - i);
  }

  function raw(s: SimulatedStation, metric: string, t: number): number | null {
    switch (metric) {
      case 'water_level':
        return s.kind === 'reservoir' || s.kind === 'river_section' ? hydro(s, t, 'level') : null;
      case 'flow':
        return s.kind === 'river_section' ? hydro(s, t, 'flow') : null;
      case 'outflow':
        return s.kind === 'reservoir' ? hydro(s, t, 'outflow') : null;
      case 'rain_current':
        return rainOver(c, s, t, 5 * MINUTE);
      case 'rain_1h':
        return rainOver(c, s, t, HOUR);
      default:
        return weather(c, s, metric, t) ?? air(c, s, metric, t) ?? water(c, s, metric, t, hydroLoad(s, t));
    }
  }

  const hydroLoad = (s: SimulatedStation, t: number): number =>
    hydro({ ...s, kind: 'river_section', code: `${s.code}|wq` }, t, 'load');

  return {
    kind,
    start,
    end,
    event: kind === 'typhoon' ? { from: c.eventFrom, to: c.eventTo } : null,
    valueAt(station, metric, t, deviceCode) {
      const spec = SIMULATED_METRICS[metric];
      if (!spec || !(t >= start && t <= end)) return null;
      const value = raw(station, metric, t);
      if (value === null) return null;
      const noisy = deviceCode && spec.noise > 0 ? value + deviceNoise(seed, deviceCode, metric, t) : value;
      if (metric === 'wind_direction') return Math.round(((noisy % 360) + 360) % 360) % 360;
      const bounded = Math.min(spec.max, Math.max(spec.min, noisy));
      const f = 10 ** spec.decimals;
      return Math.round(bounded * f) / f;
    },
  };
}

/** Typhoon wind envelope in [0, 1]: builds 6 h before the rain, peaks mid-event. */
function windShape(c: Context, t: number): number {
  if (c.kind !== 'typhoon') return 0;
  const from = c.eventFrom - 6 * HOUR;
  const to = c.eventTo + 6 * HOUR;
  if (t <= from || t >= to) return 0;
  return Math.sin((Math.PI * (t - from)) / (to - from)) ** 4;
}

function weather(c: Context, s: SimulatedStation, metric: string, t: number): number | null {
  const exposure = exposureOf(s);
  const rain = rainRate(c, s, t);
  const seasonal = 16.5 - 11.5 * Math.cos((2 * Math.PI * (dayOfYear(t) - 20)) / 365.2425);
  switch (metric) {
    case 'air_temp': {
      const amplitude = (exposure === 'coastal' ? 3 : exposure === 'mountain' ? 5 : 4) / (1 + rain / 5);
      const height = exposure === 'mountain' ? -1.2 : 0;
      const cooling = Math.min(4, rain * 0.3) + 2 * windShape(c, t);
      return (
        seasonal + height + amplitude * daily(t, 14.5) + 1.5 * smooth(c.seed, 'temp', t, 36 * HOUR) - cooling
      );
    }
    case 'humidity':
      return Math.min(
        100,
        74 - 14 * daily(t, 14.5) + 8 * smooth(c.seed, 'rh', t, 30 * HOUR) + Math.min(26, rain * 4),
      );
    case 'wind_speed': {
      const everyday = 1.8 + 1.2 * Math.max(0, daily(t, 14)) + (exposure === 'coastal' ? 1.5 : 0);
      const peak =
        exposure === 'coastal'
          ? 26 + 4 * unit(c.seed, `${s.code}|wind`, 0)
          : exposure === 'mountain'
            ? 15
            : 11;
      const gust = 1 + 0.08 * smooth(c.seed, `${s.code}|gust`, t, 10 * MINUTE);
      return Math.max(
        0.2,
        everyday + 0.8 * smooth(c.seed, `${s.code}|breeze`, t, HOUR) + peak * windShape(c, t) * gust,
      );
    }
    case 'wind_direction': {
      // Monsoon: NNW in winter, SE in summer; a typhoon passing to the east turns it NE → N → NW.
      const prevailing = 330 - 195 * summer(t) + 40 * smooth(c.seed, 'veer', t, 6 * HOUR);
      const progress = (t - c.eventFrom) / (c.eventTo - c.eventFrom);
      const storm = 60 - 120 * Math.min(1, Math.max(0, progress));
      const w = windShape(c, t);
      const rad = Math.PI / 180;
      const x = (1 - w) * Math.cos(prevailing * rad) + w * Math.cos(storm * rad);
      const y = (1 - w) * Math.sin(prevailing * rad) + w * Math.sin(storm * rad);
      return (Math.atan2(y, x) / rad + 360) % 360;
    }
    case 'battery_voltage': {
      const daylight = Math.max(0, Math.sin((Math.PI * (hourOf(t) - 6)) / 13)) * (hourOf(t) < 19 ? 1 : 0);
      return (
        12.45 + (1.25 * daylight) / (1 + rain / 10) + 0.05 * smooth(c.seed, `${s.code}|bat`, t, 3 * HOUR)
      );
    }
    default:
      return null;
  }
}

/** Share of a construction site working in [0, 1]: 7:00–18:00 with a lunch break, none in a typhoon. */
function working(c: Context, t: number): number {
  const h = hourOf(t);
  const day = ramp(h, 6.5, 7.5) * (1 - ramp(h, 17.5, 18.5));
  const lunch = 1 - 0.5 * ramp(h, 11.8, 12.2) * (1 - ramp(h, 13.3, 13.7));
  const stopped =
    c.kind === 'typhoon'
      ? ramp(t, c.eventFrom - 8 * HOUR, c.eventFrom - 6 * HOUR) *
        (1 - ramp(t, c.eventTo + 6 * HOUR, c.eventTo + 8 * HOUR))
      : 0;
  return day * lunch * (1 - stopped);
}

/** Earth-moving bursts at a site: most days one 1–2 h burst that pushes PM10 over 150. */
function earthwork(c: Context, s: SimulatedStation, t: number): number {
  const dayIndex = Math.floor((t + 8 * HOUR) / (24 * HOUR));
  let burst = 0;
  for (let d = dayIndex - 1; d <= dayIndex + 1; d++) {
    if (unit(c.seed, `${s.code}|burst`, d) > 0.4) continue;
    const centre = d * 24 * HOUR - 8 * HOUR + (9 + 6 * unit(c.seed, `${s.code}|burst-at`, d)) * HOUR;
    burst += Math.exp(-0.5 * ((t - centre) / (40 * MINUTE)) ** 2);
  }
  return burst;
}

function air(c: Context, s: SimulatedStation, metric: string, t: number): number | null {
  const exposure = exposureOf(s);
  const rain = rainRate(c, s, t);
  const wind = weather(c, s, 'wind_speed', t) ?? 2;
  const dilution = (1 + rain / 4) * (1 + Math.max(0, wind - 3) / 6);
  const season = 30 + 14 * (1 - summer(t)) * 2 - 14;
  const synoptic = Math.exp(0.45 * smooth(c.seed, 'synoptic', t, 36 * HOUR));
  const site = (exposure === 'mountain' ? 0.8 : 1) * (0.9 + 0.2 * unit(c.seed, `${s.code}|air`, 0));
  const pm25 = (season * synoptic * site * (1 + 0.2 * daily(t, 8) + 0.12 * daily(t, 21))) / dilution;
  const construction = s.kind === 'construction_site';
  const work = construction ? working(c, t) : 0;
  const burst = construction ? earthwork(c, s, t) * work : 0;
  const dust = construction
    ? (work * (35 + 25 * smooth(c.seed, `${s.code}|dust`, t, 2 * HOUR)) + 185 * burst) / (1 + rain / 2)
    : 0;
  const rush = Math.exp(-(((hourOf(t) - 8) / 1.5) ** 2)) + 1.1 * Math.exp(-(((hourOf(t) - 18.5) / 1.8) ** 2));
  switch (metric) {
    case 'pm25':
      return pm25 + 0.25 * dust;
    case 'pm10':
      return pm25 * (1.6 + 0.15 * smooth(c.seed, `${s.code}|coarse`, t, 6 * HOUR)) + dust;
    case 'no2':
      return (14 + 22 * rush + 5 * smooth(c.seed, `${s.code}|no2`, t, 4 * HOUR)) / Math.sqrt(dilution);
    case 'so2':
      return 6 + 2 * smooth(c.seed, `${s.code}|so2`, t, 8 * HOUR);
    case 'co':
      return 0.45 + (0.3 * pm25) / 50 + 0.12 * rush;
    case 'o3': {
      const sun = Math.max(0, Math.sin((Math.PI * (hourOf(t) - 7)) / 12)) * (hourOf(t) < 19 ? 1 : 0);
      return 22 + ((90 + 50 * summer(t)) * sun ** 1.5) / (1 + rain / 3) / (1 + windShape(c, t));
    }
    case 'noise_leq':
      return (
        (construction ? 47 : 50 + 4 * Math.max(0, daily(t, 14))) +
        work * (19 + 2.5 * smooth(c.seed, `${s.code}|din`, t, 20 * MINUTE)) +
        4 * burst +
        Math.min(6, rain / 4)
      );
    default:
      return null;
  }
}

function water(c: Context, s: SimulatedStation, metric: string, t: number, load: number): number | null {
  const seasonal = 16.5 - 11.5 * Math.cos((2 * Math.PI * (dayOfYear(t) - 35)) / 365.2425);
  const temp = seasonal + 1 + 0.8 * daily(t, 16) - (exposureOf(s) === 'mountain' ? 1.5 : 0);
  const jitter = (key: string) => smooth(c.seed, `${s.code}|${key}`, t, 12 * HOUR);
  switch (metric) {
    case 'water_temp':
      return temp;
    case 'ph':
      return 7.3 + 0.25 * daily(t, 15) + 0.1 * jitter('ph') - 0.3 * load;
    case 'dissolved_oxygen': {
      const saturation = 14.6 - 0.39 * temp + 0.0069 * temp * temp;
      return saturation * (0.86 + 0.08 * daily(t, 15) + 0.03 * jitter('do') - 0.12 * load);
    }
    case 'cod':
      return 9 + 2 * jitter('cod') + 10 * load;
    case 'ammonia_n':
      return 0.25 + 0.06 * jitter('nh') + 1.0 * load;
    case 'total_p':
      return 0.05 + 0.015 * jitter('tp') + 0.16 * load;
    default:
      return null;
  }
}
