import type { Kernel } from '@zhizhi/kernel';
import { requireAuthenticated } from '@zhizhi/kernel/access';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { listOf, uuid } from '../schemas';
import * as S from './regulation-schemas';

const json = z.record(z.string(), z.unknown());
const idOrCode = z.string().min(1).max(64);
const token = z.object({ token: z.string().min(4).max(64) });

/** Regulation (public and the enterprise's own): draw proofs, results, 众安码 shop pages, credit, repair. */
export function regulationPublicRoutes(_kernel: Kernel, modules: Modules) {
  const reg = modules.regulation;
  const codeUrl = (t: string) => `${modules.publicUrl}/c/${encodeURIComponent(t)}`;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    // ── Public: draws, results, shop codes ─────────────────────────────────
    r.get(
      '/api/public/regulation/draws',
      {
        schema: {
          tags: ['public'],
          summary: 'Committed and drawn sampling plans (抽查公示)',
          response: { 200: listOf(S.publicDrawSchema) },
        },
      },
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
          response: { 200: S.drawProofSchema },
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
          response: { 200: listOf(S.publishedResultSchema) },
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
          response: { 200: S.shopPageSchema },
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
          response: { 201: z.object({ id: uuid, stars: z.number().int() }) },
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
          response: { 201: S.openedCaseSchema },
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
          response: { 200: S.inspectionSchema },
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
          response: { 200: S.ownCreditSchema },
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
          response: { 201: S.openedCaseSchema },
        },
      },
      async (request, reply) => {
        requireAuthenticated(request.actor);
        return reply.code(201).send(await reg.shops.applyForRepair(request.actor, request.body));
      },
    );
  };
}
