import {
  CkanSearchError,
  DATA_PERMISSIONS,
  FORMATS,
  GRADES,
  PERSONAL_KINDS,
  UPDATE_CYCLES,
} from '@zhizhi/data';
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
    keyItems: z.array(z.string()).describe('Item codes that identify a row'),
    status: z.enum(['active', 'retired']),
    retiredAt: dateTime.nullable(),
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

const facetCounts = z.record(z.string(), z.number().int()).describe('value → number of resources');

// The wire shape of a resource edit; the catalog service validates the rules (400 with field paths).
const resourceBody = z.object({
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
  keyItems: z.array(z.string().max(64)).max(10).optional(),
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
          summary: 'Catalogued resources: search, filters, facet counts and paging',
          description:
            'q is Chinese full text (ranked). Filters take one value or a comma-separated list (OR within ' +
            'a filter, AND across). grade is the top item grade. Each facet counts with every filter but its own.',
          querystring: z.object({
            q: z.string().max(200).optional(),
            providerDepartmentId: z.string().max(4000).optional(),
            grade: z.string().max(20).optional(),
            format: z.string().max(200).optional(),
            sharingType: z.string().max(100).optional(),
            openingType: z.string().max(100).optional(),
            status: z.enum(['active', 'retired', 'all']).optional(),
            limit: z.coerce.number().int().min(1).max(1000).optional(),
            offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
          }),
          response: {
            200: z.object({
              items: z.array(resourceSchema.extend({ topGrade: z.enum(GRADES).nullable() })),
              total: z.number().int(),
              limit: z.number().int(),
              offset: z.number().int(),
              facets: z.object({
                providerDepartmentId: facetCounts,
                grade: facetCounts,
                format: facetCounts,
                sharingType: facetCounts,
                openingType: facetCounts,
                status: facetCounts,
              }),
            }),
          },
        },
      },
      async (request) => catalog.listResources(request.actor, request.query),
    );

    r.post(
      '/api/data/resources',
      {
        schema: {
          tags,
          summary: 'Register a data resource with its items (code assigned: classification + sequence)',
          body: resourceBody.extend({ classificationCode: z.string().max(9) }),
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

    r.put(
      '/api/data/resources/:id',
      {
        schema: {
          tags,
          summary: 'Edit a resource, keeping its code (grading re-checked, audited with a field diff)',
          params: z.object({ id: uuid }),
          body: resourceBody,
          response: {
            200: z.object({
              id: uuid,
              code: z.string(),
              changed: z.array(z.string()).describe('fields that changed; empty when nothing did'),
              conflicts: z.array(conflictSchema),
            }),
          },
        },
      },
      async (request) => catalog.updateResource(request.actor, request.params.id, request.body),
    );

    r.post(
      '/api/data/resources/:id/retire',
      {
        schema: {
          tags,
          summary: 'Retire (撤销) a resource with a reason: hidden from lists, CKAN and DCAT',
          params: z.object({ id: uuid }),
          body: z.object({ reason: z.string().max(500) }),
          response: {
            200: z.object({ id: uuid, code: z.string(), status: z.literal('retired'), retiredAt: dateTime }),
          },
        },
      },
      async (request) => catalog.retireResource(request.actor, request.params.id, request.body),
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
          summary: 'CKAN package_search (q, fq, facet.field, rows, start)',
          description:
            'fq: organization:<name>, res_format:<资源格式>, tags:<item name>, opening_type:, sharing_type:; ' +
            'quoted values, (a OR b) lists, - to negate; clauses ANDed. facet.field: a JSON list of those fields.',
          querystring: z.object({
            q: z.string().max(200).optional(),
            fq: z.string().max(500).optional(),
            rows: z.coerce.number().int().min(0).max(1000).optional(),
            start: z.coerce.number().int().min(0).optional(),
            'facet.field': z.string().max(500).optional(),
            'facet.limit': z.coerce.number().int().min(-1).max(1000).optional(),
            'facet.mincount': z.coerce.number().int().min(0).optional(),
          }),
        },
      },
      async (request, reply) => {
        try {
          const result = await catalogExports.packageSearch(request.query, staffSees(request.actor));
          return ckan(reply, 'package_search', result);
        } catch (error) {
          if (!(error instanceof CkanSearchError)) throw error;
          return reply.code(409).send({
            help: '/api/3/action/help_show?name=package_search',
            success: false,
            error: { __type: 'Search Query Error', message: error.message },
          });
        }
      },
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
