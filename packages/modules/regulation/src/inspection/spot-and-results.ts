import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '@zhizhi/kernel/errors';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { REGULATION_PERMISSIONS as P } from '../permissions';
import { regulationInspection, regulationPlan, regulationSubject } from '../schema';
import type { PlanService } from './plan-service';
import type { Roster } from './roster';

/** The market subject behind an enterprise applicant account (the shop itself), if any. */
export async function shopSubject(executor: Executor, actor: Actor) {
  if (actor.type !== 'applicant' || actor.applicant?.kind !== 'enterprise') return null;
  const [found] = await executor
    .select({ subject: regulationSubject })
    .from(regulationSubject)
    .innerJoin(sql`identity_enterprise e`, sql`e.uscc = ${regulationSubject.uscc}`)
    .where(sql`e.id = ${actor.applicant.registryId}`);
  return found?.subject ?? null;
}

/** 码上检查 on the spot, and the public list of published results. */
export function createSpotAndResults(kernel: Kernel, deps: { roster: Roster; plans: PlanService }) {
  const { db } = kernel;

  /** 码上检查: an inspector on the roster starts a visit on the spot with a partner from the roster. */
  async function startOnSpot(
    actor: Actor,
    input: { subjectId: string; itemCodes: string[]; partnerId: string },
  ) {
    requirePermission(actor, P.inspect);
    return kernel.transaction(async (tx) => {
      const me = await deps.roster.inspectorOf(tx, actor.id);
      const partner = (await deps.roster.listInspectors(tx)).find(
        (i) => i.id === input.partnerId && i.active,
      );
      if (!me || !partner || partner.id === me.id)
        throw new NotAllowedError(
          'regulation.inspection.not_inspector',
          'Both inspectors must be on the roster.',
        );
      const [subject] = await tx
        .select()
        .from(regulationSubject)
        .where(eq(regulationSubject.id, input.subjectId));
      if (!subject) throw new NotFoundError('regulation.subject.not_found', 'No such market subject.');
      if (me.conflicts.includes(subject.id) || partner.conflicts.includes(subject.id))
        throw new ConflictError(
          'regulation.inspection.recused',
          'An inspector declared a conflict with this subject.',
        );
      const items = (await deps.roster.listItems(tx)).filter(
        (i) => input.itemCodes.includes(i.code) && i.active,
      );
      if (!items.length || items.length !== new Set(input.itemCodes).size)
        throw new InputError('regulation.inspection.invalid_input', 'Choose items from the list.', {
          errors: [{ path: 'itemCodes', message: 'unknown or inactive item' }],
        });
      const [department] = await tx
        .select()
        .from(orgDepartment)
        .where(eq(orgDepartment.code, me.departmentCode));
      const departmentCodes = [...new Set(items.map((i) => i.departmentCode))].sort();
      return deps.plans.openInspection(tx, {
        planId: null,
        subject,
        itemCodes: items.map((i) => i.code).sort(),
        departmentCodes,
        inspectorIds: [me.id, partner.id].sort(),
        joint: departmentCodes.length > 1,
        departmentId: department?.id ?? null,
        itemNames: items.map((i) => i.nameZh).join('；'),
        inspectorNames: [me.name, partner.name].join('、'),
        title: `码上检查：${subject.name}`,
      });
    });
  }

  /** Published results (双随机一公开), newest first; public. */
  async function published(query: { q?: string; planId?: string; limit?: number; offset?: number }) {
    const rows = await db
      .select({
        inspection: regulationInspection,
        name: regulationSubject.name,
        uscc: regulationSubject.uscc,
        plan: regulationPlan.number,
      })
      .from(regulationInspection)
      .innerJoin(regulationSubject, eq(regulationSubject.id, regulationInspection.subjectId))
      .leftJoin(regulationPlan, eq(regulationPlan.id, regulationInspection.planId))
      .where(
        and(
          isNotNull(regulationInspection.publishedAt),
          query.planId ? eq(regulationInspection.planId, query.planId) : undefined,
          query.q
            ? sql`(${regulationSubject.name} like ${`%${query.q}%`} or ${regulationSubject.uscc} = ${query.q.toUpperCase()})`
            : undefined,
        ),
      )
      .orderBy(desc(regulationInspection.publishedAt))
      .limit(Math.min(query.limit ?? 50, 200))
      .offset(query.offset ?? 0);
    const items = new Map((await deps.roster.listItems()).map((i) => [i.code, i]));
    return rows.map((r) => ({
      id: r.inspection.id,
      planNumber: r.plan,
      subjectName: r.name,
      uscc: r.uscc,
      items: r.inspection.itemCodes.map((c) => ({
        code: c,
        zh: items.get(c)?.nameZh ?? c,
        en: items.get(c)?.nameEn ?? c,
      })),
      departmentCodes: r.inspection.departmentCodes,
      joint: r.inspection.joint,
      result: r.inspection.result,
      rectified: r.inspection.result === 'fail' && !r.inspection.referred,
      referred: r.inspection.referred,
      inspectedAt: r.inspection.inspectedAt,
      publishedAt: r.inspection.publishedAt,
    }));
  }

  return { startOnSpot, published };
}
