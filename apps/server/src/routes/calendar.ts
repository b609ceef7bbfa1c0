import { type Kernel, requirePermission } from '@zhizhi/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dateTime, day, listOf } from '../schemas';

const dayInfoSchema = z
  .object({
    day: z.string(),
    isWorkday: z.boolean(),
    kind: z.enum(['workday', 'weekend', 'holiday', 'makeup_workday']),
    name: z.string().nullable(),
    nameEn: z.string().nullable(),
    overridden: z.boolean(),
    note: z.string().nullable(),
    covered: z.boolean().describe('False beyond the bundled national holiday data'),
  })
  .meta({ id: 'CalendarDay' });

export function calendarRoutes(kernel: Kernel) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['calendar'];
    const dayParams = z.object({ day });

    r.get(
      '/api/calendar/days',
      {
        schema: {
          tags,
          summary: 'Working days, holidays and 调休 between two dates (≤ 400 days)',
          querystring: z.object({ from: day, to: day }),
          response: { 200: listOf(dayInfoSchema) },
        },
      },
      async (request) => {
        requirePermission(request.actor, 'org.read');
        return { items: kernel.calendar.listDays(request.query.from, request.query.to) };
      },
    );

    r.get(
      '/api/calendar/overrides',
      {
        schema: {
          tags,
          summary: 'Admin overrides',
          response: {
            200: listOf(
              z.object({
                day: z.string(),
                isWorkday: z.boolean(),
                note: z.string().nullable(),
                updatedBy: z.string().nullable(),
                updatedAt: dateTime,
              }),
            ),
          },
        },
      },
      async (request) => {
        requirePermission(request.actor, 'org.read');
        return { items: kernel.calendar.listOverrides() };
      },
    );

    r.put(
      '/api/calendar/overrides/:day',
      {
        schema: {
          tags,
          summary: 'Make a day a working day or a day off',
          params: dayParams,
          body: z.object({ isWorkday: z.boolean(), note: z.string().max(200).nullable().optional() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await kernel.calendar.setOverride(request.actor, request.params.day, request.body);
        return reply.code(204).send(null);
      },
    );

    r.delete(
      '/api/calendar/overrides/:day',
      { schema: { tags, summary: 'Remove an override', params: dayParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await kernel.calendar.removeOverride(request.actor, request.params.day);
        return reply.code(204).send(null);
      },
    );
  };
}
