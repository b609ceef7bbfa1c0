import type { Middleware } from 'openapi-fetch';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** Header the server checks against the session's double-submit token. */
export const CSRF_HEADER = 'x-csrf-token';

/** Adds the CSRF header to every unsafe request (POST, PUT, PATCH, DELETE) when a token is known. */
export function createCsrfMiddleware(getCsrfToken: () => string | null | undefined): Middleware {
  return {
    onRequest({ request }) {
      if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
      const token = getCsrfToken();
      if (token) request.headers.set(CSRF_HEADER, token);
      return request;
    },
  };
}
