import type { ApiResponse } from '@zhizhi/api-client';
import { formatFigure, type Period, statusTable } from '../cockpit-shared/model';

export {
  type IndicatorValue,
  type Layout,
  type Overview,
  PANEL_IDS,
  PERIODS,
  type PanelId,
  type Status,
} from '../cockpit-shared/model';

// The answers of the cockpit routes, from the typed client (apps/server/src/routes/cockpit-schemas.ts).
export type Breakdown = ApiResponse<'/api/cockpit/indicators/{code}/breakdown', 'get'>;
export type BreakdownRow = Breakdown['rows'][number];
export type Records = ApiResponse<'/api/cockpit/indicators/{code}/records', 'get'>;
export type TrendPoint = ApiResponse<'/api/cockpit/indicators/{code}/trend', 'get'>['points'][number];
export type ReportedFigure = ApiResponse<'/api/cockpit/indicators/{code}/reported', 'get'>['items'][number];
export type WeeklyReport = ApiResponse<'/api/cockpit/reports', 'get'>['items'][number];
export type PeriodKind = Period;
export type DrillLevel = 'town' | 'village' | 'department';

/** Colours of a status on the light pages, for text and chart bars. */
export const STATUS_COLOR = statusTable('light');
export const STATUS_TAG = statusTable('tag');

/** A figure in its unit: `96.9%`, `1,774`; `—` when there is none. */
export function formatValue(value: number | null | undefined, unit: string, locale: string): string {
  return formatFigure(value, unit, locale, 'exact');
}

/** A scope text as the server reads it: `district`, `town:<code>`, `village:<code>`, `department:<code>`. */
export type ScopeRef = { type: 'district' | DrillLevel; code: string | null };

export function parseScopeKey(key: string): ScopeRef {
  const [type, code] = key.split(':', 2);
  if ((type === 'town' || type === 'village' || type === 'department') && code) return { type, code };
  return { type: 'district', code: null };
}

/** The scopes above a scope, top first, with the scope itself last (奉化区 › 溪口镇 › 岩头村). */
export function scopeTrail(key: string): string[] {
  const scope = parseScopeKey(key);
  if (scope.type === 'district' || !scope.code) return ['district'];
  if (scope.type === 'village') return ['district', `town:${scope.code.slice(0, 9)}000`, key];
  return ['district', key];
}

/** Rows best first (by the indicator's direction), rows without a value last. */
export function sortRows<T extends { value: number | null }>(rows: readonly T[], direction: string): T[] {
  const sign = direction === 'lower_better' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (a.value === null) return b.value === null ? 0 : 1;
    if (b.value === null) return -1;
    return sign * (a.value - b.value);
  });
}
