import { performance } from 'node:perf_hooks';
import { GRADES, PERSONAL_KINDS } from '@zhizhi/data';
import { isKernelError, type Kernel } from '@zhizhi/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { dateTime, uuid } from '../schemas';

const mode = z.enum(['clear', 'light', 'strict', 'redact']);
const filterValue = z.union([z.string().max(200), z.number(), z.boolean()]);

const requestSchema = z
  .object({
    id: uuid,
    number: z.string(),
    kind: z.enum(['new', 'renewal']),
    resourceId: uuid,
    resourceCode: z.string(),
    resourceName: z.string(),
    consumerDepartmentId: uuid,
    providerDepartmentId: uuid,
    items: z.array(z.string()),
    purpose: z.string(),
    legalBasis: z.string(),
    matterCode: z.string(),
    durationDays: z.number().int(),
    status: z.enum(['pending', 'approved', 'rejected']),
    grantId: uuid.nullable(),
    rejectReason: z.string().nullable(),
    requestedBy: uuid.nullable(),
    requestedAt: dateTime,
    decidedBy: uuid.nullable(),
    decidedAt: dateTime.nullable(),
    dueAt: dateTime.nullable().describe('The review clock’s promised deadline while pending'),
    caseState: z.string(),
  })
  .meta({ id: 'DataShareRequest' });

const grantSchema = z
  .object({
    id: uuid,
    requestId: uuid,
    consumerDepartmentId: uuid,
    providerDepartmentId: uuid,
    resourceId: uuid,
    resourceCode: z.string(),
    resourceName: z.string().optional(),
    items: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        type: z.string(),
        mode,
        personalKind: z.enum(PERSONAL_KINDS).nullable(),
      }),
    ),
    rowFilter: z.record(z.string(), filterValue),
    quotaPerDay: z.number().int(),
    ratePerMinute: z.number().int(),
    matterCode: z.string(),
    purpose: z.string(),
    expiresAt: dateTime,
    status: z.enum(['active', 'revoked']),
    effectiveStatus: z.enum(['active', 'revoked', 'expired']),
    hasKey: z.boolean(),
    keyHint: z.string().nullable(),
    keyIssuedAt: dateTime.nullable(),
    approvedBy: uuid.nullable(),
    approvedAt: dateTime,
    revokedBy: uuid.nullable(),
    revokedAt: dateTime.nullable(),
    revokeReason: z.string().nullable(),
  })
  .meta({ id: 'DataShareGrant' });

const totals = { calls: z.number().int(), rows: z.number().int(), denied: z.number().int() };
const idParams = z.object({ id: uuid });

/** The sharing gateway: staff requests, approvals, grants, keys and statistics; the shared data API. */
export function dataSharingRoutes(_kernel: Kernel, modules: Modules) {
  const { requests, grants, gateway, verifyLog } = modules.data.sharing;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['data-sharing'];

    r.post(
      '/api/data/share/requests',
      {
        schema: {
          tags,
          summary: 'Request a resource for the own department (a data_share_request case)',
          body: z.object({
            resourceId: uuid,
            consumerDepartmentId: uuid.optional(),
            items: z.array(z.string().max(64)).max(500),
            purpose: z.string().max(1000),
            legalBasis: z.string().max(1000),
            matterCode: z.string().max(32),
            durationDays: z.number().int(),
          }),
          response: { 201: z.object({ id: uuid, number: z.string() }) },
        },
      },
      async (request, reply) => reply.code(201).send(await requests.request(request.actor, request.body)),
    );

    r.get(
      '/api/data/share/requests',
      {
        schema: {
          tags,
          summary: 'Sharing requests of my departments: mine (as consumer), inbox (to approve), or both',
          querystring: z.object({
            box: z.enum(['mine', 'inbox']).optional(),
            status: z.enum(['pending', 'approved', 'rejected']).optional(),
            limit: z.coerce.number().int().min(1).max(1000).optional(),
          }),
          response: { 200: z.object({ items: z.array(requestSchema) }) },
        },
      },
      async (request) => ({ items: await requests.list(request.actor, request.query) }),
    );

    r.get(
      '/api/data/share/requests/:id',
      {
        schema: {
          tags,
          summary: 'A sharing request with the resource’s items and their masking',
          params: idParams,
          response: {
            200: requestSchema.extend({
              resourceItems: z.array(
                z.object({
                  code: z.string(),
                  name: z.string(),
                  grade: z.enum(GRADES),
                  personalKind: z.enum(PERSONAL_KINDS).nullable(),
                  mode,
                }),
              ),
            }),
          },
        },
      },
      async (request) => requests.get(request.actor, request.params.id),
    );

    r.post(
      '/api/data/share/requests/:id/approve',
      {
        schema: {
          tags,
          summary: 'Approve (possibly fewer items): the approval becomes the grant',
          params: idParams,
          body: z.object({
            items: z.array(z.string().max(64)).max(500).optional(),
            rowFilter: z.record(z.string().max(64), filterValue).optional(),
            quotaPerDay: z.number().int().optional(),
            ratePerMinute: z.number().int().optional(),
            expiresInDays: z.number().int(),
            note: z.string().max(500).optional(),
          }),
          response: { 200: z.object({ grantId: uuid, items: z.array(z.string()) }) },
        },
      },
      async (request) => requests.approve(request.actor, request.params.id, request.body),
    );

    r.post(
      '/api/data/share/requests/:id/reject',
      {
        schema: {
          tags,
          summary: 'Reject with a reason',
          params: idParams,
          body: z.object({ reason: z.string().max(500) }),
          response: { 200: z.object({ id: uuid, status: z.literal('rejected') }) },
        },
      },
      async (request) => requests.reject(request.actor, request.params.id, request.body),
    );

    r.get(
      '/api/data/share/grants',
      {
        schema: {
          tags,
          summary: 'Grants of my departments: as consumer, as provider, or both',
          querystring: z.object({ box: z.enum(['consumer', 'provider']).optional() }),
          response: { 200: z.object({ items: z.array(grantSchema) }) },
        },
      },
      async (request) => ({ items: await grants.list(request.actor, request.query) }),
    );

    r.get(
      '/api/data/share/grants/:id',
      {
        schema: { tags, summary: 'One grant (the policy)', params: idParams, response: { 200: grantSchema } },
      },
      async (request) => grants.get(request.actor, request.params.id),
    );

    r.post(
      '/api/data/share/grants/:id/key',
      {
        schema: {
          tags,
          summary: 'Issue or rotate the consumer key (shown once; the old key stops at once)',
          params: idParams,
          response: { 200: z.object({ key: z.string(), hint: z.string() }) },
        },
      },
      async (request) => grants.issueKey(request.actor, request.params.id),
    );

    r.post(
      '/api/data/share/grants/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke a grant (provider department or administrator)',
          params: idParams,
          body: z.object({ reason: z.string().max(500) }),
          response: { 200: z.object({ id: uuid, status: z.literal('revoked') }) },
        },
      },
      async (request) => grants.revoke(request.actor, request.params.id, request.body),
    );

    r.post(
      '/api/data/share/grants/:id/renewals',
      {
        schema: {
          tags,
          summary: 'Ask the provider to extend a grant (a renewal request case)',
          params: idParams,
          body: z.object({ durationDays: z.number().int(), purpose: z.string().max(1000).optional() }),
          response: { 201: z.object({ id: uuid, number: z.string() }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await requests.requestRenewal(request.actor, request.params.id, request.body)),
    );

    r.get(
      '/api/data/share/stats',
      {
        schema: {
          tags,
          summary: 'Calls and rows by consumer department, by resource and by day',
          querystring: z.object({ from: z.string().max(10).optional(), to: z.string().max(10).optional() }),
          response: {
            200: z.object({
              byDepartment: z.array(z.object({ departmentId: uuid, ...totals })),
              byResource: z.array(z.object({ resourceId: uuid, resourceCode: z.string(), ...totals })),
              byDay: z.array(z.object({ day: z.string(), ...totals })),
            }),
          },
        },
      },
      async (request) => grants.stats(request.actor, request.query),
    );

    r.get(
      '/api/data/share/access-log/verify',
      {
        schema: {
          tags,
          summary: 'Verify the access log’s hash chain (names broken entries)',
          response: {
            200: z.object({
              ok: z.boolean(),
              checked: z.number().int(),
              problems: z.array(
                z.object({ seq: z.number().int(), id: uuid, kind: z.enum(['edited', 'broken_link']) }),
              ),
            }),
          },
        },
      },
      async (request) => verifyLog(request.actor),
    );

    // The shared data API: authenticated by the consumer key, not by a session.
    r.get(
      '/api/share/v1/resources/:code/rows',
      {
        schema: {
          tags: ['share-api'],
          summary: 'Rows of a shared resource under the key’s grant (masked, metered)',
          description:
            'Authorization: Bearer zzs_…; X-Matter-Code (percent-encoded UTF-8, e.g. 许可-00001-001) and ' +
            'X-Accessor required. Query: fields=a,b; filter[item]=value; limit (≤ 1000); offset. ' +
            'The resource code may use - for / (301012001-000001). Answers ' +
            '{ resource, items, rows, limit, offset, nextOffset }.',
          params: z.object({ code: z.string().max(40) }),
          security: [{ apiKey: [] }],
        },
      },
      async (request, reply) => {
        try {
          return await gateway.serve({
            authorization: request.headers.authorization,
            resourceCode: request.params.code.replace(/^(\d{6,9})-(\d{6})$/, '$1/$2'),
            query: request.query as Record<string, unknown>,
            matterCode: headerValue(request.headers['x-matter-code']),
            accessor: headerValue(request.headers['x-accessor']),
            startedAt: performance.now() - reply.elapsedTime,
          });
        } catch (error) {
          const retryAfter = isKernelError(error) ? error.details?.retryAfter : undefined;
          if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
          throw error;
        }
      },
    );
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
