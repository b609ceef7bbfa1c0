import { type Actor, anonymousActor, type Kernel } from '@zhizhi/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problem, sendProblem } from './problem';

export const SESSION_COOKIE = 'zz_session';
/** The service portal's applicant session (citizens and enterprises). */
export const APPLICANT_COOKIE = 'zz_applicant';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** Set when the request is authenticated by a session cookie (staff or applicant). */
    session: { token: string; csrfToken: string; kind: 'staff' | 'applicant' } | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the actor from an `Authorization: Bearer zz_…` API key, else the staff session cookie,
 * else the applicant session cookie. Cookie-authenticated writes must echo the session's CSRF
 * token in `x-csrf-token`.
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
    const resolved = await cookieSession(kernel, request);
    if (!resolved) return; // none or expired: anonymous; routes that need a login answer 401
    request.actor = resolved.actor;
    request.session = resolved.session;
    if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== resolved.session.csrfToken) {
      return sendProblem(
        reply,
        problem(403, 'http.csrf_failed', 'Missing or wrong x-csrf-token header for this session.'),
      );
    }
  });
}

/** The staff session when its cookie resolves, otherwise the applicant session. */
async function cookieSession(kernel: Kernel, request: FastifyRequest) {
  const staffToken = request.cookies[SESSION_COOKIE];
  const staff = staffToken ? await kernel.auth.resolveSession(staffToken) : null;
  if (staffToken && staff)
    return {
      actor: staff.actor,
      session: { token: staffToken, csrfToken: staff.csrfToken, kind: 'staff' as const },
    };
  const applicantToken = request.cookies[APPLICANT_COOKIE];
  const applicant = applicantToken ? await kernel.applicants.resolveSession(applicantToken) : null;
  if (applicantToken && applicant)
    return {
      actor: applicant.actor,
      session: { token: applicantToken, csrfToken: applicant.csrfToken, kind: 'applicant' as const },
    };
  return null;
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice(7).trim() || null;
}
