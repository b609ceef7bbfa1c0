import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission, scopeOf, systemActor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { casesCase } from '@zhizhi/kernel/cases';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { dataItem, dataResource } from '../catalog/schema';
import { type MaskMode, maskModeFor } from '../sharing/mask';
import { OPEN_APPLICATION_TYPE, OPEN_DATA_PERMISSIONS, openApplicationType } from './case-type';
import { developerActor, type OpenDeveloper } from './developers';
import { findPublicResource, urlCode } from './resources';
import { dataOpenAccess, dataOpenApplication, dataOpenDeveloper } from './schema';

const applySchema = z.object({
  resourceCode: z.string().trim().max(32),
  purpose: z.string().trim().min(10).max(1000),
  items: z.array(z.string().max(64)).min(1).max(500),
  durationDays: z.number().int().min(1).max(365),
});

const decisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(1000).nullish(),
  /** For approve: the items granted, a subset of those asked for (default: all of them). */
  items: z.array(z.string().max(64)).min(1).max(500).optional(),
  expectedVersion: z.number().int().min(1),
});

type Application = typeof dataOpenApplication.$inferSelect;

function invalid(code: string, error: z.ZodError) {
  const errors = error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message }));
  return new InputError(code, `Invalid input: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, {
    errors,
  });
}

/** Item codes from the `approved_items` text: split on commas (either width) and spaces. */
function codesOf(text: unknown): string[] {
  return typeof text === 'string' ? text.split(/[\s,，、]+/).filter(Boolean) : [];
}

/**
 * Applications for restricted-open resources on the case engine: developers apply, the provider
 * department decides, an approval becomes the developer's access (items with fixed masks, expiry).
 */
export function createOpenApplications(kernel: Kernel) {
  const { db, clock } = kernel;

  /** Installs the case type (idempotent, at every start). */
  async function install(executor: Executor = db) {
    await kernel.cases.defineCaseType(executor, openApplicationType);
  }

  /**
   * Brings an application in line with its case: a closed case's decision is mirrored, and an
   * approval creates the access (once: the application id is unique on accesses).
   */
  async function syncInTx(tx: Executor, application: Application) {
    if (application.status !== 'submitted') return application;
    const [row] = await tx.select().from(casesCase).where(eq(casesCase.id, application.caseId));
    if (!row || (row.state !== 'approved' && row.state !== 'rejected')) return application;
    const decidedAt = row.closedAt ?? clock.now();
    if (row.state === 'approved') {
      const [resource] = await tx
        .select()
        .from(dataResource)
        .where(eq(dataResource.id, application.resourceId));
      const { items } = await findPublicResource(tx, resource.code).catch(() => ({ items: [] }));
      const asked = new Set(application.items);
      const chosen = codesOf(row.data.approved_items);
      const granted = (chosen.length ? chosen : application.items).filter((c) => asked.has(c));
      const modes: Record<string, MaskMode> = {};
      for (const item of items) if (granted.includes(item.code)) modes[item.code] = maskModeFor(item);
      await tx
        .insert(dataOpenAccess)
        .values({
          id: newId(),
          applicationId: application.id,
          developerId: application.developerId,
          resourceId: application.resourceId,
          items: modes,
          grantedAt: decidedAt,
          expiresAt: new Date(decidedAt.getTime() + application.durationDays * 86_400_000),
        })
        .onConflictDoNothing();
      await recordAudit(tx, clock, {
        actor: systemActor,
        action: 'data.open.access_granted',
        subjectType: 'data_open_application',
        subjectId: application.id,
        data: { caseId: row.id, items: Object.keys(modes), durationDays: application.durationDays },
      });
    }
    const [updated] = await tx
      .update(dataOpenApplication)
      .set({ status: row.state as 'approved' | 'rejected', decidedAt })
      .where(and(eq(dataOpenApplication.id, application.id), eq(dataOpenApplication.status, 'submitted')))
      .returning();
    return updated ?? application;
  }

  /** Mirrors decisions taken anywhere on the case engine (e.g. the generic case page). */
  kernel.events.subscribe('cases.case.transitioned', async (event) => {
    if (event.payload.typeCode !== OPEN_APPLICATION_TYPE || !event.payload.closed) return;
    await kernel.transaction(async (tx) => {
      const [application] = await tx
        .select()
        .from(dataOpenApplication)
        .where(eq(dataOpenApplication.caseId, event.payload.caseId));
      if (application) await syncInTx(tx, application);
    });
  });

  /** A developer applies for a restricted-open resource; a case opens for the provider department. */
  async function apply(developer: OpenDeveloper, input: unknown) {
    const parsed = applySchema.safeParse(input);
    if (!parsed.success) throw invalid('data.open.application_invalid', parsed.error);
    const a = parsed.data;
    const { resource, items } = await findPublicResource(db, a.resourceCode);
    if (resource.openingType === 'open')
      throw new ConflictError(
        'data.open.application_not_needed',
        'This resource is open to every developer: no application is needed.',
      );
    const codes = [...new Set(a.items)];
    const unknown = codes.filter((c) => !items.some((i) => i.code === c && maskModeFor(i) !== 'redact'));
    if (unknown.length)
      throw new InputError('data.open.item_unknown', 'An item asked for is not an item of this resource.', {
        errors: unknown.map((c) => ({ path: '/items', message: `unknown item ${c}` })),
      });
    return kernel.transaction(async (tx) => {
      const [pending] = await tx
        .select({ id: dataOpenApplication.id })
        .from(dataOpenApplication)
        .where(
          and(
            eq(dataOpenApplication.developerId, developer.id),
            eq(dataOpenApplication.resourceId, resource.id),
            eq(dataOpenApplication.status, 'submitted'),
          ),
        );
      if (pending)
        throw new ConflictError(
          'data.open.application_pending',
          'An application for this resource is already waiting for a decision.',
        );
      const [department] = await tx
        .select()
        .from(orgDepartment)
        .where(eq(orgDepartment.id, resource.providerDepartmentId));
      const actor = developerActor(developer);
      const names = items.filter((i) => codes.includes(i.code));
      const opened = await kernel.cases.openInTransaction(tx, actor, {
        typeCode: OPEN_APPLICATION_TYPE,
        title: `${developer.organisation}申请开放数据：${resource.name}`.slice(0, 200),
        divisionCode: department.divisionCode,
        departmentId: department.id,
        data: {
          organisation: developer.organisation,
          applicant: developer.name,
          resource_code: resource.code,
          resource_name: resource.name,
          item_codes: names.map((i) => `${i.code}（${i.name}）`).join('，'),
          purpose: a.purpose,
          duration_days: a.durationDays,
        },
      });
      const id = newId();
      await tx.insert(dataOpenApplication).values({
        id,
        developerId: developer.id,
        resourceId: resource.id,
        caseId: opened.id,
        items: names.map((i) => i.code),
        purpose: a.purpose,
        durationDays: a.durationDays,
        status: 'submitted',
        createdAt: clock.now(),
      });
      await kernel.notifications.notify(tx, {
        departmentId: department.id,
        titleZh: `新的数据开放申请：${opened.number} ${resource.name}`,
        titleEn: `New open-data application: ${opened.number} ${resource.name}`,
        link: '/data/open-applications',
        subjectType: 'case',
        subjectId: opened.id,
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'data.open.application_submitted',
        subjectType: 'data_open_application',
        subjectId: id,
        data: { resourceCode: resource.code, items: names.map((i) => i.code), caseNumber: opened.number },
      });
      return { id, caseNumber: opened.number, status: 'submitted' as const };
    });
  }

  async function view(rows: Application[]) {
    const resources = rows.length
      ? await db
          .select({ id: dataResource.id, code: dataResource.code, name: dataResource.name })
          .from(dataResource)
          .where(inArray(dataResource.id, [...new Set(rows.map((r) => r.resourceId))]))
      : [];
    const cases = rows.length
      ? await db
          .select({
            id: casesCase.id,
            number: casesCase.number,
            version: casesCase.version,
            dueAt: casesCase.dueAt,
          })
          .from(casesCase)
          .where(
            inArray(
              casesCase.id,
              rows.map((r) => r.caseId),
            ),
          )
      : [];
    const itemRows = rows.length
      ? await db
          .select({ resourceId: dataItem.resourceId, code: dataItem.code, name: dataItem.name })
          .from(dataItem)
          .where(inArray(dataItem.resourceId, [...new Set(rows.map((r) => r.resourceId))]))
      : [];
    const accesses = rows.length
      ? await db
          .select()
          .from(dataOpenAccess)
          .where(
            inArray(
              dataOpenAccess.applicationId,
              rows.map((r) => r.id),
            ),
          )
      : [];
    return rows.map((r) => {
      const resource = resources.find((x) => x.id === r.resourceId);
      const c = cases.find((x) => x.id === r.caseId);
      const access = accesses.find((x) => x.applicationId === r.id);
      return {
        id: r.id,
        resourceCode: resource?.code ?? '',
        resourceUrlCode: urlCode(resource?.code ?? ''),
        resourceName: resource?.name ?? '',
        items: r.items,
        /** Item code → name, for people reading the application. */
        itemNames: Object.fromEntries(
          itemRows.filter((i) => i.resourceId === r.resourceId).map((i) => [i.code, i.name]),
        ),
        purpose: r.purpose,
        durationDays: r.durationDays,
        status: r.status,
        caseId: r.caseId,
        caseNumber: c?.number ?? '',
        caseVersion: c?.version ?? 0,
        dueAt: c?.dueAt ?? null,
        createdAt: r.createdAt,
        decidedAt: r.decidedAt,
        grantedItems: access ? r.items.filter((c) => c in access.items) : [],
        expiresAt: access?.expiresAt ?? null,
      };
    });
  }

  /** A developer's own applications, newest first (decisions mirrored first). */
  async function listMine(developer: OpenDeveloper) {
    const rows = await db
      .select()
      .from(dataOpenApplication)
      .where(eq(dataOpenApplication.developerId, developer.id))
      .orderBy(desc(dataOpenApplication.createdAt))
      .limit(200);
    const synced: Application[] = [];
    for (const r of rows)
      synced.push(r.status === 'submitted' ? await kernel.transaction((tx) => syncInTx(tx, r)) : r);
    return view(synced);
  }

  /** Applications to the actor's departments (staff with `data.open.review`), newest first. */
  async function listForReview(actor: Actor, query: { status?: Application['status'] } = {}) {
    requirePermission(actor, OPEN_DATA_PERMISSIONS.review);
    const scope = scopeOf(actor, OPEN_DATA_PERMISSIONS.review);
    const rows = await db
      .select({ application: dataOpenApplication, developer: dataOpenDeveloper })
      .from(dataOpenApplication)
      .innerJoin(dataResource, eq(dataResource.id, dataOpenApplication.resourceId))
      .innerJoin(dataOpenDeveloper, eq(dataOpenDeveloper.id, dataOpenApplication.developerId))
      .where(
        and(
          scope.departmentIds ? inArray(dataResource.providerDepartmentId, scope.departmentIds) : undefined,
          query.status ? eq(dataOpenApplication.status, query.status) : undefined,
        ),
      )
      .orderBy(desc(dataOpenApplication.createdAt))
      .limit(500);
    const views = await view(rows.map((r) => r.application));
    return views.map((v, i) => ({
      ...v,
      organisation: rows[i].developer.organisation,
      applicant: rows[i].developer.name,
      uscc: rows[i].developer.uscc,
    }));
  }

  /** The provider department approves (possibly fewer items) or rejects; the access follows at once. */
  async function decide(actor: Actor, applicationId: string, input: unknown) {
    const parsed = decisionSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.open.decision_invalid', parsed.error);
    const d = parsed.data;
    const [application] = /^[0-9a-f-]{36}$/i.test(applicationId)
      ? await db.select().from(dataOpenApplication).where(eq(dataOpenApplication.id, applicationId))
      : [];
    if (!application) throw new NotFoundError('data.open.application_not_found', 'No such application.');
    if (d.decision === 'reject' && !d.note)
      throw new InputError('data.open.reason_required', 'A rejection needs a reason.', {
        errors: [{ path: '/note', message: 'required' }],
      });
    const extra = (d.items ?? []).filter((c) => !application.items.includes(c));
    if (extra.length)
      throw new InputError(
        'data.open.item_not_asked',
        'Only items the developer asked for can be approved.',
        {
          errors: extra.map((c) => ({ path: '/items', message: `not asked for: ${c}` })),
        },
      );
    const synced = await kernel.transaction(async (tx) => {
      await kernel.cases.transitionInTransaction(tx, actor, application.caseId, {
        transition: d.decision,
        expectedVersion: d.expectedVersion,
        note: d.note ?? null,
        data: d.decision === 'approve' && d.items ? { approved_items: [...new Set(d.items)].join(',') } : {},
      });
      return syncInTx(tx, application);
    });
    return (await view([synced]))[0];
  }

  /** Items the developer may read of a restricted-open resource now (union of unexpired approvals). */
  async function accessFor(developerId: string, resourceId: string): Promise<Record<string, MaskMode>> {
    const pending = await db
      .select()
      .from(dataOpenApplication)
      .where(
        and(
          eq(dataOpenApplication.developerId, developerId),
          eq(dataOpenApplication.resourceId, resourceId),
          eq(dataOpenApplication.status, 'submitted'),
        ),
      );
    for (const application of pending) await kernel.transaction((tx) => syncInTx(tx, application));
    const grants = await db
      .select({ items: dataOpenAccess.items })
      .from(dataOpenAccess)
      .where(
        and(
          eq(dataOpenAccess.developerId, developerId),
          eq(dataOpenAccess.resourceId, resourceId),
          gt(dataOpenAccess.expiresAt, clock.now()),
        ),
      );
    const order: MaskMode[] = ['clear', 'light', 'strict', 'redact'];
    const items: Record<string, MaskMode> = {};
    for (const grant of grants)
      for (const [code, mode] of Object.entries(grant.items))
        if (!(code in items) || order.indexOf(mode) < order.indexOf(items[code])) items[code] = mode;
    return items;
  }

  return { install, apply, listMine, listForReview, decide, accessFor };
}
