import type { ApiResponse } from '@zhizhi/api-client';

/** A case as lists return it. */
export type CaseItem = ApiResponse<'/api/cases', 'get'>['items'][number];
/** A case with timeline, related cases, available steps, clocks and names; `channel` for events. */
export type CaseDetail = ApiResponse<'/api/governance/events/{id}', 'get'>;
export type CaseType = CaseDetail['type'];
export type CaseStep = CaseDetail['available'][number];
export type CaseClock = CaseDetail['clocks'][number];
export type CaseHistoryEntry = CaseDetail['history'][number];
export type RelatedCase = CaseDetail['related'][number];
export type EventCategory = ApiResponse<'/api/governance/categories', 'get'>['items'][number];
export type GovernancePlatform = ApiResponse<'/api/governance/platforms', 'get'>['items'][number];
export type Indicator = ApiResponse<'/api/governance/stats', 'get'>['items'][number];
export type MapEvent = ApiResponse<'/api/governance/map', 'get'>['items'][number];
export type HotlineImport = ApiResponse<'/api/governance/hotline/imports/{id}', 'get'>;
export type DispatchCatalogue = ApiResponse<'/api/governance/catalogue', 'get'>;
export type DispatchRule = DispatchCatalogue['rules'][number];
export type LocalizedName = { zh: string; en: string };

export const EVENT_TYPE = 'governance_event';

/** Where a case's page is. */
export const casePath = (id: string) => `/cases/${id}`;

/** A stored file's URL (staff session cookie; the browser caches it). */
export const fileUrl = (id: string) => `/api/files/${id}`;

/** The ids of an attachments field, whatever the stored value looks like. */
export function fileIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/** A location field's value, or null. */
export function locationOf(value: unknown): { lng: number; lat: number } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { lng, lat } = value as { lng?: unknown; lat?: unknown };
  return typeof lng === 'number' && typeof lat === 'number' ? { lng, lat } : null;
}

/** A text field's value, or ''. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
