import { createApiClient } from '@zhizhi/api-client';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the session's CSRF token (from login or GET /api/me) for every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated call answers 401 (session expired or revoked elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

// Paths where 401 means "wrong credentials", not "session gone".
const CREDENTIAL_PATHS = ['/api/auth/login', '/api/me/password'];

export const api = createApiClient({ baseUrl: '', getCsrfToken: () => csrfToken });

let language = 'zh-CN';
/** The UI language, sent as Accept-Language so field errors come back in it. */
export function setApiLanguage(locale: string): void {
  language = locale;
}

api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', language);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status !== 401 || !onUnauthorized) return undefined;
    const path = new URL(request.url, window.location.origin).pathname;
    if (!CREDENTIAL_PATHS.includes(path)) onUnauthorized();
    return undefined;
  },
});
