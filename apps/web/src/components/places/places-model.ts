import type { MessageKey } from '../../i18n/translate';
import type { AddressLabel, ExplanationOutcome, ImportRecord, PlaceLevel } from './types';

/** i18n key of a CCKS address label (prov → 省, poi → 兴趣点 …). */
export function labelKey(label: AddressLabel): MessageKey {
  return `places.label.${label}`;
}

export function levelKey(level: PlaceLevel | string): MessageKey | null {
  const key = `places.level.${level}`;
  return LEVELS.has(level) ? (key as MessageKey) : null;
}

const LEVELS = new Set<string>([
  'road',
  'estate',
  'natural_village',
  'village_group',
  'poi',
  'doorplate',
  'building',
  'unit',
  'floor',
  'room',
]);

export function outcomeKey(outcome: ExplanationOutcome): MessageKey {
  return `places.outcome.${outcome}`;
}

/** Tag colours of explanation outcomes: green when the library agrees, red when it contradicts. */
export const OUTCOME_COLOUR: Record<ExplanationOutcome, string> = {
  agree: 'success',
  alias: 'cyan',
  similar: 'warning',
  conflict: 'error',
  not_in_library: 'default',
  replaced: 'purple',
};

/** Label tag colours by group: divisions, roads, places, inside a building, the rest. */
export function labelColour(label: AddressLabel): string {
  if (['prov', 'city', 'district', 'devzone', 'town', 'community', 'village_group'].includes(label))
    return 'blue';
  if (['road', 'subroad', 'roadno', 'subroadno', 'intersection'].includes(label)) return 'geekblue';
  if (label === 'poi' || label === 'subpoi') return 'green';
  if (['houseno', 'cellno', 'floorno', 'roomno'].includes(label)) return 'orange';
  return 'default';
}

/** 0.891 → "89%"; confidences are shown as percentages, rounded down so 0.899 never reads 90%. */
export function percent(confidence: number | null | undefined): string {
  if (confidence === null || confidence === undefined) return '—';
  return `${Math.floor(confidence * 100)}%`;
}

/** Distances: metres below a kilometre, else kilometres with one decimal. */
export function formatDistance(meters: number, locale: 'zh-CN' | 'en-US'): string {
  if (meters < 1000) return locale === 'zh-CN' ? `${Math.round(meters)} 米` : `${Math.round(meters)} m`;
  const km = (meters / 1000).toFixed(1);
  return locale === 'zh-CN' ? `${km} 公里` : `${km} km`;
}

/** A server-made SVG as an <img> source: an image cannot run scripts, unlike inlined markup. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The short part of a standard address below its township, for compact lists. */
export function shortAddress(key: string, townName: string | null): string {
  if (!townName) return key;
  const at = key.indexOf(townName);
  return at >= 0 ? key.slice(at) : key;
}

export const RECORD_OUTCOMES = ['matched', 'review', 'accepted', 'rejected', 'failed'] as const;
export type RecordOutcome = (typeof RECORD_OUTCOMES)[number];

export const RECORD_COLOUR: Record<RecordOutcome, string> = {
  matched: 'success',
  review: 'warning',
  accepted: 'cyan',
  rejected: 'default',
  failed: 'error',
};

export function recordOutcome(record: ImportRecord): RecordOutcome | null {
  return (RECORD_OUTCOMES as readonly string[]).includes(record.outcome)
    ? (record.outcome as RecordOutcome)
    : null;
}

/** Levels whose plates a sheet is made for: the anchors a printer walks along. */
export const SHEET_PARENT_LEVELS: readonly string[] = [
  'road',
  'estate',
  'natural_village',
  'village_group',
  'poi',
];
