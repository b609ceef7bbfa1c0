import type { Kernel } from '@zhizhi/kernel';
import { listPermissions } from '@zhizhi/kernel/access';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf, roleAssignmentSchema, roleSchema, staffSchema, uuid } from '../schemas';

const phone = z.string().regex(/^1[3-9]\d{9}$/, 'mainland mobile number');

export function staffRoutes(kernel: Kernel) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['staff'];
    const idParams = z.object({ id: uuid });

    r.get(
      '/api/admin/staff',
      {
        schema: {
          tags,
          summary: 'Staff within my scope',
          querystring: z.object({
            q: z.string().max(64).optional(),
            departmentId: uuid.optional(),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(20),
          }),
          response: { 200: z.object({ items: z.array(staffSchema), total: z.number().int() }) },
        },
      },
      async (request) => kernel.staff.listStaff(request.actor, request.query),
    );

    r.post(
      '/api/admin/staff',
      {
        schema: {
          tags,
          summary: 'Create a staff account',
          body: z.object({
            username: z.string().min(2).max(64),
            displayName: z.string().min(1).max(60),
            password: z.string().min(1).max(128),
            departmentId: uuid.nullable(),
            phone: phone.nullable().optional(),
            roles: z.array(roleAssignmentSchema).max(20).default([]),
          }),
          response: { 201: staffSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await kernel.staff.createStaff(request.actor, request.body)),
    );

    r.get(
      '/api/admin/staff/:id',
      { schema: { tags, summary: 'One staff member', params: idParams, response: { 200: staffSchema } } },
      async (request) => kernel.staff.getStaff(request.actor, request.params.id),
    );

    r.patch(
      '/api/admin/staff/:id',
      {
        schema: {
          tags,
          summary: 'Update a staff account',
          params: idParams,
          body: z
            .object({
              displayName: z.string().min(1).max(60).optional(),
              departmentId: uuid.nullable().optional(),
              phone: phone.nullable().optional(),
              status: z.enum(['active', 'disabled']).optional(),
            })
            .strict(),
          response: { 200: staffSchema },
        },
      },
      async (request) => kernel.staff.updateStaff(request.actor, request.params.id, request.body),
    );

    r.put(
      '/api/admin/staff/:id/roles',
      {
        schema: {
          tags,
          summary: "Replace a staff member's roles",
          params: idParams,
          body: z.object({ roles: z.array(roleAssignmentSchema).max(20) }),
          response: { 200: staffSchema },
        },
      },
      async (request) => kernel.staff.setRoles(request.actor, request.params.id, request.body.roles),
    );

    r.post(
      '/api/admin/staff/:id/reset-password',
      {
        schema: {
          tags,
          summary: 'Set a new password (must be changed at next login)',
          params: idParams,
          body: z.object({ password: z.string().min(1).max(128) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await kernel.staff.resetPassword(request.actor, request.params.id, request.body.password);
        return reply.code(204).send(null);
      },
    );

    r.post(
      '/api/admin/staff/:id/unlock',
      { schema: { tags, summary: 'Lift a login lockout', params: idParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await kernel.staff.unlock(request.actor, request.params.id);
        return reply.code(204).send(null);
      },
    );

    r.get(
      '/api/admin/roles',
      { schema: { tags, summary: 'Roles and their permissions', response: { 200: listOf(roleSchema) } } },
      async (request) => ({
        items: await kernel.staff.listRoles(request.actor),
      }),
    );

    r.get(
      '/api/admin/permissions',
      {
        schema: {
          tags,
          summary: 'Every permission the platform checks',
          response: { 200: listOf(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })) },
        },
      },
      async () => ({ items: listPermissions() }),
    );
  };
}
