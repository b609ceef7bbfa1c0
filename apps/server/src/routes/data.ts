import { DATA_PERMISSIONS, FORMATS, GRADES, PERSONAL_KINDS, UPDATE_CYCLES } from '@zhizhi/data';
import { can, type Kernel } from '@zhizhi/kernel';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { dateTime, uuid } from '../schemas';

const itemSchema = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  type: z.string(),
  grade: z.enum(GRADES),
  personalKind: z.enum(PERSONAL_KINDS).nullable(),
  authoritative: z.boolean(),
});

const resourceSchema = z
  .object({
    id: uuid,
    code: z.string().describe('信息资源代码: 类/项/目/细目 + / + sequence'),
    classificationCode: z.string(),
    name: z.string(),
    providerDepartmentId: uuid,
    abstract: z.string(),
    format: z.enum(FORMATS),
    updateCycle: z.enum(UPDATE_CYCLES),
    publishDate: z.string().nullable(),
    sharingType: z.enum(['unconditional', 'conditional', 'none']),
    sharingCondition: z.string().nullable(),
    openingType: z.enum(['open', 'restricted', 'closed']),
    relatedCodes: z.array(z.string()),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: 'DataResource' });

const conflictSchema = z.object({
  itemCode: z.string(),
  itemName: z.string(),
  resourceId: uuid,
  resourceCode: z.string(),
  resourceName: z.string(),
  departmentId: uuid,
});

/** CKAN's envelope: `{ help, success, result }`, or `success: false` with an `error` object. */
function ckan(reply: FastifyReply, action: string, result: unknown) {
  const help = `/api/3/action/help_show?name=${action}`;
  if (result === null)
    return reply
      .code(404)
      .send({ help, success: false, error: { __type: 'Not Found Error', message: 'Not found' } });
  return { help, success: true, result };
}

/** The data catalog: registration and reading (staff), DCAT-AP JSON-LD and the CKAN action API (public). */
export function dataRoutes(_kernel: Kernel, modules: Modules) {
  const { catalog, catalogExports } = modules.data;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['data'];
    const staffSees = (actor: Parameters<typeof can>[0]) => can(actor, DATA_PERMISSIONS.read);

    r.get(
      '/api/data/resources',
      {
        schema: {
          tags,
          summary: 'Catalogued data resources (by code; by relevance with q)',
          querystring: z.object({
            providerDepartmentId: uuid.optional(),
            limit: z.coerce.number().int().min(1).max(1000).optional(),
          }),
          response: { 200: z.object({ items: z.array(resourceSchema) }) },
        },
      },
      async (request) => ({ items: await catalog.listResources(request.actor, request.query) }),
    );

    r.post(
      '/api/data/resources',
      {
        schema: {
          tags,
          summary: 'Register a data resource with its items (code assigned: classification + sequence)',
          body: z.object({
            classificationCode: z.string().max(9),
            name: z.string().max(100),
            providerDepartmentId: uuid,
            abstract: z.string().max(2000),
            format: z.string().max(16),
            updateCycle: z.string().max(16),
            publishDate: z.string().max(10).nullish(),
            sharingType: z.string().max(16),
            sharingCondition: z.string().max(500).nullish(),
            openingType: z.string().max(16),
            relatedCodes: z.array(z.string().max(32)).max(50).optional(),
            items: z
              .array(
                z.object({
                  code: z.string().max(64),
                  name: z.string().max(60),
                  type: z.string().max(16),
                  grade: z.string().max(2),
                  personalKind: z.string().max(16).nullish(),
                  authoritative: z.boolean().optional(),
                }),
              )
              .max(500),
          }),
          response: { 201: z.object({ id: uuid, code: z.string() }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await catalog.registerResource(request.actor, request.body)),
    );

    r.get(
      '/api/data/resources/:id',
      {
        schema: {
          tags,
          summary: 'A resource with its items and 一数一源 conflicts',
          params: z.object({ id: uuid }),
          response: {
            200: resourceSchema.extend({ items: z.array(itemSchema), conflicts: z.array(conflictSchema) }),
          },
        },
      },
      async (request) => catalog.getResource(request.actor, request.params.id),
    );

    const systemSchema = z
      .object({
        id: uuid,
        name: z.string(),
        departmentId: uuid,
        status: z.enum(['planned', 'in_use', 'retiring', 'retired']),
        resourceIds: z.array(uuid),
        createdAt: dateTime,
        updatedAt: dateTime,
      })
      .meta({ id: 'InformationSystem' });

    r.get(
      '/api/data/systems',
      {
        schema: {
          tags,
          summary: 'The census of information systems (信息系统普查)',
          response: { 200: z.object({ items: z.array(systemSchema) }) },
        },
      },
      async (request) => ({ items: await catalog.listSystems(request.actor) }),
    );

    r.post(
      '/api/data/systems',
      {
        schema: {
          tags,
          summary: 'Register an information system (name ends in 系统 or 平台)',
          body: z.object({
            name: z.string().max(60),
            departmentId: uuid,
            status: z.string().max(16),
            resourceIds: z.array(uuid).max(500).optional(),
          }),
          response: { 201: z.object({ id: uuid }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await catalog.registerSystem(request.actor, request.body)),
    );

    r.get(
      '/catalog.jsonld',
      { schema: { tags, summary: 'The catalog as DCAT-AP 3 JSON-LD (open and restricted-open resources)' } },
      async (request, reply) =>
        reply
          .type('application/ld+json; charset=utf-8')
          .send(await catalogExports.dcat(staffSees(request.actor))),
    );

    const ckanTags = ['ckan'];
    r.get(
      '/api/3/action/package_list',
      { schema: { tags: ckanTags, summary: 'CKAN package_list' } },
      async (request, reply) =>
        ckan(reply, 'package_list', await catalogExports.packageList(staffSees(request.actor))),
    );
    r.get(
      '/api/3/action/package_show',
      {
        schema: {
          tags: ckanTags,
          summary: 'CKAN package_show',
          querystring: z.object({ id: z.string().max(64) }),
        },
      },
      async (request, reply) =>
        ckan(
          reply,
          'package_show',
          await catalogExports.packageShow(request.query.id, staffSees(request.actor)),
        ),
    );
    r.get(
      '/api/3/action/package_search',
      {
        schema: {
          tags: ckanTags,
          summary: 'CKAN package_search (q, fq organization:/opening_type:, rows, start)',
          querystring: z.object({
            q: z.string().max(200).optional(),
            fq: z.string().max(200).optional(),
            rows: z.coerce.number().int().min(0).max(1000).optional(),
            start: z.coerce.number().int().min(0).optional(),
          }),
        },
      },
      async (request, reply) =>
        ckan(
          reply,
          'package_search',
          await catalogExports.packageSearch(request.query, staffSees(request.actor)),
        ),
    );
    r.get(
      '/api/3/action/organization_list',
      {
        schema: {
          tags: ckanTags,
          summary: 'CKAN organization_list (providing departments)',
          querystring: z.object({ all_fields: z.stringbool().optional() }),
        },
      },
      async (request, reply) =>
        ckan(
          reply,
          'organization_list',
          await catalogExports.organizationList(request.query.all_fields ?? false, staffSees(request.actor)),
        ),
    );
  };
}
