export { createApiClient, type ApiClient, type CreateApiClientOptions } from './client';
export { createCsrfMiddleware, CSRF_HEADER } from './csrf-middleware';
export {
  ApiProblemError,
  NETWORK_ERROR_CODE,
  problemOf,
  UNKNOWN_ERROR_CODE,
  unwrap,
  type Problem,
} from './problem';
export type * from './types';
export type { paths } from './schema.gen';
