import type { Kernel } from '@zhizhi/kernel';
import { requireAuthenticated, requirePermission } from '@zhizhi/kernel/access';
import { InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { CASE_TYPES, presentMatter, RATING_INDICATORS, SERVICES_PERMISSIONS } from '@zhizhi/services';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { uuid } from '../schemas';

const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;
const matterCode = z.string().min(5).max(40);
const division = z.string().regex(/^\d{12}$/);
const json = z.record(z.string(), z.unknown());
const scores = z.object(Object.fromEntries(RATING_INDICATORS.map((i) => [i.code, z.number()]))) as z.ZodType<
  Record<string, number>
>;

function fileName(header: unknown): string {
  if (typeof header !== 'string' || !header) return 'material';
  try {
    return decodeURIComponent(header).slice(0, 200);
  } catch {
    return header.slice(0, 200);
  }
}

/** 一网通办: the public catalogue, applications, handling, tracking, certificates and 好差评. */
export function servicesRoutes(kernel: Kernel, modules: Modules) {
  const services = modules.services;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['services'];
    // Materials arrive as the raw request body (the bytes decide the type, not the header).
    app.addContentTypeParser(
      ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_MATERIAL_BYTES },
      (_request, body, done) => done(null, body),
    );

    // ── The catalogue (public) ─────────────────────────────────────────────
    r.get(
      '/api/services/matters',
      {
        schema: {
          tags,
          summary: 'Matters offered in a division (or all), newest versions; q searches names and codes',
          querystring: z.object({
            divisionCode: division.optional(),
            departmentCode: z.string().max(32).optional(),
            q: z.string().max(60).optional(),
          }),
        },
      },
      async (request) => {
        const { divisionCode, departmentCode, q } = request.query;
        const matters = await services.catalogue.listMatters({ divisionCode, departmentCode });
        const needle = q?.trim().toLowerCase();
        return {
          items: matters
            .filter(
              (m) =>
                !needle ||
                m.code.toLowerCase().includes(needle) ||
                m.name.zh.includes(needle) ||
                m.name.en.toLowerCase().includes(needle),
            )
            .map(presentMatter),
        };
      },
    );
    r.get(
      '/api/services/matters/:code',
      {
        schema: {
          tags,
          summary: 'One matter with its guide, limits, materials, fees and form fields',
          params: z.object({ code: matterCode }),
          querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
        },
      },
      async (request) => {
        const matter = await services.catalogue.getMatter(request.params.code, request.query.version);
        return { matter, plan: await services.applications.planPreview({ matterCode: matter.code }) };
      },
    );
    r.get(
      '/api/services/bundles',
      { schema: { tags, summary: '“One thing” bundles (一件事)' } },
      async () => ({
        items: await services.catalogue.listBundles(),
      }),
    );
    r.post(
      '/api/services/bundles/:code/plan',
      {
        schema: {
          tags,
          summary: 'Work out a bundle for the answers: applicable matters, one form, one material set',
          params: z.object({ code: z.string().max(64) }),
          body: z.object({ answers: json }),
        },
      },
      async (request) =>
        services.applications.planPreview({ bundleCode: request.params.code, answers: request.body.answers }),
    );
    r.get(
      '/api/services/dictionary',
      { schema: { tags, summary: 'The shared field dictionary' } },
      async () => ({
        items: [...(await services.catalogue.dictionary()).values()].sort((a, b) =>
          a.code.localeCompare(b.code),
        ),
      }),
    );

    // ── Applications (applicants, and window staff on their behalf) ───────
    r.post(
      '/api/services/applications',
      {
        schema: {
          tags,
          summary: 'Start a draft for a bundle or one matter; pre-filled through the sharing gateway',
          body: z.object({
            bundleCode: z.string().max(64).optional(),
            answers: json.optional(),
            matterCode: matterCode.optional(),
            divisionCode: division,
            channel: z.enum(['window', 'web', 'mobile', 'kiosk']).optional(),
            onBehalfOf: z
              .object({ kind: z.enum(['citizen', 'enterprise']), identifier: z.string().min(15).max(18) })
              .optional(),
          }),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.applications.start(request.actor, request.body)),
    );
    r.get(
      '/api/services/applications',
      { schema: { tags, summary: 'My applications (or those I made at the window)' } },
      async (request) => ({
        items: await services.applications.listMine(request.actor),
      }),
    );
    r.get(
      '/api/services/applications/:id',
      {
        schema: {
          tags,
          summary: 'An application: plan, form with sources, materials, cases',
          params: z.object({ id: uuid }),
        },
      },
      async (request) => {
        const view = await services.applications.view(request.actor, request.params.id);
        return { ...view, ratings: await services.ratings.ratingsOf(request.params.id) };
      },
    );
    r.put(
      '/api/services/applications/:id',
      {
        schema: {
          tags,
          summary: 'Save a draft: form values and the commitments signed (告知承诺)',
          params: z.object({ id: uuid }),
          body: z.object({
            form: json.optional(),
            commitments: z.array(matterCode).max(20).optional(),
            expectedVersion: z.number().int().min(1).optional(),
          }),
        },
      },
      async (request) => services.applications.saveDraft(request.actor, request.params.id, request.body),
    );
    r.post(
      '/api/services/applications/:id/materials/:key',
      {
        schema: {
          tags,
          summary: 'Upload a material (PDF/JPEG/PNG as the body, name in x-file-name); type and size checked',
          params: z.object({ id: uuid, key: z.string().max(80) }),
          headers: z.object({ 'x-file-name': z.string().max(600).optional() }),
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0)
          throw new InputError('files.empty', 'Send the file as the request body.');
        const result = await services.applications.attachMaterial(
          request.actor,
          request.params.id,
          request.params.key,
          {
            name: fileName(request.headers['x-file-name']),
            content: request.body,
          },
        );
        return reply.code(201).send(result);
      },
    );
    r.delete(
      '/api/services/applications/:id/materials/:key/:fileId',
      {
        schema: {
          tags,
          summary: 'Remove an uploaded file from a draft',
          params: z.object({ id: uuid, key: z.string().max(80), fileId: uuid }),
        },
      },
      async (request) =>
        services.applications.removeMaterial(
          request.actor,
          request.params.id,
          request.params.key,
          request.params.fileId,
        ),
    );
    r.get(
      '/api/services/applications/:id/files/:fileId',
      {
        schema: {
          tags,
          summary: 'Download a material of an application one may see',
          params: z.object({ id: uuid, fileId: uuid }),
        },
      },
      async (request, reply) => {
        const row = await services.applications.load(request.actor, request.params.id);
        if (!Object.values(row.materials).some((m) => m.fileIds.includes(request.params.fileId)))
          throw new NotFoundError('files.file.not_found', 'No such file.');
        const file = await kernel.files.read(request.params.fileId);
        return reply
          .type(file.mime)
          .header('cache-control', 'private, max-age=86400')
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .send(file.content);
      },
    );
    r.post(
      '/api/services/applications/:id/submit',
      {
        schema: {
          tags,
          summary:
            'Submit: every check at once, then the overall case and one case per matter; answers the query password once',
          params: z.object({ id: uuid }),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.applications.submit(request.actor, request.params.id)),
    );
    r.post(
      '/api/services/applications/:id/cases/:caseId/supplement',
      {
        schema: {
          tags,
          summary: '补正: hand in what was asked (upload first); the clock resumes',
          params: z.object({ id: uuid, caseId: uuid }),
          body: z.object({ note: z.string().max(500).nullish() }),
        },
      },
      async (request) =>
        services.applications.supplement(
          request.actor,
          request.params.id,
          request.params.caseId,
          request.body.note,
        ),
    );
    r.post(
      '/api/services/applications/:id/rating',
      {
        schema: {
          tags,
          summary:
            '好差评: rate a concluded application (1–5 on each indicator); a bad rating opens a rectification case',
          params: z.object({ id: uuid }),
          body: z.object({ scores, comment: z.string().max(1000).nullish() }),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await services.ratings.rate(request.actor, request.params.id, request.body)),
    );
    r.get(
      '/api/services/notices',
      { schema: { tags, summary: 'Messages to the signed-in applicant' } },
      async (request) => ({
        items: await services.applications.notices(request.actor),
      }),
    );

    // ── Handling (department staff) ───────────────────────────────────────
    r.get(
      '/api/services/queue',
      {
        schema: {
          tags,
          summary: 'Matter cases of my department to handle (受理/审查/补正), oldest deadline first',
          querystring: z.object({
            state: z
              .enum(['received', 'reviewing', 'supplement', 'approved', 'refused', 'not_accepted'])
              .optional(),
            open: z.enum(['true', 'false']).optional(),
          }),
        },
      },
      async (request) => {
        requirePermission(request.actor, SERVICES_PERMISSIONS.read);
        const { state, open } = request.query;
        return kernel.cases.listCases(request.actor, {
          typeCode: CASE_TYPES.matter,
          ...(state ? { states: [state] } : {}),
          ...(open ? { open: open === 'true' } : {}),
          limit: 200,
        });
      },
    );
    r.get(
      '/api/services/cases/:caseId',
      {
        schema: {
          tags,
          summary: 'A matter case with its application (form, sources, materials) for the handler',
          params: z.object({ caseId: uuid }),
        },
      },
      async (request) => services.applications.caseView(request.actor, request.params.caseId),
    );
    r.post(
      '/api/services/cases/:caseId/steps',
      {
        schema: {
          tags,
          summary: 'Take a step on a matter case (accept, request_supplement, approve, refuse, not_accept)',
          params: z.object({ caseId: uuid }),
          body: z.object({
            transition: z.enum(['accept', 'request_supplement', 'approve', 'refuse', 'not_accept']),
            expectedVersion: z.number().int().min(1),
            note: z.string().max(2000).nullish(),
            data: json.optional(),
          }),
        },
      },
      async (request) => {
        requireAuthenticated(request.actor);
        const updated = await services.decisions.handle(request.actor, request.params.caseId, request.body);
        return { id: updated.id, number: updated.number, state: updated.state, version: updated.version };
      },
    );

    // ── Catalogue editing (department admins) ─────────────────────────────
    r.put(
      '/api/services/catalogue/fields',
      { schema: { tags, summary: 'Add or change a dictionary field', body: json } },
      async (request) => services.catalogue.putField(request.actor, request.body),
    );
    r.post(
      '/api/services/catalogue/matters',
      {
        schema: {
          tags,
          summary: 'Publish a matter version (a new version only when it changed)',
          body: json,
        },
      },
      async (request) => services.catalogue.publishMatter(request.actor, request.body),
    );
    r.put(
      '/api/services/catalogue/bundles',
      { schema: { tags, summary: 'Add or change a bundle', body: json } },
      async (request) => services.catalogue.putBundle(request.actor, request.body),
    );

    // ── Indicators and published ratings ──────────────────────────────────
    r.get(
      '/api/services/indicators',
      {
        schema: {
          tags,
          summary: 'Live service indicators for a period, by township and department',
          querystring: z.object({ from: z.string().date().optional(), to: z.string().date().optional() }),
        },
      },
      async (request) => {
        requirePermission(request.actor, SERVICES_PERMISSIONS.read);
        const to = request.query.to ? new Date(`${request.query.to}T00:00:00+08:00`) : kernel.clock.now();
        const from = request.query.from
          ? new Date(`${request.query.from}T00:00:00+08:00`)
          : new Date(to.getTime() - 30 * 86_400_000);
        return { from: from.toISOString(), to: to.toISOString(), items: await services.indicators(from, to) };
      },
    );

    // ── Public: tracking, certificates, published ratings ─────────────────
    r.post(
      '/api/public/services/track',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: '办件查询: progress by application number and 6-digit query password (no personal data)',
          body: z.object({ number: z.string().max(40), password: z.string().max(12) }),
        },
      },
      async (request) => services.publicViews.track(request.body.number, request.body.password),
    );
    r.get(
      '/api/public/services/certificates/:token',
      {
        schema: {
          tags,
          summary: 'A certificate behind its signed code (一码通服): valid or revoked, what it certifies',
          params: z.object({ token: z.string().max(64) }),
        },
      },
      async (request) => services.publicViews.certificate(request.params.token),
    );
    r.get(
      '/api/public/services/ratings',
      { schema: { tags, summary: '好差评 results published by department' } },
      async () => ({ items: await services.ratings.published(), indicators: RATING_INDICATORS }),
    );
  };
}
