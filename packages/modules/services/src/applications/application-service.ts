import '../events';
import { randomInt } from 'node:crypto';
import type { Kernel } from '@zhizhi/kernel';
import { type Actor, can, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { casesCase } from '@zhizhi/kernel/cases';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, desc, eq } from 'drizzle-orm';
import type { Catalogue } from '../catalogue/catalogue-service';
import { SERVICES_PERMISSIONS as P } from '../permissions';
import { servicesApplication, servicesNotice } from '../schema';
import {
  type ApplicationRow,
  CHANNELS,
  checkComplete,
  checkOffered,
  departmentIds,
  maskApplicant,
  present,
  presentPlan,
} from './application-views';
import { submitInTransaction } from './submission';
import { applicantOfActor, applicantRef, findRegistered, loadApplicant } from './applicants';
import { CASE_TYPES } from './case-types';
import type { Decisions } from './decisions';
import { type Applicant, materialKey, prefill } from './prefill';

export type { ApplicationRow } from './application-views';
const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StartInput {
  bundleCode?: string;
  answers?: Record<string, unknown>;
  matterCode?: string;
  /** Where the application is made (township or district code): a matter must be offered there. */
  divisionCode: string;
  channel?: (typeof CHANNELS)[number];
  /** Window staff only: the applicant they apply for (一窗受理). */
  onBehalfOf?: { kind: 'citizen' | 'enterprise'; identifier: string };
}

export interface ApplicationsDeps {
  catalogue: Catalogue;
  decisions: Decisions;
  /** The one-window department holding the sharing approvals for pre-fill (e.g. `zwfw`). */
  oneWindowDepartmentCode: string | null;
  certificateNames: () => ReadonlyMap<string, string>;
}

/**
 * Applications: drafts planned from a bundle's answers or one matter, pre-filled through the
 * sharing gateway, materials attached, then submitted in one transaction that opens the overall
 * case and one child case per matter (joint handling), with commitment and instant approvals
 * decided on the spot.
 */
export function createApplications(kernel: Kernel, deps: ApplicationsDeps) {
  const { db, clock } = kernel;
  const { catalogue, decisions } = deps;

  async function planFor(row: Pick<ApplicationRow, 'bundleCode' | 'answers' | 'matterCodes'>) {
    if (row.bundleCode) return catalogue.plan(row.bundleCode, row.answers);
    return catalogue.planMatter(row.matterCodes[0]);
  }

  /** Who may see an application: its applicant, whoever made it, staff reading in scope. */
  async function visible(actor: Actor, row: ApplicationRow, executor: Executor = db): Promise<boolean> {
    const ref = applicantRef(actor);
    if (ref) return ref.kind === row.applicantKind && ref.registryId === row.applicantRegistryId;
    if (actor.id && (row.createdBy === actor.id || row.onBehalfBy === actor.id)) return true;
    const departments = await departmentIds(
      executor,
      (await catalogue.currentMatters(executor, row.matterCodes)).values(),
    );
    return [...departments.values()].some((departmentId) =>
      can(actor, P.read, { divisionCode: row.divisionCode, departmentId }),
    );
  }

  async function load(actor: Actor, id: string, executor: Executor = db): Promise<ApplicationRow> {
    const [row] = UUID.test(id)
      ? await executor.select().from(servicesApplication).where(eq(servicesApplication.id, id))
      : [];
    if (!row || !(await visible(actor, row, executor)))
      throw new NotFoundError('services.application.not_found', 'No such application.');
    return row;
  }

  async function loadDraft(actor: Actor, id: string, executor: Executor = db) {
    const row = await load(actor, id, executor);
    if (row.status !== 'draft')
      throw new ConflictError(
        'services.application.not_draft',
        'The application has been submitted already.',
      );
    return row;
  }

  async function oneWindowDepartmentId(executor: Executor): Promise<string | null> {
    if (!deps.oneWindowDepartmentCode) return null;
    const [row] = await executor
      .select({ id: orgDepartment.id })
      .from(orgDepartment)
      .where(eq(orgDepartment.code, deps.oneWindowDepartmentCode));
    return row?.id ?? null;
  }

  async function start(actor: Actor, input: StartInput) {
    const channel = input.channel ?? (input.onBehalfOf ? 'window' : 'web');
    if (!CHANNELS.includes(channel)) throw new InputError('services.application.channel', 'Unknown channel.');
    if (!/^\d{12}$/.test(input.divisionCode ?? ''))
      throw new InputError('services.application.division', 'A 12-digit division code is required.');
    if (!input.bundleCode === !input.matterCode)
      throw new InputError('services.application.target', 'Apply for either a bundle or one matter.');
    let applicant: Applicant;
    let onBehalfBy: string | null = null;
    if (input.onBehalfOf) {
      requirePermission(actor, P.accept, { divisionCode: input.divisionCode });
      const found = await findRegistered(db, input.onBehalfOf.kind, input.onBehalfOf.identifier);
      if (!found)
        throw new NotFoundError(
          'services.applicant.not_registered',
          'The applicant is not in the registry; register them first (identity check at the window).',
        );
      applicant = found;
      onBehalfBy = actor.id;
      if (channel !== 'window' && channel !== 'kiosk')
        throw new InputError('services.application.channel', 'Staff apply through the window or a kiosk.');
    } else {
      applicant = await applicantOfActor(db, actor);
      if (channel === 'window')
        throw new InputError('services.application.channel', 'Only window staff apply through the window.');
    }
    const row = {
      bundleCode: input.bundleCode ?? null,
      answers: input.answers ?? {},
      matterCodes: input.matterCode ? [input.matterCode] : [],
    };
    const plan = await planFor(row);
    checkOffered(plan.matters, input.divisionCode, applicant, channel);
    const id = newId();
    const filled = await prefill(kernel, db, {
      plan,
      applicant,
      consumerDepartmentId: await oneWindowDepartmentId(db),
      accessor: `application:${id}`,
      certificateNames: deps.certificateNames(),
    });
    const now = clock.now();
    const fees = plan.matters.reduce(
      (sum, m) => sum + m.fees.reduce((s, f) => s + Math.round(f.amountYuan * 100), 0),
      0,
    );
    await kernel.transaction(async (tx) => {
      await tx.insert(servicesApplication).values({
        id,
        bundleCode: row.bundleCode,
        matterCodes: plan.matters.map((m) => m.code),
        answers: row.answers,
        applicantKind: applicant.kind,
        applicantRegistryId: applicant.registryId,
        channel,
        divisionCode: input.divisionCode,
        status: 'draft',
        form: filled.form,
        shared: filled.shared,
        sources: filled.sources,
        materials: filled.materials,
        feesFen: fees,
        createdBy: actor.id,
        onBehalfBy,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'services.application.drafted',
        subjectType: 'services_application',
        subjectId: id,
        data: { bundleCode: row.bundleCode ?? undefined, matters: plan.matters.map((m) => m.code), channel },
      });
    });
    return view(actor, id);
  }

  /** An application as its applicant or staff see it: plan, form with sources, materials, cases. */
  async function view(actor: Actor, id: string) {
    const row = await load(actor, id);
    const plan = await planFor(row);
    return { application: present(row), plan: presentPlan(plan), cases: await decisions.casesOf(row) };
  }

  async function saveDraft(
    actor: Actor,
    id: string,
    input: { form?: Record<string, unknown>; commitments?: string[]; expectedVersion?: number },
  ) {
    const row = await loadDraft(actor, id);
    const plan = await planFor(row);
    const known = new Set(plan.form.map((f) => f.entry.code));
    const unknown = Object.keys(input.form ?? {}).filter((k) => !known.has(k));
    if (unknown.length)
      throw new InputError('services.form.invalid', 'The form has fields this application does not ask.', {
        errors: unknown.map((path) => ({
          path,
          code: 'services.field.unknown',
          message: `No field ${path}.`,
        })),
      });
    const commitments = { ...row.commitments };
    if (input.commitments) {
      for (const key of Object.keys(commitments))
        if (!input.commitments.includes(key)) delete commitments[key];
      for (const code of input.commitments) {
        const matter = plan.matters.find((m) => m.code === code);
        if (!matter?.commitment)
          throw new InputError('services.commitment.not_allowed', `${code} is not handled by commitment.`);
        commitments[code] ??= clock.now().toISOString();
      }
    }
    const form = { ...row.form };
    const sources = { ...row.sources };
    for (const [key, value] of Object.entries(input.form ?? {})) {
      if (value === null || value === '') delete form[key];
      else form[key] = value;
      // A value changed by the applicant is theirs, not the certificate's.
      if (sources[key] && sources[key].kind !== 'identity' && form[key] !== row.form[key])
        delete sources[key];
      if (sources[key]?.kind === 'identity' && form[key] !== row.form[key])
        throw new InputError(
          'services.form.identity_locked',
          'The applicant’s own identifier cannot be changed.',
        );
    }
    await update(
      actor,
      row,
      { form, sources, commitments },
      input.expectedVersion,
      'services.application.saved',
    );
    return view(actor, id);
  }

  async function update(
    actor: Actor,
    row: ApplicationRow,
    changes: Partial<ApplicationRow>,
    expectedVersion: number | undefined,
    action: string,
    executor?: Executor,
  ) {
    const work = async (tx: Executor) => {
      const [updated] = await tx
        .update(servicesApplication)
        .set({ ...changes, version: row.version + 1, updatedAt: clock.now() })
        .where(
          and(
            eq(servicesApplication.id, row.id),
            eq(servicesApplication.version, expectedVersion ?? row.version),
          ),
        )
        .returning({ id: servicesApplication.id });
      if (!updated)
        throw new ConflictError(
          'services.application.version_conflict',
          'The application changed; reload it.',
        );
      await recordAudit(tx, clock, { actor, action, subjectType: 'services_application', subjectId: row.id });
    };
    return executor ? work(executor) : kernel.transaction(work);
  }

  /** Stores an upload for one of the plan's materials, checked against the material's accepted types. */
  async function attachMaterial(
    actor: Actor,
    id: string,
    code: string,
    file: { name: string; content: Buffer },
  ) {
    const row = await load(actor, id);
    if (row.status !== 'draft' && row.status !== 'supplement')
      throw new ConflictError(
        'services.application.not_draft',
        'Materials can be added to a draft or when asked to supplement.',
      );
    const plan = await planFor(row);
    const planned = plan.materials.find((m) => materialKey(m.material) === code);
    if (!planned)
      throw new InputError('services.material.unknown', `The application asks for no material ${code}.`);
    // An e-certificate the platform could not find may be handed in as a scan instead.
    const source = planned.material.source;
    const stored = await kernel.files.store(actor, {
      name: file.name,
      content: file.content,
      allowed: source.kind === 'upload' ? source.accept : SCAN_TYPES,
    });
    const materials = { ...row.materials };
    const entry = materials[code] ?? { fileIds: [] };
    if (entry.fileIds.length >= 10)
      throw new InputError('services.material.too_many', 'At most 10 files per material.');
    materials[code] = { ...entry, fileIds: [...entry.fileIds, stored.id] };
    await update(actor, row, { materials }, undefined, 'services.application.material_attached');
    return { file: stored, application: (await view(actor, id)).application };
  }

  async function removeMaterial(actor: Actor, id: string, code: string, fileId: string) {
    const row = await loadDraft(actor, id);
    const entry = row.materials[code];
    if (!entry?.fileIds.includes(fileId))
      throw new NotFoundError('services.material.not_found', 'No such file on this material.');
    const materials = {
      ...row.materials,
      [code]: { ...entry, fileIds: entry.fileIds.filter((f) => f !== fileId) },
    };
    await update(actor, row, { materials }, undefined, 'services.application.material_removed');
    return view(actor, id);
  }

  /** Submits a draft: overall case + one child case per matter, automatic decisions, in one transaction. */
  async function submit(actor: Actor, id: string) {
    const row = await loadDraft(actor, id);
    const plan = await planFor(row);
    const applicant = await loadApplicant(
      db,
      row.applicantKind as Applicant['kind'],
      row.applicantRegistryId,
    );
    checkOffered(plan.matters, row.divisionCode, applicant, row.channel);
    checkComplete(row, plan, kernel.calendar.today());
    const password = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const result = await submitInTransaction(kernel, decisions, { actor, row, plan, applicant, password });
    return { ...result, queryPassword: password, application: (await view(actor, id)).application };
  }

  async function listMine(actor: Actor) {
    const ref = applicantRef(actor);
    const where = ref
      ? and(
          eq(servicesApplication.applicantKind, ref.kind),
          eq(servicesApplication.applicantRegistryId, ref.registryId),
        )
      : actor.id
        ? eq(servicesApplication.onBehalfBy, actor.id)
        : null;
    if (!where) throw new NotAllowedError('services.application.list', 'Sign in to see your applications.');
    const rows = await db
      .select()
      .from(servicesApplication)
      .where(where)
      .orderBy(desc(servicesApplication.createdAt))
      .limit(200);
    return rows.map(present);
  }

  /** 补正: the applicant (or the window for them) hands in what was asked; the matter's clock resumes. */
  async function supplement(actor: Actor, id: string, caseId: string, note?: string | null) {
    const row = await load(actor, id);
    const [child] = UUID.test(caseId)
      ? await db
          .select()
          .from(casesCase)
          .where(
            and(
              eq(casesCase.id, caseId),
              eq(casesCase.parentId, row.caseId ?? id),
              eq(casesCase.parentRole, 'co'),
            ),
          )
      : [];
    if (!child)
      throw new NotFoundError('services.case.not_found', 'No such matter case on this application.');
    if (child.state !== 'supplement')
      throw new ConflictError('services.case.not_awaiting', 'This matter is not waiting for more materials.');
    const rater: Actor = {
      ...actor,
      grants: [
        ...actor.grants,
        {
          roleCode: 'applicant',
          permissions: [P.supplement, P.read],
          divisionCode: child.divisionCode,
          departmentId: null,
        },
      ],
    };
    await kernel.transaction(async (tx) => {
      const updated = await kernel.cases.transitionInTransaction(tx, rater, child.id, {
        transition: 'supplement',
        expectedVersion: child.version,
        note: note?.trim() || '申请人已补正材料',
      });
      await decisions.afterStep(tx, updated);
    });
    return view(actor, id);
  }

  /** A plan without an application (the guide page and the bundle questions). */
  async function planPreview(input: {
    bundleCode?: string;
    answers?: Record<string, unknown>;
    matterCode?: string;
  }) {
    if (!input.bundleCode === !input.matterCode)
      throw new InputError('services.application.target', 'Plan either a bundle or one matter.');
    return presentPlan(
      await planFor({
        bundleCode: input.bundleCode ?? null,
        answers: input.answers ?? {},
        matterCodes: input.matterCode ? [input.matterCode] : [],
      }),
    );
  }

  /** The applicant's messages, newest first. */
  async function notices(actor: Actor) {
    const ref = applicantRef(actor);
    if (!ref)
      throw new NotAllowedError('services.notice.applicant_only', 'Messages are for signed-in applicants.');
    return db
      .select()
      .from(servicesNotice)
      .where(
        and(
          eq(servicesNotice.applicantKind, ref.kind),
          eq(servicesNotice.applicantRegistryId, ref.registryId),
        ),
      )
      .orderBy(desc(servicesNotice.createdAt))
      .limit(100);
  }

  /** A matter case as its handler sees it: the case with history, and the application behind it. */
  async function caseView(actor: Actor, caseId: string) {
    const detail = await kernel.cases.getCase(actor, caseId);
    if (detail.typeCode !== CASE_TYPES.matter)
      throw new NotFoundError('services.case.not_found', 'No such matter case.');
    const [row] = await db
      .select()
      .from(servicesApplication)
      .where(eq(servicesApplication.id, String(detail.data.application_id)));
    if (!row) throw new NotFoundError('services.application.not_found', 'No such application.');
    const plan = await planFor(row);
    const code = String(detail.data.matter_code);
    const matter = plan.matters.find((m) => m.code === code) ?? null;
    return {
      ...detail,
      application: present(row),
      applicantName: maskApplicant(
        await loadApplicant(db, row.applicantKind as Applicant['kind'], row.applicantRegistryId),
      ),
      matter,
      plan: presentPlan(plan),
      cases: await decisions.casesOf(row),
    };
  }

  return {
    start,
    view,
    saveDraft,
    attachMaterial,
    removeMaterial,
    submit,
    supplement,
    listMine,
    load,
    planFor,
    planPreview,
    notices,
    caseView,
  };
}

export type Applications = ReturnType<typeof createApplications>;
