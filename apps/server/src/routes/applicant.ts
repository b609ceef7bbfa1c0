import type { Kernel } from '@zhizhi/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APPLICANT_COOKIE } from '../plugins/authentication';
import { preferencesSchema, uuid } from '../schemas';

const password = z.string().min(1).max(128);

const contactSchema = z
  .object({
    phone: z.string().nullable().describe('Masked mobile number for SMS notices'),
    email: z.string().nullable().describe('Masked email address for email notices'),
  })
  .meta({ id: 'ApplicantContact' });

const applicantSchema = z
  .discriminatedUnion('kind', [
    z.object({
      id: uuid,
      kind: z.literal('citizen'),
      name: z.string().describe('Masked'),
      idNumber: z.string().describe('Masked'),
      preferences: preferencesSchema,
      contact: contactSchema,
    }),
    z.object({
      id: uuid,
      kind: z.literal('enterprise'),
      name: z.string(),
      uscc: z.string().describe('Unified social credit code (public)'),
      preferences: preferencesSchema,
      contact: contactSchema,
    }),
  ])
  .meta({ id: 'Applicant' });

const applicantMeSchema = z
  .discriminatedUnion('kind', [
    applicantSchema.options[0].extend({ csrfToken: z.string() }),
    applicantSchema.options[1].extend({ csrfToken: z.string() }),
  ])
  .meta({ id: 'ApplicantMe' });

// Identifiers travel in bodies, never in URLs: URLs end up in proxy and browser logs.
export function applicantRoutes(
  kernel: Kernel,
  options: { secureCookies: boolean | 'auto'; sessionTtlHours: number },
) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['applicant'];
    const loginLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };
    const security = [{ applicantSession: [] }];

    r.post(
      '/api/applicant/register',
      {
        config: loginLimit,
        schema: {
          tags,
          summary: 'Create a portal account for a citizen (身份证号) or an enterprise (统一社会信用代码)',
          body: z.discriminatedUnion('kind', [
            z.object({
              kind: z.literal('citizen'),
              idNumber: z.string().max(32),
              name: z.string().max(60),
              phone: z.string().max(20).nullable().optional(),
              password,
            }),
            z.object({
              kind: z.literal('enterprise'),
              uscc: z.string().max(32),
              name: z.string().max(200),
              legalRepresentative: z.string().max(60).nullable().optional(),
              password,
            }),
          ]),
          response: { 201: applicantSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await kernel.applicants.register(request.body)),
    );

    r.post(
      '/api/applicant/login',
      {
        config: loginLimit,
        schema: {
          tags,
          summary: 'Log in with an ID number or credit code and password (sets the applicant cookie)',
          body: z.object({ identifier: z.string().min(1).max(32), password }),
          response: { 200: z.object({ me: applicantMeSchema, csrfToken: z.string() }) },
        },
      },
      async (request, reply) => {
        const session = await kernel.applicants.login(request.body.identifier, request.body.password);
        reply.setCookie(APPLICANT_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: options.secureCookies,
          maxAge: options.sessionTtlHours * 3600,
        });
        const actor = (await kernel.applicants.resolveSession(session.token))!.actor;
        return {
          me: { ...(await kernel.applicants.me(actor)), csrfToken: session.csrfToken },
          csrfToken: session.csrfToken,
        };
      },
    );

    r.post(
      '/api/applicant/logout',
      { schema: { tags, summary: 'End the applicant session', security, response: { 204: z.null() } } },
      async (request, reply) => {
        if (request.session?.kind === 'applicant') await kernel.applicants.logout(request.session.token);
        reply.clearCookie(APPLICANT_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    r.get(
      '/api/applicant/me',
      {
        schema: { tags, summary: 'The signed-in applicant', security, response: { 200: applicantMeSchema } },
      },
      async (request) => ({
        ...(await kernel.applicants.me(request.actor)),
        csrfToken: request.session?.csrfToken ?? '',
      }),
    );

    r.put(
      '/api/applicant/preferences',
      {
        schema: {
          tags,
          summary: 'Save the applicant’s UI preferences (language, elder mode)',
          security,
          body: preferencesSchema.strict(),
          response: { 200: preferencesSchema },
        },
      },
      async (request) => kernel.applicants.setPreferences(request.actor, request.body),
    );

    r.put(
      '/api/applicant/contact',
      {
        schema: {
          tags,
          summary: 'Set where notices go: a mobile number (SMS) and an email address; empty removes one',
          security,
          body: z
            .object({
              phone: z.string().max(20).nullable().optional(),
              email: z.string().max(254).nullable().optional(),
            })
            .strict(),
          response: { 200: applicantSchema },
        },
      },
      async (request) => kernel.applicants.setContact(request.actor, request.body),
    );
  };
}
