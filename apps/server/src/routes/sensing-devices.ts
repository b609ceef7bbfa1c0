import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';

// The device API (ThingsBoard-compatible telemetry, HJ 212 / SL 651 frames): devices authenticate by
// token, not by session.

const TELEMETRY_BODY_LIMIT = 8 * 1024 * 1024;

const telemetryResult = z
  .object({
    stored: z.number().int().describe('Readings stored by this request'),
    duplicates: z.number().int().describe('Readings already stored (same device, metric, time): ignored'),
    dropped: z.array(z.string()).describe('Parts of the payload that were not usable, with reasons'),
  })
  .meta({ id: 'TelemetryResult' });

/** Device calls are limited per token, not per address: a gateway's NAT carries many devices. */
const perDevice = (what: string) => ({
  rateLimit: {
    max: 6000,
    timeWindow: '1 minute',
    keyGenerator: (request: { params: unknown }) =>
      `${what}:${(request.params as { token?: string }).token ?? ''}`,
  },
});

/** Routes devices call: `POST /api/v1/{token}/telemetry` and `/frames`. */
export function sensingDeviceRoutes(modules: Modules) {
  const sensing = modules.sensing;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/v1/:token/telemetry',
      {
        bodyLimit: TELEMETRY_BODY_LIMIT,
        config: perDevice('telemetry'),
        schema: {
          tags: ['device-api'],
          summary:
            'Device telemetry (ThingsBoard-compatible): {"ts":…,"values":{…}}, a flat object, or an array',
          description:
            'Answers after the readings are durably stored. Duplicates are ignored; late readings are accepted.',
          params: z.object({ token: z.string().min(1).max(64) }),
          body: z.unknown(),
          response: { 200: telemetryResult },
        },
      },
      async (request) => sensing.ingest.httpTelemetry(request.params.token, request.body),
    );

    r.post(
      '/api/v1/:token/frames',
      {
        bodyLimit: TELEMETRY_BODY_LIMIT,
        config: perDevice('frames'),
        schema: {
          tags: ['device-api'],
          summary: 'HJ 212-2017 or SL 651-2014 frames relayed by a device or gateway (SL 651 as hex)',
          description:
            'Each frame is matched to the device registered with its station address; a device token may send only its own frames, a gateway token any. The answer frame (if the frame asks for one) is returned after storage.',
          params: z.object({ token: z.string().min(1).max(64) }),
          body: z.object({
            protocol: z.enum(['hj212', 'sl651']),
            frames: z.array(z.string().min(1).max(65_536)).min(1).max(1000),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  ok: z.boolean(),
                  code: z.string().optional(),
                  reason: z.string().optional(),
                  address: z.string().optional(),
                  command: z.string().optional(),
                  stored: z.number().int().optional(),
                  duplicates: z.number().int().optional(),
                  ack: z
                    .string()
                    .nullable()
                    .optional()
                    .describe('The answer frame (HJ 212 text, SL 651 hex)'),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const via = await sensing.ingest.authenticate(request.params.token);
        const { protocol, frames } = request.body;
        const items = [];
        for (const text of frames) {
          const bytes = protocol === 'sl651' ? Buffer.from(text.replace(/\s+/g, ''), 'hex') : text;
          const outcome = await sensing.frames.handle(protocol, bytes, via);
          items.push(
            outcome.ok
              ? {
                  ...outcome,
                  ack: outcome.ack
                    ? protocol === 'sl651'
                      ? outcome.ack.toString('hex').toUpperCase()
                      : outcome.ack.toString('ascii')
                    : null,
                }
              : outcome,
          );
        }
        return { items };
      },
    );
  };
}
