import type { ApiResponse } from '@zhizhi/api-client';
import type { Locale, MessageKey, Translate } from '../../i18n/translate';
import {
  formatFigure,
  type IndicatorValue,
  type Overview,
  type Period,
  type Status,
  statusTable,
} from '../cockpit-shared/model';

export {
  type IndicatorValue,
  isPanelId,
  type Layout,
  type Overview,
  PANEL_IDS,
  PERIODS,
  type PanelId,
  type Period,
  type Status,
} from '../cockpit-shared/model';

export type PromisePanel = Overview['panels'][number];
export type Figure = PromisePanel['figures'][number];
export type CockpitMap = ApiResponse<'/api/cockpit/map', 'get'>;
export type MapPoint = CockpitMap['points'][number];
export type TownFeature = CockpitMap['towns']['features'][number];
export type FeedItem = ApiResponse<'/api/cockpit/feed', 'get'>['items'][number];
export type Warning = ApiResponse<'/api/cockpit/warnings', 'get'>['items'][number];

export type PromiseKey = PromisePanel['key'];

/** Which indicators a promise panel lists: 公共数据 belongs to 一屏通览. */
export function promiseOf(indicator: IndicatorValue): PromiseKey | null {
  const p = indicator.promise;
  if (p === 'data') return 'overview';
  return p === 'services' || p === 'governance' || p === 'overview' || p === 'codes' ? p : null;
}

/** The drill-down page of an indicator at a scope (built by the cockpit pages inside the workbench). */
export function drillHref(code: string, scopeKey: string, period: Period): string {
  const query = new URLSearchParams({ scope: scopeKey, period });
  return `/cockpit/indicators/${encodeURIComponent(code)}?${query.toString()}`;
}

export const STATUS_COLOUR = statusTable('screen');
/** Brighter, fully saturated colours for 关怀模式 on the dark screen. */
export const STATUS_COLOUR_ELDER = statusTable('screenElder');

/** A figure for the screen: 86.5% · 1,234 · 2191万 (zh) / 21.9M (en). */
export function formatValue(value: number | null | undefined, unit: string, locale: Locale): string {
  return formatFigure(value, unit, locale, 'compact');
}

/** The number alone (the unit shown smaller beside it on big figures). */
export function splitValue(
  value: number | null | undefined,
  unit: string,
  locale: Locale,
): { number: string; suffix: string } {
  const text = formatValue(value, unit, locale);
  if (unit === 'percent' && text.endsWith('%')) return { number: text.slice(0, -1), suffix: '%' };
  return { number: text, suffix: '' };
}

const TIME_ZONE = 'Asia/Shanghai';

export function formatClock(date: Date, locale: Locale, seconds = true): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hour12: false,
  }).format(date);
}

export function formatDay(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  }).format(date);
}

/** "3 分钟前" / "3 min ago": how long ago an ISO time was, at minute or second grain. */
export function ago(iso: string, now: number, t: Translate): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return t('cockpitScreen.ago.seconds', { n: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('cockpitScreen.ago.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('cockpitScreen.ago.hours', { n: hours });
  return t('cockpitScreen.ago.days', { n: Math.floor(hours / 24) });
}

/** How fresh an indicator's figure is: 实时 / x 分钟前计算 / 填报于 …. */
export function freshnessText(indicator: IndicatorValue, now: number, t: Translate, locale: Locale): string {
  if (indicator.freshness === 'live') return t('cockpitScreen.fresh.live');
  if (indicator.freshness === 'reported') {
    if (indicator.value === null) return t('cockpitScreen.fresh.notReported');
    const day = new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(indicator.computedAt));
    return t('cockpitScreen.fresh.reported', { date: day });
  }
  const minutes = Math.max(0, Math.floor((now - new Date(indicator.computedAt).getTime()) / 60_000));
  return minutes < 1
    ? t('cockpitScreen.fresh.computedNow')
    : t('cockpitScreen.fresh.computed', { n: minutes });
}

export const STATUS_LABEL: Record<Status, MessageKey> = {
  on_track: 'cockpitScreen.status.on_track',
  behind: 'cockpitScreen.status.behind',
  below_warning: 'cockpitScreen.status.below_warning',
  no_data: 'cockpitScreen.status.no_data',
};

export const PROMISE_LABEL: Record<PromiseKey, MessageKey> = {
  services: 'cockpitScreen.promise.services',
  governance: 'cockpitScreen.promise.governance',
  overview: 'cockpitScreen.promise.overview',
  codes: 'cockpitScreen.promise.codes',
};
