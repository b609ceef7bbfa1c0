import createClient, { type Client } from 'openapi-fetch';
import { createCsrfMiddleware } from './csrf-middleware';
import type { paths } from './schema.gen';

/** Options for `createApiClient`. */
export interface CreateApiClientOptions {
  /** Origin the `/api/...` paths are resolved against; '' in the browser (same origin). */
  baseUrl: string;
  /** Custom fetch, e.g. one that keeps a cookie jar in the CLI. */
  fetch?: (input: Request) => Promise<Response>;
  /** Returns the session's CSRF token; sent as `x-csrf-token` on unsafe methods. */
  getCsrfToken?: () => string | null | undefined;
  /** Extra headers on every request (e.g. `authorization` for an API key). */
  headers?: Record<string, string>;
}

/** The typed client over the Zhizhi HTTP API. */
export type ApiClient = Client<paths, `${string}/${string}`>;

/** Creates a typed client; cookies are sent same-origin and writes carry the CSRF header. */
export function createApiClient(options: CreateApiClientOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    headers: options.headers,
    credentials: 'same-origin',
  });
  if (options.getCsrfToken) client.use(createCsrfMiddleware(options.getCsrfToken));
  return client;
}
