import type { Kernel } from '@zhizhi/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema, auditVerificationSchema } from '../schemas';

export function auditRoutes(kernel: Kernel) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['audit'];

    r.get(
      '/api/audit/entries',
      {
        schema: {
          tags,
          summary: 'Audit entries, newest first (keyset paging by beforeSeq)',
          querystring: z.object({
            action: z.string().max(96).optional(),
            subjectType: z.string().max(48).optional(),
            subjectId: z.string().max(100).optional(),
            actorId: z.string().max(100).optional(),
            from: z.iso.datetime({ offset: true }).optional(),
            to: z.iso.datetime({ offset: true }).optional(),
            beforeSeq: z.coerce.number().int().min(1).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: {
            200: z.object({ items: z.array(auditEntrySchema), nextBeforeSeq: z.number().int().nullable() }),
          },
        },
      },
      async (request) => {
        const q = request.query;
        return kernel.audit.list(request.actor, {
          ...q,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
        });
      },
    );

    r.get(
      '/api/audit/verify',
      {
        schema: {
          tags,
          summary: 'Verify the whole hash chain and the sealed daily roots',
          response: { 200: auditVerificationSchema },
        },
      },
      async (request) => kernel.audit.verify(request.actor),
    );
  };
}
