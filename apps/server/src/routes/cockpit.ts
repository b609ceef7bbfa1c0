import { COCKPIT_PERMISSIONS as P, parseScope, recomputeFromSource, storedTallies } from '@zhizhi/cockpit';
import type { Kernel } from '@zhizhi/kernel';
import { requirePermission } from '@zhizhi/kernel/access';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cockpitFeed, cockpitMap } from '../cockpit-sources';
import type { Modules } from '../modules';
import { listOf, uuid } from '../schemas';
import * as S from './cockpit-schemas';

const json = z.record(z.string(), z.unknown());
const code = z.string().regex(/^[a-z][a-z0-9_.]{2,95}$/);

/** The leadership cockpit (一屏通览): overview, drill-down, records, trends, map, feed, warnings, reports. */
export function cockpitRoutes(kernel: Kernel, modules: Modules) {
  const cockpit = modules.cockpit;
  const district = cockpit.districtCode;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['cockpit'];

    r.get(
      '/api/cockpit/overview',
      {
        schema: {
          tags,
          summary: 'Every indicator at a scope with target, trajectory and status; the promise panels',
          querystring: z.object({ scope: S.scopeQuery, period: S.periodQuery }),
          response: { 200: S.overviewSchema },
        },
      },
      async (request) => cockpit.service.overview(request.actor, request.query),
    );
    r.get(
      '/api/cockpit/indicators/:code/breakdown',
      {
        schema: {
          tags,
          summary: 'An indicator one level down: towns or departments of the district, villages of a town',
          params: z.object({ code }),
          querystring: z.object({
            level: z.enum(['town', 'village', 'department']),
            parent: S.scopeQuery,
            period: S.periodQuery,
          }),
          response: { 200: S.breakdownSchema },
        },
      },
      async (request) => cockpit.service.breakdown(request.actor, request.params.code, request.query),
    );
    r.get(
      '/api/cockpit/indicators/:code/records',
      {
        schema: {
          tags,
          summary: 'The records behind a figure (events or applications), if the caller may read them',
          params: z.object({ code }),
          querystring: z.object({
            scope: S.scopeQuery,
            period: S.periodQuery,
            page: z.coerce.number().int().min(1).max(10_000).optional(),
            pageSize: z.coerce.number().int().min(1).max(100).optional(),
          }),
          response: { 200: S.recordsSchema },
        },
      },
      async (request) => cockpit.service.records(request.actor, request.params.code, request.query),
    );
    r.get(
      '/api/cockpit/indicators/:code/trend',
      {
        schema: {
          tags,
          summary: 'Daily year-to-date values and today’s live value',
          params: z.object({ code }),
          querystring: z.object({
            scope: S.scopeQuery,
            days: z.coerce.number().int().min(7).max(730).optional(),
          }),
          response: { 200: S.trendSchema },
        },
      },
      async (request) => cockpit.service.trend(request.actor, request.params.code, request.query),
    );
    r.put(
      '/api/cockpit/indicators/:code',
      {
        schema: {
          tags,
          summary: 'Create or change an indicator definition (formula, target, warning line, owner)',
          params: z.object({ code }),
          body: json,
          response: { 200: json },
        },
      },
      async (request) => cockpit.admin.updateIndicator(request.actor, request.params.code, request.body),
    );
    r.get(
      '/api/cockpit/indicators/:code/reported',
      {
        schema: {
          tags,
          summary: 'Figures reported for an indicator, newest first',
          params: z.object({ code }),
          response: { 200: listOf(S.reportedSchema) },
        },
      },
      async (request) => cockpit.admin.reportedHistory(request.actor, request.params.code),
    );
    r.post(
      '/api/cockpit/indicators/:code/reported',
      {
        schema: {
          tags,
          summary: 'Report a figure the platform does not produce, with evidence files (owner department)',
          params: z.object({ code }),
          body: json,
          response: { 201: S.reportedSchema },
        },
      },
      async (request, reply) => {
        const row = await cockpit.admin.report(request.actor, request.params.code, request.body);
        return reply.code(201).send({ ...row, reportedAt: row.reportedAt.toISOString() });
      },
    );
    r.get(
      '/api/cockpit/map',
      {
        schema: {
          tags,
          summary: 'Town polygons with live counts, and live points (events, alarms, inspections)',
          querystring: z.object({ scope: S.scopeQuery }),
          response: { 200: S.mapSchema },
        },
      },
      async (request) => {
        const scope = parseScope(request.query.scope, district);
        await cockpit.service.assertScope(request.actor, scope);
        const [areas, live] = await Promise.all([
          modules.places.areasGeoJson(request.actor, 'town'),
          cockpitMap(kernel, cockpit, scope),
        ]);
        const empty = { eventsOpen: 0, eventsTotal: 0, alarms: 0, inspections: 0 };
        return {
          towns: {
            type: 'FeatureCollection' as const,
            features: areas.features.map((f) => ({
              type: 'Feature' as const,
              properties: {
                code: f.properties.code,
                name: f.properties.name,
                ...(live.towns[f.properties.code] ?? empty),
              },
              geometry: f.geometry as Record<string, unknown>,
            })),
          },
          points: live.points,
        };
      },
    );
    r.get(
      '/api/cockpit/feed',
      {
        schema: {
          tags,
          summary:
            'The newest events, applications, alarms, inspections and warnings in a scope (default: the user’s own)',
          querystring: z.object({
            scope: S.scopeQuery,
            limit: z.coerce.number().int().min(1).max(100).optional(),
          }),
          response: { 200: S.feedSchema },
        },
      },
      async (request) => {
        const text = request.query.scope ?? (await cockpit.service.defaultScope(request.actor));
        const scope = parseScope(text, district);
        await cockpit.service.assertScope(request.actor, scope);
        return cockpitFeed(kernel, scope, request.query.limit ?? 20);
      },
    );
    r.get(
      '/api/cockpit/warnings',
      {
        schema: {
          tags,
          summary: 'Warnings: open (to dispatch), dispatched, or resolved',
          querystring: z.object({
            status: z.enum(['open', 'dispatched', 'resolved']).optional(),
            scope: S.scopeQuery,
          }),
          response: { 200: listOf(S.warningSchema) },
        },
      },
      async (request) => cockpit.warnings.list(request.actor, request.query),
    );
    r.post(
      '/api/cockpit/warnings/:id/dispatch',
      {
        schema: {
          tags,
          summary: 'Dispatch a warning as a 督办 task to the indicator’s owner department',
          params: z.object({ id: uuid }),
          body: json.optional(),
          response: { 201: z.object({ taskId: z.string() }) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await cockpit.warnings.dispatch(request.actor, request.params.id, request.body ?? {})),
    );
    r.get(
      '/api/cockpit/layout',
      { schema: { tags, summary: 'My big-screen layout (by my roles)', response: { 200: S.layoutSchema } } },
      async (request) => cockpit.admin.layoutFor(request.actor),
    );
    r.put(
      '/api/cockpit/layouts/:role',
      {
        schema: {
          tags,
          summary: 'Set a role’s big-screen layout (panel order and visibility)',
          params: z.object({ role: z.string().min(1).max(64) }),
          body: json,
          response: { 200: S.layoutSchema },
        },
      },
      async (request) => cockpit.admin.setLayout(request.actor, request.params.role, request.body),
    );
    r.get(
      '/api/cockpit/layouts/:role',
      {
        schema: {
          tags,
          summary: 'A role’s saved big-screen layout (the default when none is saved)',
          params: z.object({ role: z.string().min(1).max(64) }),
          response: { 200: S.layoutSchema },
        },
      },
      async (request) => cockpit.admin.layoutOfRole(request.actor, request.params.role),
    );
    r.get(
      '/api/cockpit/reported/:id/evidence/:fileId',
      {
        schema: {
          tags,
          summary: 'Download an evidence file of a reported figure',
          params: z.object({ id: uuid, fileId: uuid }),
        },
      },
      async (request, reply) => {
        const file = await cockpit.admin.evidence(request.actor, request.params.id, request.params.fileId);
        return reply
          .type(file.mime)
          .header('cache-control', 'private, max-age=86400')
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .send(file.content);
      },
    );
    r.get(
      '/api/cockpit/reports',
      { schema: { tags, summary: 'Weekly indicator reports', response: { 200: listOf(S.reportSchema) } } },
      async (request) => cockpit.reports.list(request.actor),
    );
    r.post(
      '/api/cockpit/reports',
      {
        schema: {
          tags,
          summary: 'Generate this week’s report now (PDF and XLSX)',
          response: { 201: z.object({ id: z.string().nullable() }) },
        },
      },
      async (request, reply) => reply.code(201).send(await cockpit.reports.generateNow(request.actor)),
    );
    r.get(
      '/api/cockpit/reports/:id/file',
      {
        schema: {
          tags,
          summary: 'Download a weekly report as PDF or XLSX, in Chinese (default) or English',
          params: z.object({ id: uuid }),
          querystring: z.object({
            format: z.enum(['pdf', 'xlsx']),
            locale: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
          }),
        },
      },
      async (request, reply) => {
        const { format, locale } = request.query;
        const file = await cockpit.reports.file(request.actor, request.params.id, format, locale);
        return reply
          .type(file.mime)
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .send(file.content);
      },
    );
    r.get(
      '/api/cockpit/consistency',
      {
        schema: {
          tags,
          summary: 'Compare the incremental counters with a recomputation from source data',
          response: { 200: S.consistencySchema },
        },
      },
      async (request) => {
        requirePermission(request.actor, P.manage);
        const [stored, fresh] = await Promise.all([
          storedTallies(kernel.db),
          recomputeFromSource(kernel.db, district),
        ]);
        const key = (t: { measure: string; month: string; scope_type: string; scope_code: string }) =>
          `${t.measure}|${t.month}|${t.scope_type}|${t.scope_code}`;
        const a = new Map(stored.map((t) => [key(t), t.value]));
        const b = new Map(fresh.map((t) => [key(t), t.value]));
        let mismatches = 0;
        for (const k of new Set([...a.keys(), ...b.keys()]))
          if ((a.get(k) ?? 0) !== (b.get(k) ?? 0)) mismatches++;
        return { counters: b.size, mismatches, checkedAt: kernel.clock.now().toISOString() };
      },
    );
    r.post(
      '/api/cockpit/rebuild',
      {
        schema: {
          tags,
          summary: 'Recompute every counter from source data (after bulk loads)',
          response: { 200: z.object({ counters: z.number() }) },
        },
      },
      async (request) => {
        requirePermission(request.actor, P.manage);
        return { counters: await cockpit.rebuild() };
      },
    );
  };
}
