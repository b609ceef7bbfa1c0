import type { Kernel } from '@zhizhi/kernel';
import { requireAuthenticated, requirePermission } from '@zhizhi/kernel/access';
import { qrSvg } from '@zhizhi/kernel/codes';
import { REGULATION_PERMISSIONS as P } from '@zhizhi/regulation';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { uuid } from '../schemas';

const json = z.record(z.string(), z.unknown());
const version = z.object({ expectedVersion: z.number().int().min(1) });
const idOrCode = z.string().min(1).max(64);
const token = z.object({ token: z.string().min(4).max(64) });

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
        },
      },
      async (request) => {
        const subject = await reg.subjects.get(request.actor, request.params.id);
        const [history, records, ratings, inspections, warnings] = await Promise.all([
          reg.subjects.history(request.actor, subject.id),
          reg.credit.records(request.actor, subject.id),
          reg.credit.ratings(request.actor, subject.id),
          reg.inspections.list(request.actor, { subjectId: subject.id }),
          reg.credit.warnings(request.actor, {}).then((w) => w.filter((x) => x.subjectId === subject.id)),
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
    r.get(
      '/api/regulation/rule-sets',
      { schema: { tags, summary: 'The rating rule sets (newest versions) with their scopes' } },
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
        },
      },
      async (request) => {
        const definition = { ...request.body.definition, code: request.params.code };
        return reg.credit.saveRuleSet(request.actor, definition, request.body.appliesTo);
      },
    );
    r.post(
      '/api/regulation/rerate',
      { schema: { tags, summary: 'Re-rate every subject now (returns how many classes or scores changed)' } },
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
        },
      },
      async (request) => ({ items: await reg.credit.warnings(request.actor, request.query) }),
    );
    r.post(
      '/api/regulation/warnings/:id/acknowledge',
      { schema: { tags, summary: 'Acknowledge a warning', params: z.object({ id: uuid }) } },
      async (request) => reg.credit.acknowledge(request.actor, request.params.id),
    );

    // ── Items, roster, plans and the draw ──────────────────────────────────
    r.get(
      '/api/regulation/items',
      { schema: { tags, summary: 'The inspection item list (检查事项清单)' } },
      async (request) => {
        requirePermission(request.actor, P.read);
        return { items: await reg.roster.listItems() };
      },
    );
    r.put(
      '/api/regulation/items/:code',
      {
        schema: {
          tags,
          summary: 'Add or change an inspection item',
          params: z.object({ code: z.string().max(40) }),
          body: json,
        },
      },
      async (request) => reg.roster.saveItem(request.actor, { ...request.body, code: request.params.code }),
    );
    r.get(
      '/api/regulation/inspectors',
      { schema: { tags, summary: 'The inspector roster' } },
      async (request) => {
        requirePermission(request.actor, P.read);
        return { items: await reg.roster.listInspectors() };
      },
    );
    r.post(
      '/api/regulation/inspectors',
      { schema: { tags, summary: 'Add an inspector to the roster', body: json } },
      async (request, reply) =>
        reply.code(201).send(await reg.roster.saveInspector(request.actor, request.body)),
    );
    r.put(
      '/api/regulation/inspectors/:id',
      {
        schema: {
          tags,
          summary: 'Change an inspector (qualifications, declared conflicts, active)',
          params: z.object({ id: uuid }),
          body: json,
        },
      },
      async (request) => reg.roster.saveInspector(request.actor, request.body, request.params.id),
    );
    r.get(
      '/api/regulation/plans',
      { schema: { tags, summary: 'Sampling plans, newest first' } },
      async (request) => ({
        items: await reg.plans.list(request.actor),
      }),
    );
    r.post(
      '/api/regulation/plans',
      {
        schema: {
          tags,
          summary: 'Prepare a sampling plan (items with ratios per credit class, townships)',
          body: json,
        },
      },
      async (request, reply) => reply.code(201).send(await reg.plans.create(request.actor, request.body)),
    );
    r.get(
      '/api/regulation/plans/:id',
      {
        schema: { tags, summary: 'A plan with its draw and inspections', params: z.object({ id: idOrCode }) },
      },
      async (request) => {
        const plan = await reg.plans.get(request.actor, request.params.id);
        const { seed, ...shown } = plan;
        return {
          plan: { ...shown, seed: plan.seedPublishedAt ? seed : null },
          inspections: await reg.inspections.list(request.actor, { planId: plan.id }),
        };
      },
    );
    r.post(
      '/api/regulation/plans/:id/commit',
      {
        schema: {
          tags,
          summary: 'Freeze the rosters and publish the plan with the seed’s hash',
          params: z.object({ id: uuid }),
        },
      },
      async (request) => {
        const { seed: _seed, ...plan } = await reg.plans.commit(request.actor, request.params.id);
        return plan;
      },
    );
    r.post(
      '/api/regulation/plans/:id/draw',
      {
        schema: {
          tags,
          summary: 'Run the draw; publishes the result and the seed and opens the inspections',
          params: z.object({ id: uuid }),
        },
      },
      async (request) => reg.plans.draw(request.actor, request.params.id),
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
        },
      },
      async (request) => ({ items: await reg.inspections.list(request.actor, request.query) }),
    );
    r.get(
      '/api/regulation/inspections/mine',
      { schema: { tags, summary: 'The signed-in inspector’s open visits' } },
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
        },
      },
      async (request) => {
        requirePermission(request.actor, P.read);
        const from = new Date(`${request.query.from}T00:00:00+08:00`);
        const to = new Date(new Date(`${request.query.to}T00:00:00+08:00`).getTime() + 86_400_000);
        return { items: await reg.indicators(from, to) };
      },
    );

    // ── Public: draws, results, shop codes ─────────────────────────────────
    r.get(
      '/api/public/regulation/draws',
      { schema: { tags: ['public'], summary: 'Committed and drawn sampling plans (抽查公示)' } },
      async () => ({
        items: await reg.plans.listPublic(),
      }),
    );
    r.get(
      '/api/public/regulation/draws/:id/proof',
      {
        schema: {
          tags: ['public'],
          summary:
            'The draw’s proof document: plan input, seed commitment, result and (once published) the seed',
          params: z.object({ id: idOrCode }),
        },
      },
      async (request) => reg.plans.proof(request.params.id),
    );
    r.get(
      '/api/public/regulation/results',
      {
        schema: {
          tags: ['public'],
          summary: 'Published inspection results (双随机一公开), newest first',
          querystring: z.object({
            q: z.string().max(60).optional(),
            planId: uuid.optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
            offset: z.coerce.number().int().min(0).max(100_000).optional(),
          }),
        },
      },
      async (request) => ({ items: await reg.inspections.published(request.query) }),
    );
    r.get(
      '/api/public/shops/:token',
      {
        schema: {
          tags: ['public'],
          summary: '众安码: the shop page and the actions open to whoever scanned it',
          params: token,
        },
      },
      async (request) => reg.shops.page(request.params.token, request.actor),
    );
    r.post(
      '/api/public/shops/:token/reviews',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['public'],
          summary: '码上评价: rate the shop 1–5 stars (once a day per client)',
          params: token,
          body: z.object({ stars: z.number().int(), comment: z.string().max(500).optional() }),
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await reg.shops.review(
              request.params.token,
              request.body,
              `${request.ip}|${request.headers['user-agent'] ?? ''}`,
            ),
          ),
    );
    r.post(
      '/api/public/shops/:token/help',
      {
        schema: {
          tags: ['public'],
          summary: '码上帮办: the shop (signed in on the portal) asks for help; a case is opened',
          params: token,
          body: z.object({ question: z.string().max(4000) }),
        },
      },
      async (request, reply) => {
        requireAuthenticated(request.actor);
        return reply
          .code(201)
          .send(await reg.shops.askForHelp(request.actor, request.params.token, request.body.question));
      },
    );
    r.post(
      '/api/public/shops/:token/inspections/:id/reply',
      {
        schema: {
          tags: ['public'],
          summary: '码上整改: the shop reports its rectification (text and photos)',
          params: token.extend({ id: uuid }),
          body: json,
        },
      },
      async (request) => {
        requireAuthenticated(request.actor);
        return reg.inspections.reply(request.actor, request.params.id, request.body);
      },
    );
    r.get(
      '/api/applicant/regulation',
      {
        schema: {
          tags: ['applicant'],
          summary: 'The signed-in enterprise’s credit records, classes and shop code',
        },
      },
      async (request) => {
        requireAuthenticated(request.actor);
        const own = await reg.shops.own(request.actor);
        return { ...own, codeUrl: codeUrl(own.codeToken) };
      },
    );
    r.post(
      '/api/applicant/regulation/repairs',
      {
        schema: {
          tags: ['applicant'],
          summary: '信用修复: apply to have an adverse record repaired (reviewed by its department)',
          body: z.object({
            recordId: uuid,
            reason: z.string().max(4000),
            evidence: z.array(uuid).max(10).optional(),
          }),
        },
      },
      async (request, reply) => {
        requireAuthenticated(request.actor);
        return reply.code(201).send(await reg.shops.applyForRepair(request.actor, request.body));
      },
    );
  };
}
