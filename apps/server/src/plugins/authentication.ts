import { type Actor, anonymousActor, type Kernel } from '@zhizhi/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problem, sendProblem } from './problem';

export const SESSION_COOKIE = 'zz_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** Set when the request is authenticated by a session cookie. */
    session: { token: string; csrfToken: string } | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the actor from the session cookie or an `Authorization: Bearer zz_…` API key.
 * Cookie-authenticated writes must echo the session's CSRF token in `x-csrf-token`.
 */
export function registerAuthentication(app: FastifyInstance, kernel: Kernel) {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    request.actor = anonymousActor;
    if (!request.url.startsWith('/api/')) return;
    const bearer = bearerToken(request);
    // `zzs_…` consumer keys (sharing gateway) and `zzo_…` developer keys (open-data portal) are
    // checked by their own routes.
    if (bearer && !bearer.startsWith('zzs_') && !bearer.startsWith('zzo_')) {
      const actor = await kernel.auth.resolveApiKey(bearer);
      if (!actor)
        return sendProblem(
          reply,
          problem(401, 'identity.api_key.invalid', 'The API key is unknown, revoked or expired.'),
        );
      request.actor = actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await kernel.auth.resolveSession(token);
    if (!session) return; // expired: treated as anonymous; routes that need a login answer 401
    request.actor = session.actor;
    request.session = { token, csrfToken: session.csrfToken };
    if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      return sendProblem(
        reply,
        problem(403, 'http.csrf_failed', 'Missing or wrong x-csrf-token header for this session.'),
      );
    }
  });
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice(7).trim() || null;
}
