import type { Kernel } from '@zhizhi/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { day, departmentSchema, divisionCode, divisionSchema, gridSchema, listOf, uuid } from '../schemas';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export function orgRoutes(kernel: Kernel) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['org'];

    r.get(
      '/api/org/divisions',
      {
        schema: {
          tags,
          summary: 'Divisions under a parent (top level when parentCode is absent)',
          querystring: z.object({ parentCode: divisionCode.optional(), includeHistoric: bool.optional() }),
          response: { 200: listOf(divisionSchema) },
        },
      },
      async (request) => ({ items: await kernel.org.listDivisions(request.actor, request.query) }),
    );

    r.get(
      '/api/org/divisions/:code',
      {
        schema: {
          tags,
          summary: 'One division with its history (renames, predecessors)',
          params: z.object({ code: divisionCode }),
          response: {
            200: divisionSchema.extend({ history: z.array(divisionSchema.omit({ childCount: true })) }),
          },
        },
      },
      async (request) => kernel.org.getDivision(request.actor, request.params.code),
    );

    r.post(
      '/api/org/divisions/:code/rename',
      {
        schema: {
          tags,
          summary: 'Rename a division from a date (the code stays)',
          params: z.object({ code: divisionCode }),
          body: z.object({ name: z.string().min(1).max(60), effectiveFrom: day }),
          response: {
            200: divisionSchema.extend({ history: z.array(divisionSchema.omit({ childCount: true })) }),
          },
        },
      },
      async (request) => kernel.org.renameDivision(request.actor, request.params.code, request.body),
    );

    r.get(
      '/api/org/departments',
      { schema: { tags, summary: 'All departments', response: { 200: listOf(departmentSchema) } } },
      async (request) => ({
        items: await kernel.org.listDepartments(request.actor),
      }),
    );

    r.post(
      '/api/org/departments',
      {
        schema: {
          tags,
          summary: 'Create a department',
          body: z.object({
            code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,31}$/),
            name: z.string().min(1).max(100),
            nameEn: z.string().max(200).default(''),
            divisionCode,
            parentId: uuid.nullable().optional(),
            kind: z.enum(['bureau', 'town_office', 'centre', 'other']),
          }),
          response: { 201: departmentSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await kernel.org.createDepartment(request.actor, request.body)),
    );

    r.patch(
      '/api/org/departments/:id',
      {
        schema: {
          tags,
          summary: 'Update a department',
          params: z.object({ id: uuid }),
          body: z
            .object({
              name: z.string().min(1).max(100).optional(),
              nameEn: z.string().max(200).optional(),
              active: z.boolean().optional(),
              parentId: uuid.nullable().optional(),
            })
            .strict(),
          response: { 200: departmentSchema },
        },
      },
      async (request) => kernel.org.updateDepartment(request.actor, request.params.id, request.body),
    );

    r.get(
      '/api/org/grids',
      {
        schema: {
          tags,
          summary: 'Grids in a village or town',
          querystring: z.object({ villageCode: divisionCode.optional(), townCode: divisionCode.optional() }),
          response: { 200: listOf(gridSchema) },
        },
      },
      async (request) => ({ items: await kernel.org.listGrids(request.actor, request.query) }),
    );

    r.post(
      '/api/org/grids',
      {
        schema: {
          tags,
          summary: 'Create a grid in a village/community',
          body: z.object({
            code: z.string().regex(/^\d{12,20}$/),
            name: z.string().min(1).max(100),
            villageCode: divisionCode,
            parentId: uuid.nullable().optional(),
          }),
          response: { 201: gridSchema },
        },
      },
      async (request, reply) => {
        const grid = await kernel.org.createGrid(request.actor, request.body);
        return reply.code(201).send({ ...grid, workerName: null });
      },
    );

    r.patch(
      '/api/org/grids/:id',
      {
        schema: {
          tags,
          summary: 'Rename a grid or assign its worker',
          params: z.object({ id: uuid }),
          body: z
            .object({ name: z.string().min(1).max(100).optional(), workerId: uuid.nullable().optional() })
            .strict(),
          response: { 200: gridSchema },
        },
      },
      async (request) => {
        const grid = await kernel.org.updateGrid(request.actor, request.params.id, request.body);
        const [withWorker] = (
          await kernel.org.listGrids(request.actor, { villageCode: grid.villageCode })
        ).filter((g) => g.id === grid.id);
        return withWorker;
      },
    );
  };
}
