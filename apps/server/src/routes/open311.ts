import { open311PostSchema, open311QuerySchema } from '@zhizhi/governance';
import { type Kernel, NotFoundError } from '@zhizhi/kernel';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { sendProblem, toProblem } from '../plugins/problem';

const requestSchema = z
  .object({
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    status_notes: z.string().nullable(),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string(),
    agency_responsible: z.string().nullable(),
    service_notice: z.string().nullable(),
    requested_datetime: z.string().nullable(),
    updated_datetime: z.string().nullable(),
    expected_datetime: z.string().nullable(),
    address: z.string().nullable(),
    address_id: z.string().nullable(),
    zipcode: z.string().nullable(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
    media_url: z.string().nullable(),
  })
  .meta({ id: 'Open311Request' });

const serviceSchema = z
  .object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.string(),
    keywords: z.string(),
    group: z.string(),
  })
  .meta({ id: 'Open311Service' });

/** The spec's language: `?locale=en` or Accept-Language; Chinese first. */
function lang(request: FastifyRequest): 'zh' | 'en' {
  const locale = (request.query as { locale?: string } | undefined)?.locale;
  if (locale) return locale.toLowerCase().startsWith('en') ? 'en' : 'zh';
  const header = request.headers['accept-language'] ?? '';
  return /^en/i.test(header) ? 'en' : 'zh';
}

function jsonFile(file: string, what: string): string {
  if (!file.endsWith('.json'))
    throw new NotFoundError('open311.format.unsupported', `Only .json is served: ${what}.json.`);
  return decodeURIComponent(file.slice(0, -'.json'.length));
}

/**
 * Open311 GeoReport v2 at /open311/v2/ with the spec's paths and field names. Errors: the spec's
 * `[{code, description}]` for clients asking for JSON, problem+json (with our stable code) otherwise.
 */
export function open311Routes(_kernel: Kernel, modules: Modules) {
  const o = modules.governance.open311;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['open311'];
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const p = toProblem(error, request);
      const accept = request.headers.accept ?? '';
      if (p.status < 500 && /application\/json/.test(accept) && !/problem\+json/.test(accept))
        return reply.code(p.status).send([{ code: p.status, description: `${p.code}: ${p.detail}` }]);
      return sendProblem(reply, p);
    });
    const jurisdiction = z.object({
      jurisdiction_id: z.string().max(100).optional(),
      locale: z.string().max(10).optional(),
    });

    r.get('/open311/v2/discovery.json', { schema: { tags, summary: 'Open311 discovery' } }, async () =>
      o.discovery(),
    );

    r.get(
      '/open311/v2/services.json',
      {
        schema: {
          tags,
          summary: 'Service list: the public event categories',
          querystring: jurisdiction,
          response: { 200: z.array(serviceSchema) },
        },
      },
      async (request) => o.services(lang(request), request.query.jurisdiction_id),
    );

    r.get(
      '/open311/v2/services/:file',
      {
        schema: {
          tags,
          summary: 'Service definition: services/{service_code}.json',
          params: z.object({ file: z.string().max(120) }),
          querystring: jurisdiction,
        },
      },
      async (request) =>
        o.serviceDefinition(
          jsonFile(request.params.file, 'services/{code}'),
          lang(request),
          request.query.jurisdiction_id,
        ),
    );

    r.get(
      '/open311/v2/requests.json',
      {
        schema: {
          tags,
          summary: 'Service requests with the spec’s filters (default: last 90 days, ≤ 1000)',
          querystring: open311QuerySchema.extend({ locale: z.string().max(10).optional() }),
          response: { 200: z.array(requestSchema) },
        },
      },
      async (request) => o.listRequests(request.query, lang(request)),
    );

    r.post(
      '/open311/v2/requests.json',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Create a service request (form-encoded or JSON); answers its id and a token',
          body: open311PostSchema,
          response: {
            201: z.array(
              z.object({
                service_request_id: z.string(),
                token: z.string(),
                service_notice: z.string(),
                account_id: z.string().nullable(),
              }),
            ),
          },
        },
      },
      async (request, reply) => reply.code(201).send(await o.createRequest(request.body)),
    );

    r.get(
      '/open311/v2/requests/:file',
      {
        schema: {
          tags,
          summary: 'One service request: requests/{service_request_id}.json',
          params: z.object({ file: z.string().max(60) }),
          querystring: jurisdiction,
          response: { 200: z.array(requestSchema) },
        },
      },
      async (request) =>
        o.getRequest(
          jsonFile(request.params.file, 'requests/{id}'),
          lang(request),
          request.query.jurisdiction_id,
        ),
    );

    r.get(
      '/open311/v2/tokens/:file',
      {
        schema: {
          tags,
          summary: 'The request id behind a token: tokens/{token}.json',
          params: z.object({ file: z.string().max(80) }),
          querystring: jurisdiction,
          response: { 200: z.array(z.object({ service_request_id: z.string(), token: z.string() })) },
        },
      },
      async (request) =>
        o.token(jsonFile(request.params.file, 'tokens/{token}'), request.query.jurisdiction_id),
    );
  };
}
