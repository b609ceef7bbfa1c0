import type { ApiRequestBody, ApiResponse } from '@zhizhi/api-client';

export type DataResourcePage = ApiResponse<'/api/data/resources', 'get'>;
export type DataResource = DataResourcePage['items'][number];
export type DataFacets = DataResourcePage['facets'];
export type DataFacet = keyof DataFacets;
export type DataResourceDetail = ApiResponse<'/api/data/resources/{id}', 'get'>;
export type DataItem = DataResourceDetail['items'][number];
export type DataConflict = DataResourceDetail['conflicts'][number];
export type DataResourceInput = ApiRequestBody<'/api/data/resources', 'post'>;
export type DataResourceUpdate = ApiRequestBody<'/api/data/resources/{id}', 'put'>;
export type ResourceStatus = DataResource['status'];

export type SharingType = DataResource['sharingType'];
export type OpeningType = DataResource['openingType'];
export type Grade = DataItem['grade'];
export type PersonalKind = NonNullable<DataItem['personalKind']>;

// The catalog module's vocabularies (packages/modules/data/src/catalog/catalog-service.ts); the
// formats and cycles are national-guideline terms and stay in Chinese in both languages.
export const FORMATS: DataResource['format'][] = ['电子表格', '数据库', '文件', '接口', '图形图像', '流媒体'];
export const UPDATE_CYCLES: DataResource['updateCycle'][] = [
  '实时',
  '每日',
  '每周',
  '每月',
  '每季度',
  '每半年',
  '每年',
  '不定期',
];
export const SHARING_TYPES: SharingType[] = ['unconditional', 'conditional', 'none'];
export const OPENING_TYPES: OpeningType[] = ['open', 'restricted', 'closed'];
export const GRADES: Grade[] = ['L1', 'L2', 'L3', 'L4'];
export const ITEM_TYPES = ['string', 'integer', 'decimal', 'date', 'datetime', 'boolean'] as const;
export const PERSONAL_KINDS: PersonalKind[] = [
  'id_number',
  'name',
  'phone',
  'address',
  'bank_account',
  'other',
];
