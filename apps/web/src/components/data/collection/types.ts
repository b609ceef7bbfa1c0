import type { ApiRequestBody, ApiResponse } from '@zhizhi/api-client';

export type DataLoad = ApiResponse<'/api/data/loads/{id}', 'get'>;
export type DataFindings = ApiResponse<'/api/data/resources/{id}/findings', 'get'>;
export type FindingGroup = DataFindings['groups'][number];
export type DataRulesView = ApiResponse<'/api/data/resources/{id}/rules', 'get'>;
export type DataRulesInput = ApiRequestBody<'/api/data/resources/{id}/rules', 'put'>;
export type QualityScores = ApiResponse<'/api/data/quality/scores', 'get'>;
export type ScoreHistory = ApiResponse<'/api/data/quality/scores/history', 'get'>['items'];

/** The rule formats the server knows (packages/modules/data/src/quality/rules.ts). */
export const RULE_FORMATS = [
  'id_number',
  'uscc',
  'mobile',
  'phone',
  'date',
  'division_code',
  'email',
] as const;

/** `0.9876` → `98.8 %`; `null` → `—`. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`;
}
