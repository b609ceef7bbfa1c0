import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { casesCase } from '@zhizhi/kernel/cases';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '@zhizhi/kernel/errors';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CreditService } from '../credit/credit-service';
import { REGULATION_PERMISSIONS as P } from '../permissions';
import { regulationInspection, regulationPlan, regulationSubject } from '../schema';
import { PUBLICATION_DAYS } from './case-types';
import { createSpotAndResults, shopSubject } from './spot-and-results';
import type { PlanService } from './plan-service';
import type { Roster } from './roster';

export type InspectionRow = typeof regulationInspection.$inferSelect;

/** A visit's states in the only order they are reached (some are skipped). */
const STATUS_ORDER = ['assigned', 'rectifying', 'reinspecting', 'to_publish', 'published'];

const fileIds = (max: number) => z.array(z.uuid()).min(1).max(max);
const recordSchema = z.object({
  expectedVersion: z.number().int().min(1),
  result: z.enum(['pass', 'fail']),
  /** Point code → ok | problem | na, for every point of the visit's items. */
  checklist: z.record(z.string(), z.enum(['ok', 'problem', 'na'])),
  findings: z.string().trim().max(4000).optional(),
  photos: z.array(z.uuid()).max(12).optional(),
  location: z.object({ lng: z.number().min(73).max(136), lat: z.number().min(3).max(54) }),
  signatures: fileIds(4),
  /** Working days to rectify (a failed inspection): 1–60. */
  rectificationDays: z.number().int().min(1).max(60).optional(),
});
const reinspectSchema = z.object({
  expectedVersion: z.number().int().min(1),
  passed: z.boolean(),
  findings: z.string().trim().min(1).max(4000),
  photos: z.array(z.uuid()).max(12).optional(),
});
const replySchema = z.object({
  expectedVersion: z.number().int().min(1),
  reply: z.string().trim().min(1).max(4000),
  photos: z.array(z.uuid()).max(12).optional(),
});

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input ?? {});
  if (!r.success)
    throw new InputError('regulation.inspection.invalid_input', 'The inspection input is invalid.', {
      errors: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  return r.data;
}

/** Beijing calendar day of an instant, YYYY-MM-DD. */
const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Inspections as cases: the inspector records the result on the spot (checklist, photos, GPS,
 * signatures); a failure orders rectification with a deadline; the shop replies through its code;
 * re-inspection passes, or fails and is referred for enforcement; the result is published within
 * 20 working days and becomes a credit record.
 */
export function createInspectionService(
  kernel: Kernel,
  deps: { roster: Roster; plans: PlanService; credit: CreditService },
) {
  const { db, clock } = kernel;

  const spot = createSpotAndResults(kernel, deps);
  const publishDueFrom = (at: Date) => beijingDay(kernel.calendar.addWorkingDays(at, PUBLICATION_DAYS));

  async function row(executor: Executor, id: string): Promise<InspectionRow> {
    const [found] = /^[0-9a-f-]{36}$/i.test(id)
      ? await executor.select().from(regulationInspection).where(eq(regulationInspection.id, id))
      : [];
    if (!found) throw new NotFoundError('regulation.inspection.not_found', 'No such inspection.');
    return found;
  }

  /** The actor's roster entry, when the actor is one of this visit's inspectors. */
  async function asInspector(executor: Executor, actor: Actor, inspection: InspectionRow) {
    requirePermission(actor, P.inspect);
    const me = await deps.roster.inspectorOf(executor, actor.id);
    if (!me || !inspection.inspectorIds.includes(me.id))
      throw new NotAllowedError(
        'regulation.inspection.not_inspector',
        'Only the inspectors drawn for this visit may record it.',
      );
    return me;
  }

  /** The full view of one inspection: subject, items with checklists, inspectors, case and clocks. */
  async function get(actor: Actor, id: string) {
    requirePermission(actor, P.read);
    const inspection = await row(db, id);
    return view(inspection, actor);
  }

  async function view(inspection: InspectionRow, actor: Actor | null) {
    const [subject] = await db
      .select()
      .from(regulationSubject)
      .where(eq(regulationSubject.id, inspection.subjectId));
    const items = (await deps.roster.listItems()).filter((i) => inspection.itemCodes.includes(i.code));
    const inspectors = (await deps.roster.listInspectors()).filter((i) =>
      inspection.inspectorIds.includes(i.id),
    );
    const detail =
      actor && inspection.caseId
        ? await kernel.cases.getCase(actor, inspection.caseId).catch(() => null)
        : null;
    const [plan] = inspection.planId
      ? await db
          .select({
            number: regulationPlan.number,
            nameZh: regulationPlan.nameZh,
            nameEn: regulationPlan.nameEn,
          })
          .from(regulationPlan)
          .where(eq(regulationPlan.id, inspection.planId))
      : [];
    const me = actor ? await deps.roster.inspectorOf(db, actor.id) : null;
    return {
      inspection,
      subject: subject!,
      plan: plan ?? null,
      items,
      inspectors: inspectors.map((i) => ({
        id: i.id,
        name: i.name,
        departmentCode: i.departmentCode,
        badgeNumber: i.badgeNumber,
      })),
      case: detail,
      isInspector: !!me && inspection.inspectorIds.includes(me.id),
    };
  }

  /** Open visits of the signed-in inspector (the mobile work list). */
  async function mine(actor: Actor) {
    requirePermission(actor, P.inspect);
    const me = await deps.roster.inspectorOf(db, actor.id);
    if (!me) return { inspector: null, items: [] };
    const rows = await db
      .select({
        inspection: regulationInspection,
        name: regulationSubject.name,
        address: regulationSubject.address,
        uscc: regulationSubject.uscc,
        caseNumber: casesCase.number,
      })
      .from(regulationInspection)
      .innerJoin(regulationSubject, eq(regulationSubject.id, regulationInspection.subjectId))
      .leftJoin(casesCase, eq(casesCase.id, regulationInspection.caseId))
      .where(
        and(
          sql`${regulationInspection.inspectorIds} @> ${JSON.stringify([me.id])}::jsonb`,
          sql`${regulationInspection.status} <> 'published'`,
        ),
      )
      .orderBy(desc(regulationInspection.createdAt))
      .limit(200);
    return {
      inspector: { id: me.id, name: me.name, departmentCode: me.departmentCode },
      items: rows.map((r) => ({
        ...r.inspection,
        subjectName: r.name,
        address: r.address,
        uscc: r.uscc,
        caseNumber: r.caseNumber,
      })),
    };
  }

  /** Inspections in a plan or on a subject (staff lists). */
  async function list(actor: Actor, query: { planId?: string; subjectId?: string; status?: string }) {
    requirePermission(actor, P.read);
    const rows = await db
      .select({
        inspection: regulationInspection,
        name: regulationSubject.name,
        uscc: regulationSubject.uscc,
        caseNumber: casesCase.number,
      })
      .from(regulationInspection)
      .innerJoin(regulationSubject, eq(regulationSubject.id, regulationInspection.subjectId))
      .leftJoin(casesCase, eq(casesCase.id, regulationInspection.caseId))
      .where(
        and(
          query.planId ? eq(regulationInspection.planId, query.planId) : undefined,
          query.subjectId ? eq(regulationInspection.subjectId, query.subjectId) : undefined,
          query.status ? eq(regulationInspection.status, query.status) : undefined,
        ),
      )
      .orderBy(desc(regulationInspection.createdAt))
      .limit(500);
    return rows.map((r) => ({
      ...r.inspection,
      subjectName: r.name,
      uscc: r.uscc,
      caseNumber: r.caseNumber,
    }));
  }

  async function step(
    tx: Executor,
    actor: Actor,
    inspection: InspectionRow,
    transition: string,
    expectedVersion: number,
    data: Record<string, unknown>,
    extra: { limits?: Record<string, number>; note?: string } = {},
  ) {
    // The module takes the recording steps for the inspector after checking the roster: they are not
    // offered on the generic case pages, so every result goes through these checks.
    const stepper: Actor = {
      ...actor,
      grants: [
        ...actor.grants,
        {
          roleCode: 'inspection',
          permissions: [P.recordStep],
          divisionCode: '000000000000',
          departmentId: null,
        },
      ],
    };
    return kernel.cases.transitionInTransaction(tx, stepper, inspection.caseId!, {
      transition,
      expectedVersion,
      data,
      ...extra,
    });
  }

  /** 登记检查结果. A result recorded twice is refused (`regulation.inspection.already_recorded`). */
  async function record(actor: Actor, id: string, input: unknown) {
    const body = parse(recordSchema, input);
    return kernel.transaction(async (tx) => {
      const inspection = await row(tx, id);
      await asInspector(tx, actor, inspection);
      if (inspection.status !== 'assigned')
        throw new ConflictError(
          'regulation.inspection.already_recorded',
          'The result of this visit is recorded.',
        );
      const points = (await deps.roster.listItems(tx))
        .filter((i) => inspection.itemCodes.includes(i.code))
        .flatMap((i) => i.checklist.map((p) => `${i.code}.${p.code}`));
      const errors = points
        .filter((p) => !body.checklist[p])
        .map((p) => ({ path: `checklist.${p}`, message: 'answer every point' }));
      const unknown = Object.keys(body.checklist).filter((k) => !points.includes(k));
      errors.push(...unknown.map((k) => ({ path: `checklist.${k}`, message: 'not a point of this visit' })));
      const problems = points.filter((p) => body.checklist[p] === 'problem');
      if (body.result === 'pass' && problems.length)
        errors.push({ path: 'result', message: 'a point with a problem means the result is fail' });
      if (body.result === 'fail') {
        if (!problems.length) errors.push({ path: 'checklist', message: 'mark the points with problems' });
        if (!body.findings) errors.push({ path: 'findings', message: 'describe the findings' });
        if (!body.photos?.length) errors.push({ path: 'photos', message: 'add photos of the findings' });
        if (!body.rectificationDays)
          errors.push({ path: 'rectificationDays', message: 'set the rectification period' });
      }
      if (errors.length)
        throw new InputError('regulation.inspection.invalid_input', 'The inspection input is invalid.', {
          errors,
        });
      const now = clock.now();
      const due =
        body.result === 'fail'
          ? beijingDay(kernel.calendar.addWorkingDays(now, body.rectificationDays!))
          : null;
      const data: Record<string, unknown> = {
        result: body.result,
        location: body.location,
        signatures: body.signatures,
        ...(body.findings ? { findings: body.findings } : {}),
        ...(body.photos?.length ? { photos: body.photos } : {}),
        ...(due ? { rectification_due: due } : {}),
      };
      const pass = body.result === 'pass';
      await step(tx, actor, inspection, pass ? 'record_pass' : 'record_fail', body.expectedVersion, data, {
        ...(pass ? {} : { limits: { rectification: body.rectificationDays! } }),
      });
      await tx
        .update(regulationInspection)
        .set({
          status: pass ? 'to_publish' : 'rectifying',
          result: body.result,
          checklist: body.checklist,
          findings: body.findings ?? null,
          rectificationDue: due,
          inspectedAt: now,
          concludedAt: pass ? now : null,
          publishDue: pass ? publishDueFrom(now) : null,
        })
        .where(eq(regulationInspection.id, inspection.id));
      await recordAudit(tx, clock, {
        actor,
        action: 'regulation.inspection.recorded',
        subjectType: 'regulation_inspection',
        subjectId: inspection.id,
        data: { result: body.result },
      });
      return row(tx, inspection.id);
    });
  }

  /** 复查: passes (to publication) or fails (to publication, referred for enforcement). */
  async function reinspect(actor: Actor, id: string, input: unknown) {
    const body = parse(reinspectSchema, input);
    return kernel.transaction(async (tx) => {
      const inspection = await row(tx, id);
      await asInspector(tx, actor, inspection);
      if (inspection.status !== 'reinspecting' && inspection.status !== 'rectifying')
        throw new ConflictError(
          'regulation.inspection.not_rectifying',
          'This visit is not awaiting re-inspection.',
        );
      await step(
        tx,
        actor,
        inspection,
        body.passed ? 'reinspect_pass' : 'reinspect_fail',
        body.expectedVersion,
        {
          reinspection_findings: body.findings,
          ...(body.photos?.length ? { reinspection_photos: body.photos } : {}),
        },
      );
      await tx
        .update(regulationInspection)
        .set({
          status: 'to_publish',
          referred: !body.passed,
          concludedAt: clock.now(),
          publishDue: publishDueFrom(clock.now()),
          rectifiedAt: inspection.rectifiedAt ?? (body.passed ? clock.now() : null),
        })
        .where(eq(regulationInspection.id, inspection.id));
      return row(tx, inspection.id);
    });
  }

  /** 码上整改: the shop (its enterprise account on the portal) answers the rectification order. */
  async function reply(actor: Actor, id: string, input: unknown) {
    const body = parse(replySchema, input);
    return kernel.transaction(async (tx) => {
      const inspection = await row(tx, id);
      const subject = await shopSubject(tx, actor);
      if (!subject || subject.id !== inspection.subjectId)
        throw new NotFoundError('regulation.inspection.not_found', 'No such inspection.');
      if (inspection.status !== 'rectifying')
        throw new ConflictError(
          'regulation.inspection.not_rectifying',
          'No rectification is awaited on this visit.',
        );
      const shop: Actor = {
        ...actor,
        grants: [
          {
            roleCode: 'shop',
            permissions: [P.shopActs, P.read],
            divisionCode: subject.divisionCode,
            departmentId: null,
          },
        ],
      };
      await step(tx, shop, inspection, 'reply', body.expectedVersion, {
        rectification_reply: body.reply,
        ...(body.photos?.length ? { rectification_photos: body.photos } : {}),
      });
      await tx
        .update(regulationInspection)
        .set({ status: 'reinspecting', rectifiedAt: clock.now() })
        .where(eq(regulationInspection.id, inspection.id));
      return row(tx, inspection.id);
    });
  }

  /**
   * 公示: publishes a concluded visit's result (publishing before it is concluded is refused) and
   * adds it to the subject's credit records: a failed first result counts even when rectified.
   */
  async function publish(actor: Actor, id: string, input: { expectedVersion: number }) {
    requirePermission(actor, P.publish);
    return kernel.transaction(async (tx) => {
      const inspection = await row(tx, id);
      if (inspection.status === 'published')
        throw new ConflictError(
          'regulation.inspection.already_published',
          'The result is already published.',
        );
      if (inspection.status !== 'to_publish')
        throw new ConflictError(
          'regulation.inspection.not_concluded',
          'Publish the result once the inspection is concluded.',
        );
      await step(tx, actor, inspection, 'publish', input.expectedVersion, {});
      await afterPublished(tx, inspection);
      return row(tx, inspection.id);
    });
  }

  /** Sets the publication time and adds the credit record (once, whichever path published it). */
  async function afterPublished(tx: Executor, inspection: InspectionRow) {
    const now = clock.now();
    const [updated] = await tx
      .update(regulationInspection)
      .set({ status: 'published', publishedAt: now })
      .where(
        and(eq(regulationInspection.id, inspection.id), sql`${regulationInspection.publishedAt} is null`),
      )
      .returning();
    if (!updated) return;
    const failed = inspection.result === 'fail';
    await deps.credit.addRecord(tx, {
      subjectId: inspection.subjectId,
      source: 'inspection',
      departmentCode: inspection.departmentCodes[0] ?? 'unknown',
      date: inspection.inspectedAt ?? now,
      severity: failed ? (inspection.referred ? 60 : 30) : 0,
      data: { result: failed ? 'fail' : 'pass', rectified: failed && !inspection.referred },
      summary: failed
        ? inspection.referred
          ? '检查发现问题，复查不合格，已移送执法'
          : '检查发现问题，已责令整改并复查合格'
        : '检查未发现问题',
      origin: 'inspection',
      originId: inspection.id,
    });
    await kernel.events.publish(tx, 'regulation.inspection.published', {
      inspectionId: inspection.id,
      subjectId: inspection.subjectId,
      result: inspection.result ?? 'pass',
      planId: inspection.planId,
    });
  }

  /** Keeps the visit's status in step when its case moves through the generic case pages. */
  kernel.events.subscribe('cases.case.transitioned', async (event) => {
    const { typeCode, caseId, to } = event.payload;
    if (typeCode !== 'regulation_inspection' || to === 'assigned') return;
    if (to === 'published') {
      await kernel.transaction(async (tx) => {
        const [found] = await tx
          .select()
          .from(regulationInspection)
          .where(eq(regulationInspection.caseId, caseId));
        if (found) await afterPublished(tx, found);
      });
      return;
    }
    // Events arrive late, out of order and beside the module's own steps: move the visit forward to
    // the case's state, never back (the states only ever advance in this order).
    const [current] = await db
      .select({ state: casesCase.state })
      .from(casesCase)
      .where(eq(casesCase.id, caseId));
    const rank = STATUS_ORDER.indexOf(current?.state ?? '');
    if (rank <= 0) return;
    await db
      .update(regulationInspection)
      .set({ status: current!.state })
      .where(
        and(
          eq(regulationInspection.caseId, caseId),
          inArray(regulationInspection.status, STATUS_ORDER.slice(0, rank)),
        ),
      );
  });

  return {
    get,
    view,
    mine,
    list,
    record,
    reinspect,
    reply,
    publish,
    startOnSpot: spot.startOnSpot,
    shopSubject,
    published: spot.published,
    row,
  };
}

export type InspectionService = ReturnType<typeof createInspectionService>;
