import type { Kernel } from '@zhizhi/kernel';
import { requirePermission } from '@zhizhi/kernel/access';
import { qrSvg } from '@zhizhi/kernel/codes';
import { REGULATION_PERMISSIONS as P } from '@zhizhi/regulation';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { listOf, uuid } from '../schemas';
import * as S from './regulation-schemas';

const json = z.record(z.string(), z.unknown());
const version = z.object({ expectedVersion: z.number().int().min(1) });
const idOrCode = z.string().min(1).max(64);
const _token = z.object({ token: z.string().min(4).max(64) });

/** Regulation (staff): subjects, credit, rules, warnings, items, roster, plans, draws, inspections. */
export function regulationRoutes(kernel: Kernel, modules: Modules) {
  const reg = modules.regulation;
  const codeUrl = (t: string) => `${modules.publicUrl}/c/${encodeURIComponent(t)}`;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['regulation'];

    // ── Market subjects and credit ─────────────────────────────────────────
    r.get(
      '/api/regulation/subjects',
      {
        schema: {
          tags,
          summary: 'Search market subjects by name, credit code, legal representative or address',
          querystring: z.object({
            q: z.string().max(100).optional(),
            kind: z.enum(['enterprise', 'individual', 'cooperative', 'shop']).optional(),
            divisionCode: z
              .string()
              .regex(/^\d{12}$/)
              .optional(),
            creditClass: z.enum(['A', 'B', 'C', 'D']).optional(),
            departmentCode: z.string().max(32).optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
            offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
          }),
          response: { 200: S.subjectSearchSchema },
        },
      },
      async (request) => reg.subjects.search(request.actor, request.query),
    );
    r.get(
      '/api/regulation/subject-names',
      {
        schema: {
          tags,
          summary: 'Names of subjects by id (for rosters, conflicts and shortfalls that list only ids)',
          querystring: z.object({ ids: z.string().max(40 * 200) }),
          response: { 200: z.object({ names: z.record(z.string(), z.string()) }) },
        },
      },
      async (request) => {
        const ids = request.query.ids
          .split(',')
          .filter((id) => /^[0-9a-f-]{36}$/i.test(id))
          .slice(0, 200);
        requirePermission(request.actor, P.read);
        const found = await reg.subjects.byIds(kernel.db, ids);
        return { names: Object.fromEntries([...found].map(([id, row]) => [id, row.name])) };
      },
    );
    r.post(
      '/api/regulation/subjects',
      {
        schema: {
          tags,
          summary:
            'Register a market subject (a wrong check character is a warning: resend with acceptCheckWarning)',
          body: json,
          response: { 201: S.subjectSchema },
        },
      },
      async (request, reply) => {
        const { acceptCheckWarning, ...input } = request.body;
        const row = await reg.subjects.register(request.actor, input, {
          acceptCheckWarning: acceptCheckWarning === true,
        });
        return reply.code(201).send(row);
      },
    );
    r.get(
      '/api/regulation/subjects/:id',
      {
        schema: {
          tags,
          summary:
            'A subject’s profile: registration, history, records, classes with explanations, inspections, code',
          params: z.object({ id: idOrCode }),
          response: { 200: S.subjectProfileSchema },
        },
      },
      async (request) => {
        const subject = await reg.subjects.get(request.actor, request.params.id);
        const [history, records, ratings, inspections, warnings] = await Promise.all([
          reg.subjects.history(request.actor, subject.id),
          reg.credit.records(request.actor, subject.id),
          reg.credit.ratings(request.actor, subject.id),
          reg.inspections.list(request.actor, { subjectId: subject.id }),
          reg.credit.warnings(request.actor, { subjectId: subject.id }),
        ]);
        const code =
          subject.kind === 'shop' || subject.kind === 'individual'
            ? await reg.shops.codeOf(subject.id)
            : null;
        return {
          subject,
          history,
          records,
          ratings,
          inspections,
          warnings,
          code: code
            ? { token: code.token, url: codeUrl(code.token), qrSvg: await qrSvg(codeUrl(code.token)) }
            : null,
        };
      },
    );
    r.patch(
      '/api/regulation/subjects/:id',
      {
        schema: {
          tags,
          summary: 'Change a subject (kept in its history; expectedVersion guards against lost updates)',
          params: z.object({ id: uuid }),
          body: json,
          response: { 200: S.subjectSchema },
        },
      },
      async (request) => {
        const { expectedVersion, ...rest } = request.body;
        return reg.subjects.update(request.actor, request.params.id, {
          ...rest,
          expectedVersion: Number(expectedVersion),
        });
      },
    );
    r.post(
      '/api/regulation/subjects/:id/records',
      {
        schema: {
          tags,
          summary: 'Add a credit record by hand (a department’s decision); the subject is re-rated',
          params: z.object({ id: uuid }),
          body: z.object({
            source: z.enum(['licence', 'penalty', 'inspection', 'complaint', 'court', 'tax', 'commitment']),
            departmentCode: z.string().min(1).max(32),
            date: z.string().max(40),
            validUntil: z.string().max(40).nullable().optional(),
            severity: z.number().int().min(0).max(100),
            data: json.optional(),
            summary: z.string().min(1).max(500),
          }),
          response: { 201: S.recordSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await reg.credit.addRecordByHand(request.actor, {
            ...request.body,
            subjectId: request.params.id,
          }),
        ),
    );
    r.post(
      '/api/regulation/records/import',
      {
        schema: {
          tags,
          summary:
            '应归尽归: import the credit records a department shares (12315 complaints, court, tax …) by credit code; all rows or none, re-imports skipped',
          body: z.object({ departmentCode: z.string().max(32), rows: z.array(json).max(5000) }),
          response: {
            200: z.object({ rows: z.number().int(), added: z.number().int(), skipped: z.number().int() }),
          },
        },
      },
      async (request) => reg.credit.importRecords(request.actor, request.body),
    );
    r.get(
      '/api/regulation/rule-sets',
      {
        schema: {
          tags,
          summary: 'The rating rule sets (newest versions) with their scopes',
          response: { 200: listOf(S.ruleSetSchema) },
        },
      },
      async (request) => ({ items: await reg.credit.listRuleSets(request.actor) }),
    );
    r.put(
      '/api/regulation/rule-sets/:code',
      {
        schema: {
          tags,
          summary: 'Save a new version of a rule set (checked and compiled first); everyone is re-rated',
          params: z.object({ code: z.string().min(1).max(48) }),
          body: z.object({
            definition: json,
            appliesTo: z
              .object({
                industryPrefixes: z.array(z.string().max(5)).max(50),
                licenceTypes: z.array(z.string().max(60)).max(20),
              })
              .optional(),
          }),
          response: { 200: z.object({ code: z.string(), version: z.number().int() }) },
        },
      },
      async (request) => {
        const definition = { ...request.body.definition, code: request.params.code };
        return reg.credit.saveRuleSet(request.actor, definition, request.body.appliesTo);
      },
    );
    r.post(
      '/api/regulation/rerate',
      {
        schema: {
          tags,
          summary: 'Re-rate every subject now (returns how many classes or scores changed)',
          response: { 200: z.object({ subjects: z.number().int(), changed: z.number().int() }) },
        },
      },
      async (request) => {
        requirePermission(request.actor, P.manageRules);
        return reg.credit.rerateAll('schedule');
      },
    );
    r.get(
      '/api/regulation/warnings',
      {
        schema: {
          tags,
          summary: 'Early warnings (信用预警), newest first',
          querystring: z.object({
            status: z.enum(['open', 'acknowledged']).optional(),
            departmentCode: z.string().max(32).optional(),
          }),
          response: { 200: listOf(S.listedWarningSchema) },
        },
      },
      async (request) => ({ items: await reg.credit.warnings(request.actor, request.query) }),
    );
    r.post(
      '/api/regulation/warnings/:id/acknowledge',
      {
        schema: {
          tags,
          summary: 'Acknowledge a warning',
          params: z.object({ id: uuid }),
          response: { 200: S.warningSchema },
        },
      },
      async (request) => reg.credit.acknowledge(request.actor, request.params.id),
    );

    // ── Inspections ─────────────────────────────────────────────────────────
    r.get(
      '/api/regulation/inspections',
      {
        schema: {
          tags,
          summary: 'Inspections by plan, subject or status',
          querystring: z.object({
            planId: uuid.optional(),
            subjectId: uuid.optional(),
            status: z.enum(['assigned', 'rectifying', 'reinspecting', 'to_publish', 'published']).optional(),
          }),
          response: { 200: listOf(S.listedInspectionSchema) },
        },
      },
      async (request) => ({ items: await reg.inspections.list(request.actor, request.query) }),
    );
    r.get(
      '/api/regulation/inspections/mine',
      {
        schema: {
          tags,
          summary: 'The signed-in inspector’s open visits',
          response: { 200: S.myVisitsSchema },
        },
      },
      async (request) => reg.inspections.mine(request.actor),
    );
    r.post(
      '/api/regulation/inspections',
      {
        schema: {
          tags,
          summary: '码上检查: start a visit on the spot with a partner from the roster',
          body: z.object({
            subjectId: uuid,
            itemCodes: z.array(z.string().max(40)).min(1).max(20),
            partnerId: uuid,
          }),
          response: { 201: S.openedInspectionSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await reg.inspections.startOnSpot(request.actor, request.body)),
    );
    r.get(
      '/api/regulation/inspections/:id',
      {
        schema: {
          tags,
          summary: 'One visit: subject, items and checklists, inspectors, case and clocks',
          params: z.object({ id: uuid }),
          response: { 200: S.inspectionViewSchema },
        },
      },
      async (request) => reg.inspections.get(request.actor, request.params.id),
    );
    r.post(
      '/api/regulation/inspections/:id/record',
      {
        schema: {
          tags,
          summary:
            'Record the result on the spot (checklist, photos, GPS, signatures; a failure orders rectification)',
          params: z.object({ id: uuid }),
          body: json,
          response: { 200: S.inspectionSchema },
        },
      },
      async (request) => reg.inspections.record(request.actor, request.params.id, request.body),
    );
    r.post(
      '/api/regulation/inspections/:id/reinspect',
      {
        schema: {
          tags,
          summary: 'Re-inspect after rectification (a failure is referred for enforcement)',
          params: z.object({ id: uuid }),
          body: json,
          response: { 200: S.inspectionSchema },
        },
      },
      async (request) => reg.inspections.reinspect(request.actor, request.params.id, request.body),
    );
    r.post(
      '/api/regulation/inspections/:id/publish',
      {
        schema: {
          tags,
          summary: 'Publish a concluded visit’s result (双随机一公开)',
          params: z.object({ id: uuid }),
          body: version,
          response: { 200: S.inspectionSchema },
        },
      },
      async (request) => reg.inspections.publish(request.actor, request.params.id, request.body),
    );
    r.get(
      '/api/regulation/indicators',
      {
        schema: {
          tags,
          summary:
            'Live indicators for a period: platform rate, coverage by class, on-time rectification and publication, joint share',
          querystring: z.object({ from: z.iso.date(), to: z.iso.date() }),
          response: { 200: listOf(S.indicatorSchema) },
        },
      },
      async (request) => {
        requirePermission(request.actor, P.read);
        const from = new Date(`${request.query.from}T00:00:00+08:00`);
        const to = new Date(new Date(`${request.query.to}T00:00:00+08:00`).getTime() + 86_400_000);
        return { items: await reg.indicators(from, to) };
      },
    );
  };
}
