import { type ApiResponse, unwrap } from '@zhizhi/api-client';
import { api } from '../../../api/api';
import type { MessageKey } from '../../../i18n/translate';

export type OpenBrowse = ApiResponse<'/api/open/resources', 'get'>;
export type OpenDataset = OpenBrowse['items'][number];
export type OpenDatasetDetail = ApiResponse<'/api/open/resources/{code}', 'get'>;
export type OpenStats = ApiResponse<'/api/open/stats', 'get'>;
export type OpenMe = ApiResponse<'/api/open/developers/me', 'get'>;
export type OpenApplication = OpenMe['applications'][number];
export type OpenKeyAnswer = ApiResponse<'/api/open/developers', 'post'>;
export type ReviewApplication = ApiResponse<'/api/data/open-applications', 'get'>['items'][number];

export interface BrowseFilters {
  q?: string;
  departmentId?: string;
  updateCycle?: string;
  format?: string;
  openingType?: string;
  offset?: number;
}

export const PAGE_SIZE = 10;

export function browse(filters: BrowseFilters): Promise<OpenBrowse> {
  return unwrap(api.GET('/api/open/resources', { params: { query: { ...filters, limit: PAGE_SIZE } } }));
}

export function loadDataset(code: string): Promise<OpenDatasetDetail> {
  return unwrap(api.GET('/api/open/resources/{code}', { params: { path: { code } } }));
}

export function loadStats(month?: string): Promise<OpenStats> {
  return unwrap(api.GET('/api/open/stats', { params: { query: { month } } }));
}

/** Where a dataset downloads (a plain link: the browser streams the file). */
export function downloadUrl(urlCode: string, format: 'csv' | 'json' | 'xlsx'): string {
  return `/api/open/resources/${encodeURIComponent(urlCode)}/download?format=${format}`;
}

// The developer key stays in this tab only (sessionStorage), never in a cookie or on disk.
const KEY = 'zz-open-developer-key';
export const developerKey = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (key: string) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
};

const withKey = (key: string) => ({ header: { 'x-api-key': key } });

export function loadMe(key: string): Promise<OpenMe> {
  return unwrap(api.GET('/api/open/developers/me', { params: withKey(key) }));
}

export function registerDeveloper(body: {
  name: string;
  organisation: string;
  mobile: string;
  email: string;
  uscc?: string | null;
}): Promise<OpenKeyAnswer> {
  return unwrap(api.POST('/api/open/developers', { body }));
}

export function rotateKey(key: string): Promise<OpenKeyAnswer> {
  return unwrap(api.POST('/api/open/developers/me/key', { params: withKey(key) }));
}

export function applyFor(
  key: string,
  body: { resourceCode: string; purpose: string; items: string[]; durationDays: number },
) {
  return unwrap(api.POST('/api/open/applications', { params: withKey(key), body }));
}

export function loadReviewInbox(status?: 'submitted' | 'approved' | 'rejected') {
  return unwrap(api.GET('/api/data/open-applications', { params: { query: { status } } }));
}

export function decide(
  id: string,
  body: { decision: 'approve' | 'reject'; note?: string | null; items?: string[]; expectedVersion: number },
) {
  return unwrap(api.POST('/api/data/open-applications/{id}/decision', { params: { path: { id } }, body }));
}

/** The catalog's update cycles and formats (Chinese values) → our labels. */
export const CYCLE_LABELS: Record<string, MessageKey> = {
  实时: 'open.cycle.realtime',
  每日: 'open.cycle.daily',
  每周: 'open.cycle.weekly',
  每月: 'open.cycle.monthly',
  每季度: 'open.cycle.quarterly',
  每半年: 'open.cycle.halfYearly',
  每年: 'open.cycle.yearly',
  不定期: 'open.cycle.irregular',
};
export const FORMAT_LABELS: Record<string, MessageKey> = {
  电子表格: 'open.format.sheet',
  数据库: 'open.format.database',
  文件: 'open.format.file',
  接口: 'open.format.api',
  图形图像: 'open.format.image',
  流媒体: 'open.format.media',
};
