import { type Kernel, requirePermission } from '@zhizhi/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobSchema, listOf, scheduleSchema, uuid } from '../schemas';

export function jobRoutes(kernel: Kernel) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['jobs'];

    r.get(
      '/api/admin/jobs',
      {
        schema: {
          tags,
          summary: 'Recent jobs and timers',
          querystring: z.object({ status: z.enum(['pending', 'done', 'failed', 'cancelled']).optional() }),
          response: { 200: listOf(jobSchema) },
        },
      },
      async (request) => {
        requirePermission(request.actor, 'jobs.read');
        return { items: await kernel.jobs.list({ status: request.query.status }) };
      },
    );

    r.get(
      '/api/admin/schedules',
      { schema: { tags, summary: 'Recurring schedules', response: { 200: listOf(scheduleSchema) } } },
      async (request) => {
        requirePermission(request.actor, 'jobs.read');
        return { items: await kernel.jobs.listSchedules() };
      },
    );

    r.post(
      '/api/admin/jobs/:id/retry',
      {
        schema: {
          tags,
          summary: 'Retry a failed job',
          params: z.object({ id: uuid }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await kernel.retryJob(request.actor, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
