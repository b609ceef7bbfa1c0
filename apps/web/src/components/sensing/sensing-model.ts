import type {
  SensingRule,
  SensingStation,
  SensingWarning,
  Severity,
  StationKind,
  StreamValues,
} from './types';

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'major', 'minor', 'warning', 'indeterminate'];

export const STATION_KIND_ORDER: readonly StationKind[] = [
  'reservoir',
  'river_section',
  'rain_gauge',
  'weather_station',
  'air_station',
  'water_quality',
  'construction_site',
  'video_point',
];

/** Chinese warning colours (GB/T 27962 style): 红 橙 黄 蓝, and grey for what has no colour. */
export type WarningColour = 'red' | 'orange' | 'yellow' | 'blue' | 'none';

/** The warning colour a severity is shown in (critical → 红 … warning → 蓝). */
export function severityColour(severity: Severity): WarningColour {
  switch (severity) {
    case 'critical':
      return 'red';
    case 'major':
      return 'orange';
    case 'minor':
      return 'yellow';
    case 'warning':
      return 'blue';
    default:
      return 'none';
  }
}

/** The warning colour of a township level: 1 红, 2 橙, 3 黄, 4 蓝, anything else none. */
export function levelColour(level: number): WarningColour {
  return (['none', 'red', 'orange', 'yellow', 'blue'] as const)[level] ?? 'none';
}

/** Fill and text colours per warning colour; yellow carries black text to stay readable. */
export const COLOUR_STYLE: Record<WarningColour, { background: string; text: string }> = {
  red: { background: '#c8102e', text: '#ffffff' },
  orange: { background: '#e8590c', text: '#ffffff' },
  yellow: { background: '#f5c400', text: '#000000' },
  blue: { background: '#1254c4', text: '#ffffff' },
  none: { background: '#8c8c8c', text: '#ffffff' },
};

export const NORMAL_COLOUR = '#2b8a3e';
export const OFFLINE_COLOUR = '#6b6b6b';

/** A station's point colour: green when normal, its worst alarm's colour, grey when offline. */
export function stationColour(station: Pick<SensingStation, 'status' | 'worstSeverity'>): string {
  if (station.status === 'offline') return OFFLINE_COLOUR;
  if (station.status === 'alarm' && station.worstSeverity) {
    return COLOUR_STYLE[severityColour(station.worstSeverity)].background;
  }
  return NORMAL_COLOUR;
}

/** Sort key for stations: alarms first (worst first), then offline, then normal. */
export function stationRank(station: Pick<SensingStation, 'status' | 'worstSeverity'>): number {
  if (station.status === 'alarm') return SEVERITY_ORDER.indexOf(station.worstSeverity ?? 'indeterminate');
  return station.status === 'offline' ? 10 : 20;
}

/** A horizontal line on a metric's chart: where one of the station's threshold rules triggers. */
export interface ThresholdLine {
  value: number;
  /** The station attribute the rule names (e.g. `warning_level`), when it names one. */
  attribute: string | null;
  ruleNameZh: string;
  ruleNameEn: string;
  severity: Severity;
  op: '>' | '<';
}

function isSeverity(value: string): value is Severity {
  return (SEVERITY_ORDER as readonly string[]).includes(value);
}

/**
 * The threshold lines of one metric: active `threshold` rules on it, with their value either a
 * number or resolved from the station's attributes (as the alarm engine does). Rules whose attribute
 * is missing or not numeric are left out; lines with the same value and attribute appear once.
 */
export function thresholdLines(
  rules: readonly Pick<SensingRule, 'nameZh' | 'nameEn' | 'severity' | 'params' | 'active'>[],
  attributes: Readonly<Record<string, number | string>>,
  metric: string,
): ThresholdLine[] {
  const lines: ThresholdLine[] = [];
  for (const rule of rules) {
    const p = rule.params;
    if (!rule.active || p.kind !== 'threshold' || p.metric !== metric) continue;
    const raw = p.value;
    if (typeof raw !== 'number' && typeof raw !== 'string') continue;
    const attribute = typeof raw === 'string' ? raw : null;
    const resolved = attribute === null ? raw : attributes[attribute];
    const value = typeof resolved === 'number' ? resolved : Number(resolved);
    if (resolved === undefined || resolved === '' || !Number.isFinite(value)) continue;
    if (lines.some((line) => line.value === value && line.attribute === attribute)) continue;
    lines.push({
      value,
      attribute,
      ruleNameZh: rule.nameZh,
      ruleNameEn: rule.nameEn,
      severity: isSeverity(rule.severity) ? rule.severity : 'indeterminate',
      op: p.op === '<' ? '<' : '>',
    });
  }
  return lines.sort((a, b) => a.value - b.value);
}

/**
 * Stations with the values of one `values` stream event merged in: a value replaces the shown one
 * only when it is not older. Unchanged stations keep their identity (cheap re-renders).
 */
export function mergeStreamValues<T extends Pick<SensingStation, 'id' | 'values'>>(
  stations: readonly T[],
  event: StreamValues,
): T[] {
  return stations.map((station) => {
    const moved = event[station.id];
    if (!moved) return station;
    let values: Record<string, { value: number; ts: string }> | null = null;
    for (const [metric, next] of Object.entries(moved)) {
      const current = station.values[metric];
      if (current && Date.parse(current.ts) > next.ts) continue;
      values ??= { ...station.values };
      values[metric] = { value: next.value, ts: new Date(next.ts).toISOString() };
    }
    return values ? { ...station, values: values as T['values'] } : station;
  });
}

/** Township warnings, most severe first (1 红 … 4 蓝), then those without a warning, by code. */
export function sortWarnings<T extends Pick<SensingWarning, 'level' | 'townshipCode'>>(
  items: readonly T[],
): T[] {
  const rank = (level: number) => (level >= 1 && level <= 4 ? level : 9);
  return [...items].sort(
    (a, b) => rank(a.level) - rank(b.level) || a.townshipCode.localeCompare(b.townshipCode),
  );
}

/** A reading for people: up to `digits` decimals without trailing zeros noise (83 → "83.0"). */
export function formatReading(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const fixed = value.toFixed(digits).replace(/0+$/, '');
  return fixed.endsWith('.') ? `${fixed}0` : fixed;
}

/** The span of a chart range choice, in ms. */
export const RANGE_MS = {
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
} as const;
export type SeriesRange = keyof typeof RANGE_MS;

/** A series point: [ms, avg, min, max]. */
export type SeriesPoint = [ms: number, avg: number, min: number, max: number];

/** The series points that are complete, in time order (the API's tuples arrive as plain arrays). */
export function seriesPoints(raw: readonly (readonly number[])[]): SeriesPoint[] {
  return raw
    .filter((p): p is [number, number, number, number] => p.length === 4 && p.every(Number.isFinite))
    .map(([ms, avg, min, max]): SeriesPoint => [ms, avg, min, max])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * Whether some shown alarm is about to get its case: active, severe enough to open one (orange and
 * up by default) and raised in the last two minutes without a case number yet. The stream does not
 * say when the case is linked, so the alarm list polls faster while this holds.
 */
export function awaitingCase(
  alarms: readonly { status: string; severity: Severity; caseId: string | null; startTs: string }[],
  now: number,
): boolean {
  return alarms.some(
    (a) =>
      a.status === 'active' &&
      !a.caseId &&
      (a.severity === 'critical' || a.severity === 'major') &&
      now - Date.parse(a.startTs) < 120_000,
  );
}

/**
 * The value axis of a metric chart: covers the readings and every threshold line with a little room,
 * on round numbers (75–88, not 75.2–87.284), and never below zero for a metric that never is.
 */
export function axisBounds(values: readonly number[]): { min: number; max: number } {
  if (values.length === 0) return { min: 0, max: 1 };
  const low = Math.min(...values);
  const high = Math.max(...values);
  // A flat (or numerically flat) series still needs an axis with some height.
  const span = high - low > 1e-6 ? high - low : Math.max(Math.abs(high) * 0.1, 1);
  const pad = span * 0.08;
  const step = 10 ** Math.floor(Math.log10(span / 5));
  const clean = (v: number) => Number(v.toFixed(10));
  const min = clean(Math.floor((low - pad) / step) * step);
  const max = clean(Math.ceil((high + pad) / step) * step);
  return { min: low >= 0 && min < 0 ? 0 : min, max };
}
