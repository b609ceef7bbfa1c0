import { developerView, FORMATS, MAX_PAGE, UPDATE_CYCLES } from '@zhizhi/data';
import type { Kernel } from '@zhizhi/kernel';
import { tokenDigest } from '@zhizhi/kernel/identity';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { dateTime, uuid } from '../schemas';

const department = z.object({ id: uuid, name: z.string(), nameEn: z.string() });
const code = z.string().max(32).describe('Resource code, URL form: `201003-000001`');
const figures = {
  rowCount: z.number().int(),
  lastUpdatedAt: dateTime,
  downloads: z.number().int(),
  apiCalls: z.number().int(),
};

const summarySchema = z
  .object({
    code: z.string(),
    urlCode: z.string(),
    name: z.string(),
    abstract: z.string(),
    department,
    format: z.enum(FORMATS),
    updateCycle: z.enum(UPDATE_CYCLES),
    openingType: z.enum(['open', 'restricted']),
    publishDate: z.string().nullable(),
    ...figures,
  })
  .meta({ id: 'OpenDataset' });

const detailSchema = summarySchema
  .extend({
    items: z.array(z.object({ code: z.string(), name: z.string(), type: z.string(), masked: z.boolean() })),
  })
  .meta({ id: 'OpenDatasetDetail' });

const developerSchema = z
  .object({
    id: uuid,
    name: z.string(),
    organisation: z.string(),
    uscc: z.string().nullable(),
    mobile: z.string().nullable().describe('Masked'),
    email: z.string().describe('Masked'),
    keyPrefix: z.string(),
    createdAt: dateTime,
    keyRotatedAt: dateTime,
  })
  .meta({ id: 'OpenDeveloper' });

const withKey = z.object({ developer: developerSchema, apiKey: z.string().describe('Shown once') });

const applicationSchema = z
  .object({
    id: uuid,
    resourceCode: z.string(),
    resourceUrlCode: z.string(),
    resourceName: z.string(),
    items: z.array(z.string()),
    itemNames: z.record(z.string(), z.string()).describe('Item code → name'),
    purpose: z.string(),
    durationDays: z.number().int(),
    status: z.enum(['submitted', 'approved', 'rejected']),
    caseId: uuid,
    caseNumber: z.string(),
    caseVersion: z.number().int(),
    dueAt: dateTime.nullable(),
    createdAt: dateTime,
    decidedAt: dateTime.nullable(),
    grantedItems: z.array(z.string()),
    expiresAt: dateTime.nullable(),
  })
  .meta({ id: 'OpenApplication' });

const usageRow = { downloads: z.number().int(), apiCalls: z.number().int() };
const statsSchema = z
  .object({
    month: z.string(),
    totals: z.object({
      openResources: z.number().int(),
      downloads: z.number().int(),
      apiCalls: z.number().int(),
      developers: z.number().int(),
    }),
    byMonth: z.array(z.object({ month: z.string(), ...usageRow })),
    perResource: z.array(
      z.object({
        code: z.string(),
        urlCode: z.string(),
        name: z.string(),
        departmentName: z.string(),
        departmentNameEn: z.string(),
        rows: z.number().int(),
        ...usageRow,
      }),
    ),
    perDepartment: z.array(
      z.object({ name: z.string(), nameEn: z.string(), resources: z.number().int(), ...usageRow }),
    ),
  })
  .meta({ id: 'OpenDataStats' });

/** The developer key travels in `X-API-Key` or as `Authorization: Bearer zzo_…`. */
const keyOf = (request: FastifyRequest) => {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string') return header.trim();
  const bearer = /^Bearer\s+(zzo_\S+)$/i.exec(request.headers.authorization ?? '');
  return bearer?.[1];
};

/** Limits count per key when one is sent, else per address. */
const perKey = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => {
      const key = keyOf(request);
      return key ? `zzo:${tokenDigest(key)}` : request.ip;
    },
  },
});

/** The open-data portal: public browsing, downloads and statistics; developers' keys and rows API. */
export function dataOpenRoutes(_kernel: Kernel, modules: Modules) {
  const open = modules.data.openData;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['open-data'];
    const keyHeader = z.object({ 'x-api-key': z.string().max(200).optional() });

    r.get(
      '/api/open/resources',
      {
        schema: {
          tags,
          summary: 'Open and restricted-open datasets: Chinese search, facets, paging (public)',
          querystring: z.object({
            q: z.string().max(100).optional(),
            departmentId: uuid.optional(),
            updateCycle: z.string().max(16).optional(),
            format: z.string().max(16).optional(),
            openingType: z.string().max(16).optional(),
            limit: z.coerce.number().int().min(1).max(100).optional(),
            offset: z.coerce.number().int().min(0).max(100_000).optional(),
          }),
          response: {
            200: z.object({
              total: z.number().int(),
              items: z.array(summarySchema),
              facets: z.object({
                departments: z.array(department.extend({ count: z.number().int() })),
                updateCycles: z.array(z.object({ value: z.string(), count: z.number().int() })),
                formats: z.array(z.object({ value: z.string(), count: z.number().int() })),
              }),
            }),
          },
        },
      },
      async (request) => open.browse(request.query as never),
    );

    r.get(
      '/api/open/resources/:code',
      {
        schema: {
          tags,
          summary: 'One dataset: fields, items (name and type), update cycle, figures (public)',
          params: z.object({ code }),
          response: { 200: detailSchema },
        },
      },
      async (request) => open.detail(request.params.code),
    );

    r.get(
      '/api/open/resources/:code/download',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Download an open dataset as CSV (UTF-8 with BOM), JSON or XLSX, streamed (public)',
          params: z.object({ code }),
          querystring: z.object({ format: z.string().max(8) }),
        },
      },
      async (request, reply) => {
        const file = await open.download(request.params.code, request.query.format);
        const disposition = `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.displayName)}`;
        return reply.type(file.contentType).header('content-disposition', disposition).send(file.stream);
      },
    );

    r.get(
      '/api/open/stats',
      {
        schema: {
          tags,
          summary: 'Published usage: totals, by month, per dataset and department (public)',
          querystring: z.object({ month: z.string().max(7).optional() }),
          response: { 200: statsSchema },
        },
      },
      async (request) => open.stats(request.query),
    );

    r.post(
      '/api/open/developers',
      {
        config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Register as a developer; answers the API key (zzo_…), shown once (public)',
          body: z.object({
            name: z.string().max(40),
            organisation: z.string().max(100),
            mobile: z.string().max(20),
            email: z.string().max(120),
            uscc: z.string().max(18).nullish(),
          }),
          response: { 201: withKey },
        },
      },
      async (request, reply) => reply.code(201).send(await open.register(request.body)),
    );

    r.get(
      '/api/open/developers/me',
      {
        config: perKey(120),
        schema: {
          tags,
          summary: 'The developer holding the X-API-Key, with their applications',
          headers: keyHeader,
          response: {
            200: z.object({ developer: developerSchema, applications: z.array(applicationSchema) }),
          },
        },
      },
      async (request) => {
        const developer = await open.authenticate(keyOf(request));
        return { developer: developerView(developer), applications: await open.myApplications(developer) };
      },
    );

    r.post(
      '/api/open/developers/me/key',
      {
        config: perKey(5),
        schema: {
          tags,
          summary: 'Rotate the developer key: the old one stops at once; the new one is shown once',
          headers: keyHeader,
          response: { 200: withKey },
        },
      },
      async (request) => open.rotateKey(await open.authenticate(keyOf(request))),
    );

    r.post(
      '/api/open/applications',
      {
        config: perKey(10),
        schema: {
          tags,
          summary:
            'Apply for a restricted-open dataset (purpose, items, duration); a case opens for the provider',
          headers: keyHeader,
          body: z.object({
            resourceCode: z.string().max(32),
            purpose: z.string().max(1000),
            items: z.array(z.string().max(64)).max(500),
            durationDays: z.number().int(),
          }),
          response: {
            201: z.object({ id: uuid, caseNumber: z.string(), status: z.literal('submitted') }),
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await open.apply(await open.authenticate(keyOf(request)), request.body)),
    );

    r.get(
      '/api/open/v1/resources/:code/rows',
      {
        config: perKey(600),
        schema: {
          tags,
          summary: `Rows of a dataset (X-API-Key): fields=a,b; item=value equality filters; limit ≤ ${MAX_PAGE}, offset`,
          headers: keyHeader,
          params: z.object({ code }),
          querystring: z
            .object({
              fields: z.string().max(2000).optional().describe('Item codes, comma-separated'),
              limit: z.string().max(7).optional().describe(`1–${MAX_PAGE}, default 100`),
              offset: z.string().max(8).optional(),
            })
            .catchall(z.string().max(2000))
            .describe('Any other parameter: item code = value (equality)'),
          response: {
            200: z.object({
              code: z.string(),
              name: z.string(),
              fields: z.array(
                z.object({ code: z.string(), name: z.string(), type: z.string(), masked: z.boolean() }),
              ),
              total: z.number().int(),
              limit: z.number().int(),
              offset: z.number().int(),
              rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
            }),
          },
        },
      },
      async (request) =>
        open.rows(await open.authenticate(keyOf(request)), request.params.code, request.query),
    );

    r.get(
      '/api/data/open-applications',
      {
        schema: {
          tags,
          summary: 'Open-data applications to the caller’s departments (staff with data.open.review)',
          querystring: z.object({ status: z.enum(['submitted', 'approved', 'rejected']).optional() }),
          response: {
            200: z.object({
              items: z.array(
                applicationSchema.extend({
                  organisation: z.string(),
                  applicant: z.string(),
                  uscc: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await open.applicationsForReview(request.actor, request.query) }),
    );

    r.post(
      '/api/data/open-applications/:id/decision',
      {
        schema: {
          tags,
          summary: 'Approve (possibly fewer items) or reject (with a reason) an open-data application',
          params: z.object({ id: uuid }),
          body: z.object({
            decision: z.string().max(16),
            note: z.string().max(1000).nullish(),
            items: z.array(z.string().max(64)).max(500).optional(),
            expectedVersion: z.number().int(),
          }),
          response: { 200: applicationSchema },
        },
      },
      async (request) => open.decide(request.actor, request.params.id, request.body),
    );
  };
}
