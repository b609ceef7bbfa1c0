import type { Kernel } from '@zhizhi/kernel';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { dateTime } from '../schemas';
import { categorySchema, platformSchema } from './governance';

const names = z.object({ zh: z.string(), en: z.string() });
const trackingBody = z.object({
  number: z.string().max(32),
  password: z.string().max(32),
});

const trackingSchema = z
  .object({
    number: z.string(),
    state: z.string(),
    stateName: names,
    category: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    address: z.string().nullable(),
    location: z.object({ lng: z.number(), lat: z.number() }).nullable(),
    department: z.object({ name: z.string(), nameEn: z.string() }).nullable(),
    openedAt: dateTime,
    closedAt: dateTime.nullable(),
    dueAt: dateTime.nullable(),
    result: z.string().nullable(),
    resultPhotos: z.number().int(),
    rating: z.string().nullable(),
    rateUntil: z.string().nullable(),
    timeline: z.array(z.object({ at: dateTime, step: z.string(), stepName: names, state: z.string() })),
  })
  .meta({ id: 'EventTracking' });

/** Pages anyone may use without logging in: report an event, follow it, rate it; the district map. */
export function publicRoutes(_kernel: Kernel, modules: Modules) {
  const g = modules.governance;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['public'];
    const strict = { rateLimit: { max: 10, timeWindow: '1 minute' } };

    r.get(
      '/api/public/region',
      {
        schema: {
          tags,
          summary: 'The district boundary (GeoJSON Feature, GCJ-02) and township seats, for maps',
          response: {
            200: z.object({
              boundary: z.unknown(),
              towns: z.array(
                z.object({ code: z.string(), name: z.string(), lng: z.number(), lat: z.number() }),
              ),
            }),
          },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=3600');
        return { boundary: modules.region.boundary, towns: [...modules.region.towns] };
      },
    );

    r.get(
      '/api/public/governance/categories',
      {
        schema: {
          tags,
          summary: 'What citizens may report: the public categories and the platforms',
          response: {
            200: z.object({ platforms: z.array(platformSchema), categories: z.array(categorySchema) }),
          },
        },
      },
      async () => ({
        platforms: await g.listPlatforms(),
        categories: await g.listCategories({ publicOnly: true }),
      }),
    );

    r.post(
      '/api/public/governance/reports',
      {
        config: strict,
        schema: {
          tags,
          summary: 'Report an event (no login): answers the number and a tracking password, shown once',
          body: z.object({
            categoryCode: z.string().max(96),
            description: z.string().max(2000),
            location: z.object({ lng: z.number(), lat: z.number() }).nullish(),
            address: z.string().max(200).nullish(),
            photos: z.array(z.string()).max(9).optional(),
            reporterName: z.string().max(40).nullish(),
            reporterPhone: z.string().max(32).nullish(),
          }),
          response: { 201: z.object({ number: z.string(), password: z.string(), tracking: trackingSchema }) },
        },
      },
      async (request, reply) => {
        const { number, password } = await g.reportPublic(request.body);
        return reply.code(201).send({ number, password, tracking: await g.track(number, password) });
      },
    );

    r.post(
      '/api/public/governance/track',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Follow an event with its number and tracking password (POST: no password in URLs)',
          body: trackingBody,
          response: { 200: trackingSchema },
        },
      },
      async (request) =>
        g.track(request.body.number.trim().toUpperCase(), request.body.password.trim().toUpperCase()),
    );

    r.post(
      '/api/public/governance/rate',
      {
        config: strict,
        schema: {
          tags,
          summary: 'Rate a closed event (好差评, five levels); a bad rating opens a rectification case',
          body: trackingBody.extend({
            rating: z.enum([
              'very_satisfied',
              'satisfied',
              'basically_satisfied',
              'dissatisfied',
              'very_dissatisfied',
            ]),
            comment: z.string().max(500).nullish(),
          }),
          response: { 200: trackingSchema },
        },
      },
      async (request) =>
        g.ratePublic(request.body.number.trim().toUpperCase(), request.body.password.trim().toUpperCase(), {
          rating: request.body.rating,
          comment: request.body.comment,
        }),
    );
  };
}
