import { GOVERNANCE_PERMISSIONS as P } from '@zhizhi/governance';
import { InputError, type Kernel, requirePermission } from '@zhizhi/kernel';
import { dispatchRuleSchema } from '@zhizhi/kernel/cases';
import { identityStaff } from '@zhizhi/kernel/identity';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { dateTime, uuid } from '../schemas';
import { caseDetail, caseDetailSchema, caseSchema } from './cases';
import { acceptSheetUploads } from '../plugins/sheet-uploads';

const location = z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) });

export const platformSchema = z
  .object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), sort: z.number().int() })
  .meta({ id: 'GovernancePlatform' });
export const categorySchema = z
  .object({
    code: z.string(),
    parentCode: z.string().nullable(),
    nameZh: z.string(),
    nameEn: z.string(),
    platform: z.string(),
    limitDays: z.number().int(),
    public: z.boolean(),
    active: z.boolean(),
    sort: z.number().int(),
    leaf: z.boolean(),
  })
  .meta({ id: 'EventCategory' });

const channelSchema = z
  .object({
    channel: z.string(),
    channelName: z.object({ zh: z.string(), en: z.string() }).nullable(),
    reporterName: z.string().nullable().describe('Masked unless the caller may dispatch'),
    reporterPhone: z.string().nullable().describe('Masked unless the caller may dispatch'),
    externalId: z.string().nullable(),
    masked: z.boolean(),
  })
  .meta({ id: 'EventChannel' });

const indicatorSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  target: z.number().nullable(),
  direction: z.string(),
  scopes: z.array(
    z.object({
      scopeType: z.enum(['division', 'department']),
      scopeCode: z.string(),
      numerator: z.number(),
      denominator: z.number(),
      value: z.number().nullable(),
    }),
  ),
});

const importSchema = z
  .object({
    id: uuid,
    fileName: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    total: z.number().int(),
    processed: z.number().int(),
    created: z.number().int(),
    failed: z.number().int(),
    errors: z.array(
      z.object({
        row: z.number().int(),
        field: z.string(),
        code: z.string(),
        message: z.string(),
        messageZh: z.string(),
      }),
    ),
    createdAt: dateTime,
    finishedAt: dateTime.nullable(),
  })
  .meta({ id: 'HotlineImport' });

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Grassroots governance: intake, categories, catalogue, map, statistics, 12345 imports. */
export function governanceRoutes(kernel: Kernel, modules: Modules) {
  const g = modules.governance;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['governance'];

    // Raw uploads (CSV/XLSX) for the 12345 import: the body is the file itself.
    acceptSheetUploads(app, MAX_IMPORT_BYTES);

    r.get(
      '/api/governance/platforms',
      {
        schema: {
          tags,
          summary: 'The four platforms (四平台)',
          response: { 200: z.object({ items: z.array(platformSchema) }) },
        },
      },
      async () => ({ items: await g.listPlatforms() }),
    );

    r.put(
      '/api/governance/platforms/:code',
      {
        schema: {
          tags,
          summary: 'Rename a platform',
          params: z.object({ code: z.string().max(16) }),
          body: z.object({ nameZh: z.string().max(20), nameEn: z.string().max(60) }),
          response: { 200: platformSchema },
        },
      },
      async (request) => g.renamePlatform(request.actor, request.params.code, request.body),
    );

    r.get(
      '/api/governance/categories',
      {
        schema: {
          tags,
          summary: 'The event category tree (groups and leaves), every one including inactive',
          response: { 200: z.object({ items: z.array(categorySchema) }) },
        },
      },
      async (request) => {
        requirePermission(request.actor, P.read);
        return { items: await g.listCategories() };
      },
    );

    r.put(
      '/api/governance/categories/:code',
      {
        schema: {
          tags,
          summary: 'Add or change a category (its group must exist)',
          params: z.object({ code: z.string().max(96) }),
          body: z.object({
            nameZh: z.string().max(40),
            nameEn: z.string().max(120),
            platform: z.string().max(16),
            limitDays: z.number().int(),
            public: z.boolean().optional(),
            active: z.boolean().optional(),
            sort: z.number().int().optional(),
          }),
          response: { 200: categorySchema.omit({ leaf: true }) },
        },
      },
      async (request) => g.saveCategory(request.actor, { ...request.body, code: request.params.code }),
    );

    r.get(
      '/api/governance/catalogue',
      {
        schema: {
          tags,
          summary: 'The dispatch catalogue (派单目录) in force: ordered rules, first match wins',
          response: {
            200: z.object({
              version: z.number().int().nullable(),
              rules: z.array(dispatchRuleSchema),
              createdAt: dateTime.nullable(),
            }),
          },
        },
      },
      async (request) => {
        requirePermission(request.actor, P.read);
        const current = await kernel.dispatch.current('governance_event');
        return {
          version: current?.version ?? null,
          rules: current?.rules ?? [],
          createdAt: current?.createdAt ?? null,
        };
      },
    );

    r.put(
      '/api/governance/catalogue',
      {
        schema: {
          tags,
          summary: 'Replace the dispatch catalogue (a new version; audited)',
          body: z.object({ rules: z.array(z.unknown()).max(5000) }),
          response: { 200: z.object({ version: z.number().int(), created: z.boolean() }) },
        },
      },
      async (request) => {
        const result = await kernel.dispatch.setCatalogue(
          request.actor,
          'governance_event',
          request.body.rules,
        );
        return { version: result.version, created: result.created };
      },
    );

    r.post(
      '/api/governance/events',
      {
        schema: {
          tags,
          summary: 'Report an event as staff (grid worker): routed at once by the catalogue',
          body: z.object({
            categoryCode: z.string().max(96),
            description: z.string().max(2000),
            location: location.nullish(),
            address: z.string().max(200).nullish(),
            photos: z.array(uuid).max(9).optional(),
            divisionCode: z.string().max(12).nullish(),
          }),
          response: { 201: caseSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await g.reportAsStaff(request.actor, request.body)),
    );

    r.get(
      '/api/governance/events/:id',
      {
        schema: {
          tags,
          summary: 'An event: the case with its channel (reporter contact masked unless dispatcher)',
          params: z.object({ id: uuid }),
          response: { 200: caseDetailSchema.extend({ channel: channelSchema.nullable() }) },
        },
      },
      async (request) => {
        const detail = await caseDetail(kernel, request.actor, request.params.id);
        return { ...detail, channel: await g.channelOf(request.actor, request.params.id) };
      },
    );

    r.get(
      '/api/governance/map',
      {
        schema: {
          tags,
          summary: 'Events with a location in the caller’s scope (newest 200)',
          querystring: z.object({ open: z.stringbool().optional() }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: uuid,
                  number: z.string(),
                  title: z.string(),
                  state: z.string(),
                  lng: z.number(),
                  lat: z.number(),
                  dueAt: dateTime.nullable(),
                  closedAt: dateTime.nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({ items: await g.mapPoints(request.actor, { open: request.query.open }) }),
    );

    r.get(
      '/api/governance/stats',
      {
        schema: {
          tags,
          summary: 'Live indicators for a period (default: this month), per township and department',
          querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
          response: { 200: z.object({ from: dateTime, to: dateTime, items: z.array(indicatorSchema) }) },
        },
      },
      async (request) => {
        requirePermission(request.actor, P.read);
        const now = new Date(kernel.clock.now().getTime() + 8 * 3_600_000);
        const firstOfMonth = `${now.toISOString().slice(0, 7)}-01`;
        const from = new Date(`${request.query.from ?? firstOfMonth}T00:00:00+08:00`);
        const to = request.query.to
          ? new Date(new Date(`${request.query.to}T00:00:00+08:00`).getTime() + 86_400_000)
          : new Date(kernel.clock.now().getTime() + 1);
        return { from, to, items: await g.liveIndicators(from, to) };
      },
    );

    r.get(
      '/api/governance/staff',
      {
        schema: {
          tags,
          summary: 'Active staff of a department, to assign events to',
          querystring: z.object({ departmentId: uuid }),
          response: { 200: z.object({ items: z.array(z.object({ id: uuid, displayName: z.string() })) }) },
        },
      },
      async (request) => {
        requirePermission(request.actor, P.read);
        const items = await kernel.db
          .select({ id: identityStaff.id, displayName: identityStaff.displayName })
          .from(identityStaff)
          .where(
            and(
              eq(identityStaff.departmentId, request.query.departmentId),
              eq(identityStaff.status, 'active'),
            ),
          )
          .orderBy(asc(identityStaff.displayName));
        return { items };
      },
    );

    r.post(
      '/api/governance/hotline/imports',
      {
        schema: {
          tags,
          summary: 'Import a 12345 export (the body is the CSV or XLSX file; name in x-file-name)',
          headers: z.object({ 'x-file-name': z.string().max(400).optional() }),
          response: { 202: importSchema },
        },
      },
      async (request, reply) => {
        const content = request.body;
        if (!Buffer.isBuffer(content) || content.length === 0)
          throw new InputError('governance.import.empty', 'Send the CSV or XLSX file as the request body.');
        const fileName = decodeURIComponent(request.headers['x-file-name'] ?? 'import.csv');
        return reply.code(202).send(await g.hotline.start(request.actor, { fileName, content }));
      },
    );

    r.get(
      '/api/governance/hotline/imports/:id',
      {
        schema: {
          tags,
          summary: 'Progress and per-row errors of a 12345 import',
          params: z.object({ id: uuid }),
          response: { 200: importSchema },
        },
      },
      async (request) => g.hotline.get(request.actor, request.params.id),
    );
  };
}
