import type { Kernel } from '@zhizhi/kernel';
import { InputError } from '@zhizhi/kernel/errors';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { dateTime, uuid } from '../schemas';
import { acceptSheetUploads } from '../plugins/sheet-uploads';

const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

const groupSchema = z.object({
  item: z.string(),
  rule: z.string(),
  code: z.string(),
  count: z.number().int(),
  rows: z.array(z.number().int()).describe('Up to 20 sample row numbers (1-based, header excluded)'),
});

const loadSchema = z
  .object({
    id: uuid,
    resourceId: uuid,
    version: z.number().int(),
    source: z.enum(['upload', 'http', 'postgres']),
    sourceLabel: z.string(),
    mapping: z.record(z.string(), z.string()),
    status: z.enum(['running', 'done', 'failed']),
    rowsRead: z.number().int(),
    rowsTotal: z.number().int().nullable(),
    added: z.number().int(),
    changed: z.number().int(),
    removed: z.number().int(),
    unchanged: z.number().int(),
    passRate: z.number().nullable(),
    report: z.record(z.string(), z.unknown()).nullable(),
    errorCode: z.string().nullable(),
    createdBy: z.string().nullable(),
    startedAt: dateTime,
    finishedAt: dateTime.nullable(),
  })
  .meta({ id: 'DataLoad' });

const partsSchema = {
  score: z.number(),
  completeness: z.number(),
  passRate: z.number(),
  timeliness: z.number(),
  openObjections: z.number().int(),
};

const params = z.object({ id: uuid });
const mappingQuery = z.object({
  mapping: z.string().max(20_000).optional().describe('JSON object: source column → item code'),
});

function parseMapping(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new InputError('data.load.mapping_invalid', 'The mapping is a JSON object of column → item code.');
  }
}

/** Collection and quality: loads, rules, findings, objections, subscriptions, scores. */
export function dataCollectionRoutes(_kernel: Kernel, modules: Modules) {
  const { loads, quality, objections, subscriptions, scores } = modules.data.collection;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['data-collection'];
    // Uploads: the body is the file itself (CSV, XLSX or JSON).
    acceptSheetUploads(app, MAX_UPLOAD_BYTES);

    r.post(
      '/api/data/resources/:id/loads/upload',
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          tags,
          summary: 'Load rows from a CSV/XLSX/JSON file sent as the body (x-file-name: URL-encoded name)',
          params,
          querystring: mappingQuery,
          headers: z.object({ 'x-file-name': z.string().max(600).optional() }),
          response: { 202: loadSchema },
        },
      },
      async (request, reply) => {
        const body = request.body;
        // A JSON body arrives parsed (application/json): load it as a JSON file.
        const bytes = Buffer.isBuffer(body) ? body : body ? Buffer.from(JSON.stringify(body)) : null;
        if (!bytes) throw new InputError('data.load.empty', 'Send the file as the request body.');
        const fileName = decodeURIComponent(request.headers['x-file-name'] ?? 'upload');
        const spec = { kind: 'upload' as const, fileName, bytes };
        const load = await loads.startLoad(
          request.actor,
          request.params.id,
          spec,
          parseMapping(request.query.mapping),
        );
        return reply.code(202).send(load);
      },
    );

    r.post(
      '/api/data/resources/:id/loads/http',
      {
        schema: {
          tags,
          summary:
            'Load rows from a department’s JSON endpoint (array or { rows }); no credentials in the URL',
          params,
          body: z.object({ url: z.string().max(2000), mapping: z.record(z.string(), z.string()).optional() }),
          response: { 202: loadSchema },
        },
      },
      async (request, reply) => {
        const { url, mapping } = request.body;
        return reply
          .code(202)
          .send(await loads.startLoad(request.actor, request.params.id, { kind: 'http', url }, mapping));
      },
    );

    r.post(
      '/api/data/resources/:id/loads/postgres',
      {
        schema: {
          tags,
          summary: 'Load rows from a PostgreSQL table (schema.table); the connection string is never stored',
          params,
          body: z.object({
            connectionString: z.string().max(1000),
            table: z.string().max(130),
            mapping: z.record(z.string(), z.string()).optional(),
          }),
          response: { 202: loadSchema },
        },
      },
      async (request, reply) => {
        const { connectionString, table, mapping } = request.body;
        const spec = { kind: 'postgres' as const, connectionString, table };
        return reply.code(202).send(await loads.startLoad(request.actor, request.params.id, spec, mapping));
      },
    );

    r.get(
      '/api/data/resources/:id/loads',
      {
        schema: {
          tags,
          summary: 'A resource’s loads (versions), newest first',
          params,
          response: { 200: z.object({ items: z.array(loadSchema) }) },
        },
      },
      async (request) => ({ items: await loads.listLoads(request.actor, request.params.id) }),
    );

    r.get(
      '/api/data/loads/:id',
      {
        schema: {
          tags,
          summary: 'One load: progress while running, diff and pass rate when done',
          params,
          response: { 200: loadSchema },
        },
      },
      async (request) => loads.getLoad(request.actor, request.params.id),
    );

    const rulesView = z.object({
      keyItems: z.array(z.string()),
      items: z.array(z.object({ item: z.string(), name: z.string(), rules: z.array(z.unknown()) })),
    });
    r.get(
      '/api/data/resources/:id/rules',
      {
        schema: {
          tags,
          summary: 'Quality rules per item and the key items',
          params,
          response: { 200: rulesView },
        },
      },
      async (request) => quality.getRules(request.actor, request.params.id),
    );

    r.put(
      '/api/data/resources/:id/rules',
      {
        schema: {
          tags,
          summary: 'Set quality rules of items (others keep theirs) and optionally the key items',
          params,
          body: z.object({
            keyItems: z.array(z.string().max(64)).max(5).optional(),
            items: z
              .array(z.object({ item: z.string().max(64), rules: z.array(z.unknown()).max(20) }))
              .max(500),
          }),
          response: { 200: rulesView },
        },
      },
      async (request) => quality.setRules(request.actor, request.params.id, request.body),
    );

    r.get(
      '/api/data/resources/:id/findings',
      {
        schema: {
          tags,
          summary:
            'Findings of the latest load per item and rule (counts, sample rows; never values) and freshness',
          params,
          response: {
            200: z.object({
              loadId: uuid.nullable(),
              version: z.number().int().nullable(),
              passRate: z.number().nullable(),
              groups: z.array(groupSchema),
              freshness: z.object({
                updateCycle: z.string(),
                lastLoadAt: dateTime.nullable(),
                stale: z.boolean(),
              }),
              openCaseId: uuid.nullable(),
            }),
          },
        },
      },
      async (request) => quality.findings(request.actor, request.params.id),
    );

    r.post(
      '/api/data/resources/:id/objections',
      {
        schema: {
          tags,
          summary:
            'File a data objection (数据异议): a case for the provider department; answer it with the case steps',
          params,
          body: z.object({
            itemCode: z.string().max(64).nullish(),
            reason: z.string().max(2000),
            rowKey: z.string().max(200).nullish(),
          }),
          response: { 201: z.object({ caseId: uuid, number: z.string(), state: z.string() }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await objections.fileObjection(request.actor, request.params.id, request.body)),
    );

    r.get(
      '/api/data/resources/:id/objections',
      {
        schema: {
          tags,
          summary: 'A resource’s objections, newest first',
          params,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  caseId: uuid,
                  number: z.string(),
                  state: z.string(),
                  itemCode: z.string().nullable(),
                  openedAt: dateTime,
                  closedAt: dateTime.nullable(),
                  dueAt: dateTime.nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await objections.listObjections(request.actor, request.params.id) }),
    );

    const subscribed = z.object({ subscribed: z.boolean() });
    r.get(
      '/api/data/resources/:id/subscription',
      {
        schema: {
          tags,
          summary: 'Whether the caller follows the resource',
          params,
          response: { 200: subscribed },
        },
      },
      async (request) => subscriptions.isSubscribed(request.actor, request.params.id),
    );
    r.put(
      '/api/data/resources/:id/subscription',
      {
        schema: {
          tags,
          summary: 'Follow a resource: notices of loads, quality cases, objection answers',
          params,
          response: { 200: subscribed },
        },
      },
      async (request) => subscriptions.subscribe(request.actor, request.params.id),
    );
    r.delete(
      '/api/data/resources/:id/subscription',
      { schema: { tags, summary: 'Stop following a resource', params, response: { 200: subscribed } } },
      async (request) => subscriptions.unsubscribe(request.actor, request.params.id),
    );

    r.get(
      '/api/data/quality/scores',
      {
        schema: {
          tags,
          summary: 'Quality scores (0–100) of every department and resource now, best first',
          response: {
            200: z.object({
              departments: z.array(
                z.object({
                  departmentId: uuid,
                  name: z.string(),
                  nameEn: z.string(),
                  resources: z.number().int(),
                  ...partsSchema,
                }),
              ),
              resources: z.array(
                z.object({
                  resourceId: uuid,
                  code: z.string(),
                  name: z.string(),
                  departmentId: uuid,
                  lastLoadAt: dateTime.nullable(),
                  stale: z.boolean(),
                  ...partsSchema,
                }),
              ),
            }),
          },
        },
      },
      async (request) => scores.current(request.actor),
    );

    r.get(
      '/api/data/quality/scores/history',
      {
        schema: {
          tags,
          summary: 'Daily score snapshots of one resource or department',
          querystring: z.object({
            subjectType: z.enum(['resource', 'department']),
            subjectId: uuid,
            days: z.coerce.number().int().min(1).max(730).optional(),
          }),
          response: { 200: z.object({ items: z.array(z.object({ day: z.string(), ...partsSchema })) }) },
        },
      },
      async (request) => ({ items: await scores.history(request.actor, request.query) }),
    );
  };
}
