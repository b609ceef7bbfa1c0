import { type ApiResponse, unwrap } from '@zhizhi/api-client';
import { api } from '../../api/api';
import type { LngLat, MapBoundary } from '../map';

export type EventCategory = ApiResponse<'/api/public/governance/categories', 'get'>['categories'][number];
export type EventTracking = ApiResponse<'/api/public/governance/track', 'post'>;
export type PublicReceipt = ApiResponse<'/api/public/governance/reports', 'post'>;
export type StaffEvent = ApiResponse<'/api/governance/events', 'post'>;
export type StoredFile = ApiResponse<'/api/public/files', 'post'>;
export type Town = ApiResponse<'/api/public/region', 'get'>['towns'][number];
export type Rating =
  | 'very_satisfied'
  | 'satisfied'
  | 'basically_satisfied'
  | 'dissatisfied'
  | 'very_dissatisfied';

/** 好差评, best first (GB/T 39734). */
export const RATINGS: readonly Rating[] = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
];

export interface Region {
  boundary: MapBoundary | undefined;
  towns: Town[];
}

/** What both report forms send; the public one adds the reporter's contact. */
export interface ReportPayload {
  categoryCode: string;
  description: string;
  location: LngLat;
  address?: string;
  photos: string[];
  reporterName?: string;
  reporterPhone?: string;
  divisionCode?: string;
}

/** Photo types the server accepts (it checks the bytes; the browser's type is only a hint). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTO_MAX_COUNT = 9;

function isBoundary(value: unknown): value is MapBoundary {
  const geometry = (value as { geometry?: { type?: unknown } } | null)?.geometry;
  return geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';
}

export async function loadRegion(): Promise<Region> {
  const region = await unwrap(api.GET('/api/public/region'));
  return { boundary: isBoundary(region.boundary) ? region.boundary : undefined, towns: region.towns };
}

export async function loadPublicCategories(): Promise<EventCategory[]> {
  return (await unwrap(api.GET('/api/public/governance/categories'))).categories;
}

/** Staff may report every active category; without governance.case.read, the public ones. */
export async function loadStaffCategories(): Promise<EventCategory[]> {
  try {
    const { items } = await unwrap(api.GET('/api/governance/categories'));
    return items.filter((category) => category.active);
  } catch {
    return loadPublicCategories();
  }
}

/**
 * Uploads one photo as the raw request body. Anything not declared as a photo goes as
 * octet-stream, so the server sniffs it and answers files.type_not_allowed (not a media-type error).
 */
export function uploadPhoto(scope: 'public' | 'staff', file: File): Promise<StoredFile> {
  const options = {
    body: file as never,
    bodySerializer: (body: unknown) => body as never,
    headers: {
      'Content-Type': PHOTO_TYPES.includes(file.type) ? file.type : 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
    },
  };
  return unwrap(
    scope === 'public' ? api.POST('/api/public/files', options) : api.POST('/api/files', options),
  );
}

export function reportPublic(payload: ReportPayload): Promise<PublicReceipt> {
  const { divisionCode: _, ...body } = payload;
  return unwrap(api.POST('/api/public/governance/reports', { body }));
}

export function reportAsStaff(payload: ReportPayload): Promise<StaffEvent> {
  const { reporterName: _name, reporterPhone: _phone, ...body } = payload;
  return unwrap(api.POST('/api/governance/events', { body }));
}

export function track(number: string, password: string): Promise<EventTracking> {
  return unwrap(api.POST('/api/public/governance/track', { body: { number, password } }));
}

export function rate(
  number: string,
  password: string,
  rating: Rating,
  comment: string | undefined,
): Promise<EventTracking> {
  return unwrap(api.POST('/api/public/governance/rate', { body: { number, password, rating, comment } }));
}
