import type { ApiResponse } from '@zhizhi/api-client';

// What the big screen (cockpit-screen) and the staff pages (cockpit-staff) both read, from the typed
// client (apps/server/src/routes/cockpit-schemas.ts).
export type Overview = ApiResponse<'/api/cockpit/overview', 'get'>;
export type IndicatorValue = Overview['indicators'][number];
export type Layout = ApiResponse<'/api/cockpit/layout', 'get'>;
export type Status = IndicatorValue['status'];

export const PERIODS = ['year', 'month', 'all'] as const;
export type Period = (typeof PERIODS)[number];

/** The big screen's panels in their default order (the server's PANELS). */
export const PANEL_IDS = [
  'services',
  'governance',
  'overview',
  'codes',
  'map',
  'targets',
  'feed',
  'warnings',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export function isPanelId(id: string): id is PanelId {
  return (PANEL_IDS as readonly string[]).includes(id);
}

interface StatusLook {
  /** On the dark big screen. */
  screen: string;
  /** On the dark big screen in 关怀模式: brighter, fully saturated. */
  screenElder: string;
  /** On the light staff pages (text, chart bars). */
  light: string;
  /** The antd Tag colour. */
  tag: string;
}

/** How each status is drawn, in one place for both cockpits. */
export const STATUS_LOOK: Readonly<Record<Status, StatusLook>> = {
  on_track: { screen: '#3ddc84', screenElder: '#5cff9d', light: '#389e0d', tag: 'success' },
  behind: { screen: '#ffb020', screenElder: '#ffd400', light: '#d48806', tag: 'warning' },
  below_warning: { screen: '#ff5c5c', screenElder: '#ff7070', light: '#cf1322', tag: 'error' },
  no_data: { screen: '#8b97a8', screenElder: '#d0d8e4', light: '#8c8c8c', tag: 'default' },
};

/** One aspect of STATUS_LOOK as a status → value table. */
export function statusTable(aspect: keyof StatusLook): Readonly<Record<Status, string>> {
  const entries = Object.entries(STATUS_LOOK) as [Status, StatusLook][];
  return Object.fromEntries(entries.map(([status, look]) => [status, look[aspect]])) as Record<
    Status,
    string
  >;
}

/**
 * A figure in its unit, `—` when there is none.
 * - `compact` (the big screen): 86.5% · 1,234 · 2191万 (zh) / 21.9M (en); no trailing `.0`.
 * - `exact` (tables and charts on the staff pages): fixed digits, 96.0% · 1,774 · 12.50.
 */
export function formatFigure(
  value: number | null | undefined,
  unit: string,
  locale: string,
  style: 'compact' | 'exact',
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const suffix = unit === 'percent' ? '%' : '';
  if (style === 'exact') {
    const digits = unit === 'percent' ? 1 : Number.isInteger(value) ? 0 : 2;
    return `${value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })}${suffix}`;
  }
  if (unit === 'percent') return `${value.toFixed(1).replace(/\.0$/, '')}${suffix}`;
  if (Math.abs(value) >= 100_000)
    return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
