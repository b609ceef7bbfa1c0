import type { paths } from './schema.gen';

type JsonContent<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type SuccessOf<Responses> = Responses[keyof Responses & (200 | 201)];

/** The JSON body of a successful response for a path and method. */
export type ApiResponse<
  Path extends keyof paths,
  Method extends keyof paths[Path],
> = paths[Path][Method] extends {
  responses: infer Responses;
}
  ? JsonContent<SuccessOf<Responses>>
  : never;

/** The JSON request body for a path and method. */
export type ApiRequestBody<
  Path extends keyof paths,
  Method extends keyof paths[Path],
> = paths[Path][Method] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type Me = ApiResponse<'/api/me', 'get'>;
export type SystemInfo = ApiResponse<'/api/system/info', 'get'>;
export type Preferences = ApiResponse<'/api/me/preferences', 'patch'>;
export type Division = ApiResponse<'/api/org/divisions', 'get'>['items'][number];
export type DivisionDetail = ApiResponse<'/api/org/divisions/{code}', 'get'>;
export type Department = ApiResponse<'/api/org/departments', 'get'>['items'][number];
export type Grid = ApiResponse<'/api/org/grids', 'get'>['items'][number];
export type Staff = ApiResponse<'/api/admin/staff', 'get'>['items'][number];
export type RoleGrant = ApiRequestBody<'/api/admin/staff/{id}/roles', 'put'>['roles'][number];
export type Role = ApiResponse<'/api/admin/roles', 'get'>['items'][number];
export type Permission = ApiResponse<'/api/admin/permissions', 'get'>['items'][number];
export type AuditEntry = ApiResponse<'/api/audit/entries', 'get'>['items'][number];
export type AuditVerification = ApiResponse<'/api/audit/verify', 'get'>;
export type CalendarDay = ApiResponse<'/api/calendar/days', 'get'>['items'][number];
export type Job = ApiResponse<'/api/admin/jobs', 'get'>['items'][number];
export type Schedule = ApiResponse<'/api/admin/schedules', 'get'>['items'][number];
