import type { ApiResponse } from '@zhizhi/api-client';

export type ShareRequest = ApiResponse<'/api/data/share/requests', 'get'>['items'][number];
export type ShareRequestDetail = ApiResponse<'/api/data/share/requests/{id}', 'get'>;
export type ShareGrant = ApiResponse<'/api/data/share/grants/{id}', 'get'>;
export type ShareStats = ApiResponse<'/api/data/share/stats', 'get'>;
export type MaskMode = ShareGrant['items'][number]['mode'];

/** The API path of the shared data API for a resource code (`/` written as `-`). */
export function shareApiPath(resourceCode: string): string {
  return `/api/share/v1/resources/${resourceCode.replace('/', '-')}/rows`;
}
