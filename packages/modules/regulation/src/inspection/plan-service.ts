import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission, systemActor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type DrawResult, runDraw } from '../draw/draw';
import { canonicalDrawInput, drawInputFromCanonical, drawInputsDigest } from '../draw/input';
import { buildDrawProof } from '../draw/proof';
import { newSeed, seedCommitment } from '../draw/prng';
import { REGULATION_PERMISSIONS as P } from '../permissions';
import { regulationInspection, regulationPlan, regulationSubject } from '../schema';
import { REGULATION_CASE_TYPES } from './case-types';
import { drawSnapshot } from './draw-snapshot';
import type { Roster } from './roster';

export type PlanRow = typeof regulationPlan.$inferSelect;

/** Visits opened in the draw's own transaction; the rest follow in jobs of this many. */
const DEFAULT_OPEN_BATCH = 200;
/** Advisory lock serialising plan numbers (the kernel uses 727_0xx, the data module 727_101–102). */
const PLAN_NUMBER_LOCK = 727_120;
const OPEN_JOB = 'regulation.open_inspections';

const ratio = z.number().min(0).max(1);
const planSchema = z.object({
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(300),
  departmentCode: z.string().trim().min(1).max(32),
  items: z
    .array(
      z.object({
        code: z.string().min(1).max(40),
        ratioByClass: z.object({ A: ratio, B: ratio, C: ratio, D: ratio }).optional(),
      }),
    )
    .min(1)
    .max(50),
  divisionCodes: z
    .array(z.string().regex(/^\d{12}$/))
    .max(50)
    .default([]),
  minInspectors: z.number().int().min(2).max(20).default(2),
});
export type PlanInput = z.input<typeof planSchema>;

/**
 * Sampling plans and the verifiable draw (双随机): draft → committed (plan, seed commitment and
 * inputs digest published) → drawn (result, and the seed, published; one inspection case per visit).
 */
export function createPlanService(kernel: Kernel, deps: { roster: Roster; openBatch?: number }) {
  const OPEN_BATCH = deps.openBatch ?? DEFAULT_OPEN_BATCH;
  const { db, clock } = kernel;

  async function get(actor: Actor | null, id: string, executor: Executor = db): Promise<PlanRow> {
    if (actor) requirePermission(actor, P.read);
    const [row] = /^[0-9a-f-]{36}$/i.test(id)
      ? await executor.select().from(regulationPlan).where(eq(regulationPlan.id, id))
      : await executor.select().from(regulationPlan).where(eq(regulationPlan.number, id));
    if (!row) throw new NotFoundError('regulation.plan.not_found', 'No such sampling plan.');
    return row;
  }

  /** Plans for staff lists: no seed (secret until the draw), no rosters; counts computed in SQL. */
  async function list(actor: Actor) {
    requirePermission(actor, P.read);
    return db
      .select({
        id: regulationPlan.id,
        number: regulationPlan.number,
        nameZh: regulationPlan.nameZh,
        nameEn: regulationPlan.nameEn,
        departmentCode: regulationPlan.departmentCode,
        items: regulationPlan.items,
        divisionCodes: regulationPlan.divisionCodes,
        minInspectors: regulationPlan.minInspectors,
        status: regulationPlan.status,
        seedCommitment: regulationPlan.seedCommitment,
        inputsDigest: regulationPlan.inputsDigest,
        resultDigest: regulationPlan.resultDigest,
        createdAt: regulationPlan.createdAt,
        createdBy: regulationPlan.createdBy,
        committedAt: regulationPlan.committedAt,
        drawnAt: regulationPlan.drawnAt,
        seedPublishedAt: regulationPlan.seedPublishedAt,
        subjects: sql<number>`coalesce(jsonb_array_length(${regulationPlan.input} -> 'subjects'), 0)::int`,
        visits: sql<number>`coalesce(jsonb_array_length(${regulationPlan.result} -> 'visits'), 0)::int`,
        shortfalls: sql<number>`coalesce(jsonb_array_length(${regulationPlan.result} -> 'shortfalls'), 0)::int`,
      })
      .from(regulationPlan)
      .orderBy(desc(regulationPlan.createdAt))
      .limit(200);
  }

  async function create(actor: Actor, input: unknown) {
    requirePermission(actor, P.managePlans);
    const parsed = planSchema.safeParse(input ?? {});
    if (!parsed.success)
      throw new InputError('regulation.plan.invalid_input', 'The sampling plan is invalid.', {
        errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    const plan = parsed.data;
    const items = new Map((await deps.roster.listItems()).map((i) => [i.code, i]));
    const errors = plan.items.flatMap((i, n) =>
      items.get(i.code)?.active ? [] : [{ path: `items.${n}.code`, message: `No active item ${i.code}` }],
    );
    if (new Set(plan.items.map((i) => i.code)).size !== plan.items.length)
      errors.push({ path: 'items', message: 'items must not repeat' });
    if (errors.length)
      throw new InputError('regulation.plan.invalid_input', 'The sampling plan is invalid.', { errors });
    const now = clock.now();
    return kernel.transaction(async (tx) => {
      const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
      // One numbering at a time, so two plans made at once never get the same number.
      await tx.execute(sql`select pg_advisory_xact_lock(${PLAN_NUMBER_LOCK})`);
      const [{ n }] = (await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(regulationPlan)
        .where(like(regulationPlan.number, `CC${year}%`))) as [{ n: number }];
      const row: PlanRow = {
        id: newId(),
        number: `CC${year}${String(Number(n) + 1).padStart(4, '0')}`,
        nameZh: plan.nameZh,
        nameEn: plan.nameEn,
        departmentCode: plan.departmentCode,
        items: plan.items.map((i) => ({
          code: i.code,
          ratioByClass: i.ratioByClass ?? items.get(i.code)!.ratioByClass,
        })),
        divisionCodes: plan.divisionCodes,
        minInspectors: plan.minInspectors,
        status: 'draft',
        seed: null,
        seedCommitment: null,
        inputsDigest: null,
        input: null,
        result: null,
        resultDigest: null,
        createdAt: now,
        createdBy: actor.name,
        committedAt: null,
        drawnAt: null,
        seedPublishedAt: null,
      };
      await tx.insert(regulationPlan).values(row);
      await recordAudit(tx, clock, {
        actor,
        action: 'regulation.plan.created',
        subjectType: 'regulation_plan',
        subjectId: row.id,
      });
      return row;
    });
  }

  /** Freezes the rosters and publishes the plan with the hash of a secret seed (抽查前公示). */
  async function commit(actor: Actor, id: string) {
    requirePermission(actor, P.managePlans);
    return kernel.transaction(async (tx) => {
      const plan = await get(null, id, tx);
      if (plan.status !== 'draft')
        throw new ConflictError('regulation.plan.not_draft', 'The plan has already been committed.');
      const input = await drawSnapshot(tx, deps.roster, clock.now(), plan);
      if (!input.subjects.length)
        throw new ConflictError('regulation.plan.no_subjects', 'No operating subject falls under this plan.');
      const seed = newSeed();
      const canonical = canonicalDrawInput(input);
      const [updated] = await tx
        .update(regulationPlan)
        .set({
          status: 'committed',
          seed,
          seedCommitment: seedCommitment(seed),
          input: canonical,
          inputsDigest: drawInputsDigest(input),
          committedAt: clock.now(),
        })
        .where(and(eq(regulationPlan.id, plan.id), eq(regulationPlan.status, 'draft')))
        .returning();
      await recordAudit(tx, clock, {
        actor,
        action: 'regulation.plan.committed',
        subjectType: 'regulation_plan',
        subjectId: plan.id,
        data: { subjects: input.subjects.length, inspectors: input.inspectors.length },
      });
      return updated!;
    });
  }

  /** Runs the draw from the committed input, publishes result and seed, opens the inspections. */
  async function draw(actor: Actor, id: string) {
    requirePermission(actor, P.managePlans);
    return kernel.transaction(async (tx) => {
      const plan = await get(null, id, tx);
      if (plan.status !== 'committed' || !plan.seed || !plan.input)
        throw new ConflictError(
          plan.status === 'draft' ? 'regulation.plan.not_committed' : 'regulation.plan.already_drawn',
          plan.status === 'draft' ? 'Commit the plan before the draw.' : 'The draw has been made.',
        );
      const result = runDraw({ ...drawInputFromCanonical(plan.input), seed: plan.seed });
      const now = clock.now();
      const [updated] = await tx
        .update(regulationPlan)
        .set({ status: 'drawn', result, resultDigest: result.digest, drawnAt: now, seedPublishedAt: now })
        .where(and(eq(regulationPlan.id, plan.id), eq(regulationPlan.status, 'committed')))
        .returning();
      if (!updated) throw new ConflictError('regulation.plan.already_drawn', 'The draw has been made.');
      // A big draw opens its visits in batches, each in its own short job transaction, so the audit
      // chain (locked by each opening) is not held for the whole draw.
      if ((await openPending(tx, plan.id, result)) > 0)
        await kernel.jobs.enqueue(tx, { kind: OPEN_JOB, payload: { planId: plan.id } });
      await recordAudit(tx, clock, {
        actor,
        action: 'regulation.plan.drawn',
        subjectType: 'regulation_plan',
        subjectId: plan.id,
        data: { visits: result.visits.length, shortfalls: result.shortfalls.length },
      });
      await kernel.events.publish(tx, 'regulation.draw.made', {
        planId: plan.id,
        number: plan.number,
        visits: result.visits.length,
        shortfalls: result.shortfalls.length,
      });
      return updated;
    });
  }

  /** Opens up to OPEN_BATCH of the draw's visits not opened yet; returns how many are left. */
  async function openPending(tx: Executor, planId: string, result: DrawResult): Promise<number> {
    const opened = new Set(
      (
        await tx
          .select({ subjectId: regulationInspection.subjectId })
          .from(regulationInspection)
          .where(eq(regulationInspection.planId, planId))
      ).map((r) => r.subjectId),
    );
    const pending = result.visits.filter((v) => !opened.has(v.subjectId));
    const plan = await get(null, planId, tx);
    await openInspections(tx, plan, pending.slice(0, OPEN_BATCH));
    return Math.max(0, pending.length - OPEN_BATCH);
  }

  kernel.jobs.register(OPEN_JOB, async (payload, { tx }) => {
    const { planId } = payload as { planId: string };
    const plan = await get(null, planId, tx);
    if (plan.result && (await openPending(tx, planId, plan.result)) > 0)
      await kernel.jobs.enqueue(tx, { kind: OPEN_JOB, payload: { planId } });
  });

  async function openInspections(tx: Executor, plan: PlanRow, visits: DrawResult['visits']) {
    if (!visits.length) return;
    const subjects = await tx
      .select()
      .from(regulationSubject)
      .where(
        inArray(
          regulationSubject.id,
          visits.map((v) => v.subjectId),
        ),
      );
    const byId = new Map(subjects.map((s) => [s.id, s]));
    const departments = await tx.select().from(orgDepartment);
    const items = new Map((await deps.roster.listItems(tx)).map((i) => [i.code, i]));
    const inspectors = new Map((await deps.roster.listInspectors(tx)).map((i) => [i.id, i]));
    for (const visit of visits) {
      const subject = byId.get(visit.subjectId)!;
      const lead = departments.find(
        (d) =>
          d.code ===
          (visit.departmentCodes.includes(plan.departmentCode)
            ? plan.departmentCode
            : visit.departmentCodes[0]),
      );
      await openInspection(tx, {
        planId: plan.id,
        subject,
        itemCodes: visit.itemCodes,
        departmentCodes: visit.departmentCodes,
        inspectorIds: visit.inspectorIds,
        joint: visit.joint,
        departmentId: lead?.id ?? null,
        itemNames: visit.itemCodes.map((c) => items.get(c)?.nameZh ?? c).join('；'),
        inspectorNames: visit.inspectorIds.map((i) => inspectors.get(i)?.name ?? i).join('、'),
        title: `${plan.nameZh}：${subject.name}`,
      });
    }
  }

  /** Opens one inspection visit and its case (from a draw, or started on the spot from a shop code). */
  async function openInspection(
    tx: Executor,
    input: {
      planId: string | null;
      subject: typeof regulationSubject.$inferSelect;
      itemCodes: string[];
      departmentCodes: string[];
      inspectorIds: string[];
      joint: boolean;
      departmentId: string | null;
      itemNames: string;
      inspectorNames: string;
      title: string;
    },
  ) {
    const id = newId();
    const opened = await kernel.cases.openInTransaction(tx, systemActor, {
      typeCode: REGULATION_CASE_TYPES.inspection,
      title: input.title.slice(0, 200),
      divisionCode: input.subject.divisionCode,
      departmentId: input.departmentId,
      data: {
        inspection_id: id,
        subject_name: input.subject.name,
        subject_uscc: input.subject.uscc,
        items: input.itemNames.slice(0, 1000),
        inspectors: input.inspectorNames.slice(0, 500),
      },
    });
    await tx.insert(regulationInspection).values({
      id,
      planId: input.planId,
      subjectId: input.subject.id,
      itemCodes: input.itemCodes,
      departmentCodes: input.departmentCodes,
      inspectorIds: input.inspectorIds,
      joint: input.joint,
      caseId: opened.id,
      status: 'assigned',
      result: null,
      checklist: null,
      findings: null,
      rectificationDue: null,
      rectifiedAt: null,
      publishDue: null,
      referred: false,
      createdAt: clock.now(),
      inspectedAt: null,
      concludedAt: null,
      publishedAt: null,
    });
    return { id, caseId: opened.id, number: opened.number };
  }

  /** The public proof (抽查公示): from commitment on; the seed only once published. */
  async function proof(id: string) {
    const plan = await get(null, id);
    if (plan.status === 'draft' || !plan.input || !plan.seedCommitment || !plan.committedAt)
      throw new NotFoundError('regulation.plan.not_found', 'No published sampling plan with this id.');
    return buildDrawProof({
      planId: plan.id,
      name: { zh: plan.nameZh, en: plan.nameEn },
      committedAt: plan.committedAt,
      drawnAt: plan.drawnAt,
      seedPublishedAt: plan.seedPublishedAt,
      seedCommitment: plan.seedCommitment,
      input: drawInputFromCanonical(plan.input),
      inputsDigest: plan.inputsDigest ?? undefined,
      result: plan.result,
      seed: plan.seed,
    });
  }

  /** Committed and drawn plans, for the public list (no seeds, no rosters; counts computed in SQL). */
  async function listPublic() {
    return db
      .select({
        id: regulationPlan.id,
        number: regulationPlan.number,
        nameZh: regulationPlan.nameZh,
        nameEn: regulationPlan.nameEn,
        departmentCode: regulationPlan.departmentCode,
        status: regulationPlan.status,
        seedCommitment: regulationPlan.seedCommitment,
        inputsDigest: regulationPlan.inputsDigest,
        resultDigest: regulationPlan.resultDigest,
        committedAt: regulationPlan.committedAt,
        drawnAt: regulationPlan.drawnAt,
        seedPublishedAt: regulationPlan.seedPublishedAt,
        subjects: sql<number>`coalesce(jsonb_array_length(${regulationPlan.input} -> 'subjects'), 0)::int`,
        visits: sql<number>`coalesce(jsonb_array_length(${regulationPlan.result} -> 'visits'), 0)::int`,
      })
      .from(regulationPlan)
      .where(sql`${regulationPlan.status} <> 'draft'`)
      .orderBy(desc(regulationPlan.committedAt))
      .limit(100);
  }

  return { get, list, listPublic, create, commit, draw, proof, openInspection };
}

export type PlanService = ReturnType<typeof createPlanService>;
