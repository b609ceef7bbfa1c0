import type { Kernel } from '@zhizhi/kernel';
import { requirePermission } from '@zhizhi/kernel/access';
import { REGULATION_PERMISSIONS as P } from '@zhizhi/regulation';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Modules } from '../modules';
import { listOf, uuid } from '../schemas';
import * as S from './regulation-schemas';

const json = z.record(z.string(), z.unknown());
const _version = z.object({ expectedVersion: z.number().int().min(1) });
const idOrCode = z.string().min(1).max(64);
const _token = z.object({ token: z.string().min(4).max(64) });

/** Regulation (staff): subjects, credit, rules, warnings, items, roster, plans, draws, inspections. */
/** Regulation (staff): the item list, the inspector roster, sampling plans and the draw. */
export function regulationPlanRoutes(_kernel: Kernel, modules: Modules) {
  const reg = modules.regulation;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['regulation'];

    // ── Items, roster, plans and the draw ──────────────────────────────────
    r.get(
      '/api/regulation/items',
      {
        schema: {
          tags,
          summary: 'The inspection item list (检查事项清单)',
          response: { 200: listOf(S.itemSchema) },
        },
      },
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
          response: { 200: S.itemSchema },
        },
      },
      async (request) => reg.roster.saveItem(request.actor, { ...request.body, code: request.params.code }),
    );
    r.get(
      '/api/regulation/inspectors',
      { schema: { tags, summary: 'The inspector roster', response: { 200: listOf(S.inspectorSchema) } } },
      async (request) => {
        requirePermission(request.actor, P.read);
        return { items: await reg.roster.listInspectors() };
      },
    );
    r.post(
      '/api/regulation/inspectors',
      {
        schema: {
          tags,
          summary: 'Add an inspector to the roster',
          body: json,
          response: { 201: S.inspectorSchema },
        },
      },
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
          response: { 200: S.inspectorSchema },
        },
      },
      async (request) => reg.roster.saveInspector(request.actor, request.body, request.params.id),
    );
    r.get(
      '/api/regulation/plans',
      {
        schema: {
          tags,
          summary: 'Sampling plans, newest first',
          response: { 200: listOf(S.planSummarySchema) },
        },
      },
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
          response: { 201: S.planSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await reg.plans.create(request.actor, request.body)),
    );
    r.get(
      '/api/regulation/plans/:id',
      {
        schema: {
          tags,
          summary: 'A plan with its draw and inspections',
          params: z.object({ id: idOrCode }),
          response: { 200: z.object({ plan: S.planSchema, inspections: z.array(S.listedInspectionSchema) }) },
        },
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
          response: { 200: S.committedPlanSchema },
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
          response: { 200: S.planSchema },
        },
      },
      async (request) => reg.plans.draw(request.actor, request.params.id),
    );
  };
}
