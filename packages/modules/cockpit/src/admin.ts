import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { type Executor, rows } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { targetDefinitionSchema } from './definitions';
import { COCKPIT_PERMISSIONS as P } from './permissions';
import { cockpitIndicator, cockpitLayout, cockpitReported } from './schema';
import type { ValueReader } from './values';

/** The big screen's panels, in their default order. */
export const PANELS = [
  'services',
  'governance',
  'overview',
  'codes',
  'map',
  'targets',
  'feed',
  'warnings',
] as const;

const layoutSchema = z.object({
  panels: z
    .array(z.object({ id: z.enum(PANELS), visible: z.boolean() }))
    .min(1)
    .max(PANELS.length)
    .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'each panel once'),
});

export const reportedInputSchema = z.object({
  value: z.number().finite().min(0),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().trim().min(1).max(2000),
  evidenceFileIds: z.array(z.uuid()).min(1).max(10),
});

function invalid(code: string, error: z.ZodError): InputError {
  const errors = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new InputError(code, errors.map((e) => `${e.path || '/'}: ${e.message}`).join('; '), { errors });
}

/** Indicator definitions, reported figures and panel layouts. */
export function createCockpitAdmin(kernel: Kernel, deps: { reader: ValueReader }) {
  /** Creates or replaces indicator definitions (validated as a whole before any is written). */
  async function defineIndicators(
    executor: Executor,
    inputs: unknown[],
    options: { keepExisting?: boolean } = {},
  ) {
    const parsed = inputs.map((input, i) => {
      const r = targetDefinitionSchema.safeParse(input);
      if (!r.success)
        throw invalid(
          'cockpit.indicator.invalid',
          new z.ZodError(r.error.issues.map((x) => ({ ...x, path: [i, ...x.path] }))),
        );
      return r.data;
    });
    for (const d of parsed) {
      const row = {
        ...d,
        source: d.formula.op === 'reported' ? 'reported' : 'measured',
        updatedAt: kernel.clock.now(),
      };
      const insert = executor.insert(cockpitIndicator).values(row);
      await (options.keepExisting
        ? insert.onConflictDoNothing()
        : insert.onConflictDoUpdate({ target: cockpitIndicator.code, set: row }));
    }
    return parsed;
  }

  async function updateIndicator(actor: Actor, code: string, input: unknown) {
    requirePermission(actor, P.manage);
    const body = typeof input === 'object' && input ? { ...input, code } : input;
    return kernel.transaction(async (tx) => {
      const [saved] = await defineIndicators(tx, [body]);
      await recordAudit(tx, kernel.clock, {
        actor,
        action: 'cockpit.indicator.saved',
        subjectType: 'cockpit_indicator',
        subjectId: code,
      });
      return saved;
    });
  }

  /** A reported figure with its evidence; only the owner department (or an unlimited grant) may enter it. */
  async function report(actor: Actor, code: string, input: unknown) {
    const def = await deps.reader.indicator(code);
    requirePermission(actor, P.report, { departmentId: def.ownerDepartment?.id ?? null });
    const parsed = reportedInputSchema.safeParse(input);
    if (!parsed.success) throw invalid('cockpit.reported.invalid', parsed.error);
    if (def.source !== 'reported')
      throw new ConflictError(
        'cockpit.indicator.measured',
        'This indicator is measured by the platform, not reported.',
      );
    const files = await rows<{ id: string }>(
      kernel.db,
      sql`select id from files_file where id in (${sql.join(
        parsed.data.evidenceFileIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    if (files.length !== new Set(parsed.data.evidenceFileIds).size)
      throw new InputError('cockpit.reported.evidence_not_found', 'Upload the evidence files first.');
    return kernel.transaction(async (tx) => {
      const row = {
        id: newId(),
        code,
        ...parsed.data,
        reportedBy: actor.name,
        departmentId: actor.departmentId,
        reportedAt: kernel.clock.now(),
      };
      await tx.insert(cockpitReported).values(row);
      await recordAudit(tx, kernel.clock, {
        actor,
        action: 'cockpit.figure.reported',
        subjectType: 'cockpit_indicator',
        subjectId: code,
      });
      return row;
    });
  }

  async function reportedHistory(actor: Actor, code: string) {
    requirePermission(actor, P.view);
    await deps.reader.indicator(code);
    const list = await kernel.db
      .select()
      .from(cockpitReported)
      .where(eq(cockpitReported.code, code))
      .orderBy(desc(cockpitReported.asOf), desc(cockpitReported.reportedAt))
      .limit(50);
    return { items: list.map((r) => ({ ...r, reportedAt: r.reportedAt.toISOString() })) };
  }

  /** The first of the actor's roles that has a layout; else every panel in the default order. */
  async function layoutFor(actor: Actor) {
    requirePermission(actor, P.view);
    const roles = [...new Set(actor.grants.map((g) => g.roleCode))];
    if (roles.length) {
      const list = await kernel.db.select().from(cockpitLayout);
      for (const role of roles) {
        const found = list.find((l) => l.roleCode === role);
        if (found) return { role, panels: complete(found.panels) };
      }
    }
    return { role: null, panels: PANELS.map((id) => ({ id, visible: true })) };
  }

  /** Saved order first; panels added since are appended, visible. */
  function complete(panels: { id: string; visible: boolean }[]) {
    const known = panels.filter((p) => (PANELS as readonly string[]).includes(p.id));
    for (const id of PANELS) if (!known.some((p) => p.id === id)) known.push({ id, visible: true });
    return known;
  }

  /** A role's saved layout (the default when none is saved), for the layout editor. */
  async function layoutOfRole(actor: Actor, roleCode: string) {
    requirePermission(actor, P.manage);
    const [row] = await kernel.db.select().from(cockpitLayout).where(eq(cockpitLayout.roleCode, roleCode));
    return { role: roleCode, panels: complete(row?.panels ?? []) };
  }

  /** An evidence file of a reported figure, for anyone who may see the cockpit. */
  async function evidence(actor: Actor, reportId: string, fileId: string) {
    requirePermission(actor, P.view);
    const [row] = await kernel.db.select().from(cockpitReported).where(eq(cockpitReported.id, reportId));
    if (!row?.evidenceFileIds.includes(fileId))
      throw new NotFoundError('cockpit.evidence.not_found', 'No such evidence file.');
    return kernel.files.read(fileId);
  }

  async function setLayout(actor: Actor, roleCode: string, input: unknown) {
    requirePermission(actor, P.manage);
    const parsed = layoutSchema.safeParse(input);
    if (!parsed.success) throw invalid('cockpit.layout.invalid', parsed.error);
    const [role] = await rows<{ code: string }>(
      kernel.db,
      sql`select code from identity_role where code = ${roleCode}`,
    );
    if (!role) throw new InputError('cockpit.layout.unknown_role', `No role ${roleCode}.`);
    return kernel.transaction(async (tx) => {
      const row = {
        roleCode,
        panels: parsed.data.panels,
        updatedBy: actor.name,
        updatedAt: kernel.clock.now(),
      };
      await tx
        .insert(cockpitLayout)
        .values(row)
        .onConflictDoUpdate({ target: cockpitLayout.roleCode, set: row });
      await recordAudit(tx, kernel.clock, {
        actor,
        action: 'cockpit.layout.saved',
        subjectType: 'cockpit_layout',
        subjectId: roleCode,
      });
      return { role: roleCode, panels: complete(parsed.data.panels) };
    });
  }

  return {
    defineIndicators,
    updateIndicator,
    report,
    reportedHistory,
    layoutFor,
    layoutOfRole,
    setLayout,
    evidence,
  };
}

export type CockpitAdmin = ReturnType<typeof createCockpitAdmin>;
