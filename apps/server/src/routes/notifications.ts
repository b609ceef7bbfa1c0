import type { Kernel } from '@zhizhi/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dateTime, uuid } from '../schemas';

const messageSchema = z
  .object({
    id: uuid,
    titleZh: z.string(),
    titleEn: z.string(),
    bodyZh: z.string().nullable(),
    bodyEn: z.string().nullable(),
    link: z.string().nullable(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    urgent: z.boolean(),
    createdAt: dateTime,
    readAt: dateTime.nullable(),
  })
  .meta({ id: 'Message' });

/** The signed-in staff member's inbox (站内消息). */
export function notificationRoutes(kernel: Kernel) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['notifications'];
    r.get(
      '/api/notifications',
      {
        schema: {
          tags,
          summary: 'My messages, newest first, with the unread count',
          querystring: z.object({
            unreadOnly: z.stringbool().optional(),
            limit: z.coerce.number().int().min(1).max(100).optional(),
            before: uuid.optional(),
          }),
          response: { 200: z.object({ items: z.array(messageSchema), unread: z.number().int() }) },
        },
      },
      async (request) => kernel.notifications.list(request.actor, request.query),
    );
    r.post(
      '/api/notifications/read',
      {
        schema: {
          tags,
          summary: 'Mark messages read (given ids, or all)',
          body: z.object({ ids: z.array(uuid).max(500).optional(), all: z.boolean().optional() }),
          response: { 200: z.object({ marked: z.number().int() }) },
        },
      },
      async (request) => ({
        marked: await kernel.notifications.markRead(
          request.actor,
          request.body.all ? 'all' : (request.body.ids ?? []),
        ),
      }),
    );
  };
}
