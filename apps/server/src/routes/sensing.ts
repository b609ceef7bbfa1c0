import type { Kernel } from '@zhizhi/kernel';
import { can, requireAuthenticated, requirePermission } from '@zhizhi/kernel/access';
import { type AlarmChange, SENSING_PERMISSIONS, STATION_KINDS } from '@zhizhi/sensing';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { dateTime, divisionCode, listOf, uuid } from '../schemas';

import {
  alarmOut,
  alarmSchema,
  bulletinSchema,
  severity,
  stationDetail,
  stationSummary,
  warningSchema,
} from './sensing-schemas';

/** Sensing for staff and the public: stations, series, registration, alarms, warnings, live stream. */
export function sensingRoutes(_kernel: Kernel, modules: Modules) {
  const sensing = modules.sensing;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['sensing'];
    const streams = new Set<() => void>();
    app.addHook('onClose', async () => {
      for (const close of streams) close();
    });

    r.get(
      '/api/sensing/stations',
      {
        schema: {
          tags,
          summary: 'Stations with live status (latest values, online devices, worst active alarm)',
          querystring: z.object({
            kind: z.enum(STATION_KINDS).optional(),
            township: divisionCode.optional(),
          }),
          response: { 200: listOf(stationSummary) },
        },
      },
      async (request) => {
        requirePermission(request.actor, SENSING_PERMISSIONS.read);
        return {
          items: await sensing.queries.stations(request.actor, {
            kind: request.query.kind,
            townshipCode: request.query.township,
          }),
        };
      },
    );

    r.get(
      '/api/sensing/stations/:id',
      {
        schema: {
          tags,
          summary: 'One station (by id or code): metrics, devices, rules',
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 200: stationDetail },
        },
      },
      async (request) => {
        return sensing.queries.station(request.actor, request.params.id);
      },
    );

    r.put(
      '/api/sensing/stations',
      {
        schema: {
          tags,
          summary:
            'Register or update a station (by code): kind, location, division, owner department, attributes',
          body: z.object({
            code: z.string(),
            nameZh: z.string(),
            nameEn: z.string(),
            kind: z.enum(STATION_KINDS),
            lng: z.number(),
            lat: z.number(),
            divisionCode: z.string(),
            departmentCode: z.string(),
            attributes: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
          }),
          response: { 200: z.object({ id: uuid, code: z.string() }) },
        },
      },
      async (request) => {
        const saved = await sensing.registry.registerStation(request.actor, request.body);
        return { id: saved.id, code: saved.code };
      },
    );

    r.post(
      '/api/sensing/stations/:id/devices',
      {
        schema: {
          tags,
          summary: 'Add a device to a station (or update it by code); a new device gets its access token',
          params: z.object({ id: uuid }),
          body: z.object({
            code: z.string(),
            name: z.string(),
            protocol: z.enum(['json', 'hj212', 'sl651', 'gateway']),
            protocolAddress: z.string().nullish(),
            metrics: z.array(z.string()).default([]),
          }),
          response: { 200: z.object({ id: uuid, code: z.string(), token: z.string() }) },
        },
      },
      async (request) => {
        const saved = await sensing.registry.registerDevice(request.actor, request.params.id, request.body);
        return { id: saved.id, code: saved.code, token: saved.token };
      },
    );

    r.put(
      '/api/sensing/stations/:id/rules',
      {
        schema: {
          tags,
          summary: 'Create or edit an alarm rule of a station (by code); effective at once',
          description:
            'params.kind: threshold {metric, op, value (number or attribute name), hysteresis, durationSeconds} | rate {metric, ratePerHour, windowMinutes} | nodata {minutes} | expression {expression (CEL over m and attr), durationSeconds}',
          params: z.object({ id: uuid }),
          body: z.object({
            code: z.string(),
            nameZh: z.string(),
            nameEn: z.string(),
            alarmType: z.string(),
            severity: z.enum(['critical', 'major', 'minor', 'warning']),
            active: z.boolean().optional(),
            params: z.record(z.string(), z.unknown()),
          }),
          response: { 200: z.object({ id: uuid, code: z.string() }) },
        },
      },
      async (request) => {
        const saved = await sensing.registry.putRule(request.actor, request.params.id, request.body);
        return { id: saved.id, code: saved.code };
      },
    );

    r.get(
      '/api/sensing/stations/:id/series',
      {
        schema: {
          tags,
          summary: 'A metric over time: raw, 1-minute or 1-hour points (chosen by the span unless given)',
          params: z.object({ id: z.string().min(1).max(64) }),
          querystring: z.object({
            metric: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
            from: dateTime,
            to: dateTime,
            resolution: z.enum(['raw', '1m', '1h']).optional(),
          }),
          response: {
            200: z.object({
              resolution: z.enum(['raw', '1m', '1h']),
              points: z
                .array(z.tuple([z.number(), z.number(), z.number(), z.number()]))
                .describe('[ms, avg, min, max]'),
            }),
          },
        },
      },
      async (request) => sensing.queries.series(request.actor, request.params.id, request.query),
    );

    r.get(
      '/api/sensing/alarms',
      {
        schema: {
          tags,
          summary: 'Alarms, newest first (a township or station includes its devices’ alarms)',
          querystring: z.object({
            status: z.enum(['active', 'cleared']).optional(),
            acknowledged: z.enum(['true', 'false']).optional(),
            station: uuid.optional(),
            township: divisionCode.optional(),
            severity: severity.optional(),
            before: dateTime.optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
          }),
          response: { 200: listOf(alarmSchema) },
        },
      },
      async (request) => {
        requirePermission(request.actor, SENSING_PERMISSIONS.read);
        const q = request.query;
        const rows = await sensing.alarms.list(request.actor, {
          status: q.status,
          acknowledged: q.acknowledged === undefined ? undefined : q.acknowledged === 'true',
          stationId: q.station,
          townshipCode: q.township,
          severity: q.severity,
          before: q.before,
          limit: q.limit,
        });
        return { items: rows.map(alarmOut) };
      },
    );

    r.post(
      '/api/sensing/alarms/:id/acknowledge',
      {
        schema: {
          tags,
          summary: 'Acknowledge an alarm (idempotent)',
          params: z.object({ id: uuid }),
          response: { 200: z.object({ id: uuid, acknowledged: z.boolean() }) },
        },
      },
      async (request) => {
        const row = await sensing.alarms.acknowledge(request.actor, request.params.id);
        return { id: row.id, acknowledged: row.acknowledged };
      },
    );

    r.post(
      '/api/sensing/alarms/:id/clear',
      {
        schema: {
          tags,
          summary: 'Clear an alarm by hand (the rule may raise it again)',
          params: z.object({ id: uuid }),
          body: z.object({ note: z.string().max(500).optional() }).optional(),
          response: { 200: z.object({ id: uuid, status: z.enum(['active', 'cleared']) }) },
        },
      },
      async (request) => {
        const row = await sensing.alarms.clear(request.actor, request.params.id, request.body?.note);
        return { id: row.id, status: row.status as 'active' | 'cleared' };
      },
    );

    r.get(
      '/api/sensing/warnings',
      {
        schema: {
          tags,
          summary: 'Multi-hazard warning level per township and the latest bulletins',
          response: {
            200: z.object({ townships: z.array(warningSchema), bulletins: z.array(bulletinSchema) }),
          },
        },
      },
      async (request) => {
        requirePermission(request.actor, SENSING_PERMISSIONS.read);
        return {
          townships: await sensing.warnings.current(),
          bulletins: await sensing.warnings.bulletins(10),
        };
      },
    );

    r.get(
      '/api/public/sensing/bulletin',
      {
        schema: {
          tags: ['public'],
          summary: 'The public warning bulletin: current levels per township and recent bulletins',
          response: {
            200: z.object({ townships: z.array(warningSchema), bulletins: z.array(bulletinSchema) }),
          },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=30');
        return {
          townships: await sensing.warnings.current(),
          bulletins: await sensing.warnings.bulletins(10),
        };
      },
    );

    r.get(
      '/api/sensing/devices',
      {
        schema: {
          tags,
          summary: 'Devices with their access tokens (station managers)',
          querystring: z.object({ q: z.string().max(64).optional() }),
          response: {
            200: listOf(
              z.object({
                id: uuid,
                code: z.string(),
                name: z.string(),
                protocol: z.string(),
                protocolAddress: z.string().nullable(),
                token: z.string(),
                metrics: z.array(z.string()),
                lastSeenAt: dateTime.nullable(),
                rejectedCount: z.number().int(),
                lastRejectReason: z.string().nullable(),
                stationCode: z.string(),
                stationName: z.string(),
              }),
            ),
          },
        },
      },
      async (request) => {
        requirePermission(request.actor, SENSING_PERMISSIONS.manage);
        const rows = await sensing.registry.listDevices(request.actor, { q: request.query.q });
        return { items: rows.map(({ divisionCode: _d, departmentId: _p, ...rest }) => rest) };
      },
    );

    r.post(
      '/api/sensing/devices/:id/token',
      {
        schema: {
          tags,
          summary: 'Issue a new access token for a device (the old one stops working)',
          params: z.object({ id: uuid }),
          response: { 200: z.object({ id: uuid, token: z.string() }) },
        },
      },
      async (request) => sensing.registry.rotateToken(request.actor, request.params.id),
    );

    // Server-sent events: alarm changes (within the caller's scope) and, once a second, the stations
    // whose values moved. `EventSource` sends the session cookie; nothing here carries personal data.
    r.get(
      '/api/sensing/stream',
      {
        schema: {
          tags,
          summary: 'Live stream (text/event-stream): `alarm` and `values` events',
          hide: false,
        },
      },
      async (request, reply) => {
        requireAuthenticated(request.actor);
        requirePermission(request.actor, SENSING_PERMISSIONS.read);
        const actor = request.actor;
        const visible = new Set((await sensing.queries.stations(actor)).map((s) => s.id));
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        res.write('retry: 3000\n\n');
        const send = (event: string, data: unknown) =>
          res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        const offAlarm = sensing.alarms.onChange((change: AlarmChange) => {
          const a = change.alarm;
          if (
            !can(actor, SENSING_PERMISSIONS.read, {
              divisionCode: a.townshipCode,
              departmentId: a.departmentId,
            })
          )
            return;
          send('alarm', {
            kind: change.kind,
            id: a.id,
            stationId: a.stationId,
            type: a.type,
            severity: a.severity,
            status: a.status,
            acknowledged: a.acknowledged,
            caseNumber: a.caseNumber,
          });
        });
        const moved = new Map<string, Record<string, { value: number; ts: number }>>();
        const offReadings = sensing.onReadings((readings) => {
          for (const x of readings) {
            if (!visible.has(x.stationId)) continue;
            const station = moved.get(x.stationId) ?? {};
            const cur = station[x.metric];
            if (!cur || cur.ts <= x.ts) station[x.metric] = { value: x.value, ts: x.ts };
            moved.set(x.stationId, station);
          }
        });
        const tick = setInterval(() => {
          if (moved.size) {
            send('values', Object.fromEntries(moved));
            moved.clear();
          } else res.write(': keep-alive\n\n');
        }, 1000);
        const close = () => {
          clearInterval(tick);
          offAlarm();
          offReadings();
          streams.delete(close);
          if (!res.writableEnded) res.end();
        };
        streams.add(close);
        request.raw.on('close', close);
      },
    );
  };
}
