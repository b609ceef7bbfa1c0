import type { Kernel } from '@zhizhi/kernel';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export interface SystemInfo {
  name: string;
  version: string;
  dialect: 'pglite' | 'postgres';
  demo: boolean;
  region: { code: string; name: string; nameEn: string };
}

export function systemRoutes(kernel: Kernel, info: SystemInfo, state: { shuttingDown: boolean }) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/healthz',
      {
        schema: {
          tags: ['system'],
          summary: 'Liveness',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    r.get(
      '/readyz',
      {
        schema: {
          tags: ['system'],
          summary: 'Readiness: database reachable and not shutting down',
          response: {
            200: z.object({ status: z.literal('ready') }),
            503: z.object({ status: z.literal('not_ready'), reason: z.string() }),
          },
        },
      },
      async (_request, reply) => {
        if (state.shuttingDown)
          return reply.code(503).send({ status: 'not_ready' as const, reason: 'shutting down' });
        try {
          await kernel.db.execute(sql`select 1`);
          return { status: 'ready' as const };
        } catch {
          return reply.code(503).send({ status: 'not_ready' as const, reason: 'database unreachable' });
        }
      },
    );

    r.get(
      '/api/system/info',
      {
        schema: {
          tags: ['system'],
          summary: 'Version, database and region',
          response: {
            200: z.object({
              name: z.string(),
              version: z.string(),
              dialect: z.enum(['pglite', 'postgres']),
              demo: z.boolean(),
              region: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
            }),
          },
        },
      },
      async () => info,
    );
  };
}
