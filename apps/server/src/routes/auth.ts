import type { Kernel } from '@zhizhi/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../plugins/authentication';
import { meSchema, preferencesSchema } from '../schemas';

export function authRoutes(
  kernel: Kernel,
  options: { secureCookies: boolean | 'auto'; sessionTtlHours: number },
) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const loginLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

    r.post(
      '/api/auth/login',
      {
        config: loginLimit,
        schema: {
          tags: ['auth'],
          summary: 'Log in with username and password (sets the session cookie)',
          body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(128) }),
          response: { 200: z.object({ me: meSchema, csrfToken: z.string() }) },
        },
      },
      async (request, reply) => {
        const session = await kernel.auth.login(request.body.username, request.body.password);
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: options.secureCookies,
          maxAge: options.sessionTtlHours * 3600,
        });
        const actor = (await kernel.auth.resolveSession(session.token))!.actor;
        return {
          me: { ...(await kernel.staff.me(actor)), csrfToken: session.csrfToken },
          csrfToken: session.csrfToken,
        };
      },
    );

    r.post(
      '/api/auth/logout',
      { schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } } },
      async (request, reply) => {
        if (request.session) await kernel.auth.logout(request.session.token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    r.get(
      '/api/me',
      { schema: { tags: ['auth'], summary: 'The signed-in staff member', response: { 200: meSchema } } },
      async (request) => ({
        ...(await kernel.staff.me(request.actor)),
        csrfToken: request.session?.csrfToken ?? '',
      }),
    );

    r.patch(
      '/api/me/preferences',
      {
        schema: {
          tags: ['auth'],
          summary: 'Save UI preferences (language, elder mode)',
          body: preferencesSchema.strict(),
          response: { 200: preferencesSchema },
        },
      },
      async (request) => kernel.auth.setPreferences(request.actor, request.body),
    );

    r.post(
      '/api/me/password',
      {
        config: loginLimit,
        schema: {
          tags: ['auth'],
          summary: 'Change own password',
          body: z.object({
            currentPassword: z.string().min(1).max(128),
            newPassword: z.string().min(1).max(128),
          }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await kernel.auth.changePassword(
          request.actor,
          request.body.currentPassword,
          request.body.newPassword,
        );
        return reply.code(204).send(null);
      },
    );

    r.get(
      '/api/me/api-keys',
      {
        schema: {
          tags: ['auth'],
          summary: 'My API keys',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  prefix: z.string(),
                  createdAt: z.date(),
                  lastUsedAt: z.date().nullable(),
                  expiresAt: z.date().nullable(),
                  revokedAt: z.date().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await kernel.auth.listApiKeys(request.actor) }),
    );

    r.post(
      '/api/me/api-keys',
      {
        schema: {
          tags: ['auth'],
          summary: 'Create an API key (the secret is shown once)',
          body: z.object({ name: z.string().min(1).max(100) }),
          response: { 201: z.object({ id: z.string(), prefix: z.string(), secret: z.string() }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await kernel.auth.createApiKey(request.actor, request.body.name)),
    );

    r.delete(
      '/api/me/api-keys/:id',
      {
        schema: {
          tags: ['auth'],
          summary: 'Revoke an API key',
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await kernel.auth.revokeApiKey(request.actor, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
