import '../events';
import { createHash, randomInt } from 'node:crypto';
import type { Kernel } from '@zhizhi/kernel';
import { type Actor, can, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { casesCase } from '@zhizhi/kernel/cases';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { BundlePlan } from '../bundles/plan';
import type { Catalogue } from '../catalogue/catalogue-service';
import { dueAt } from '../catalogue/limits';
import type { Matter } from '../catalogue/types';
import { validateForm } from '../catalogue/validate-form';
import { SERVICES_PERMISSIONS as P } from '../permissions';
import { servicesApplication, servicesNotice } from '../schema';
import { applicantOfActor, applicantRef, findRegistered, loadApplicant } from './applicants';
import { CASE_TYPES } from './case-types';
import type { Decisions } from './decisions';
import { type Applicant, materialKey, prefill } from './prefill';

export type ApplicationRow = typeof servicesApplication.$inferSelect;
const CHANNELS = ['window', 'web', 'mobile', 'kiosk'] as const;
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

/** The query password's digest (salted with the application id). */
export function passwordDigest(applicationId: string, password: string): string {
  return createHash('sha256').update(`${applicationId}:${password}`).digest('hex');
}

/** Working days the case clock counts for a matter's promised limit (即办件: the same day). */
export function clockDays(kernel: Kernel, matter: Matter, start: Date): number {
  const limit = matter.promisedLimit;
  if (limit.value === 0) return 1;
  if (limit.unit === 'working_days') return limit.value;
  return Math.max(1, kernel.calendar.workingDaysBetween(start, dueAt(start, limit, kernel.calendar)));
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

  /** Checks that each matter is offered where the applicant applies and to applicants of this kind. */
  function checkOffered(
    matters: readonly Matter[],
    divisionCode: string,
    applicant: Applicant,
    channel: string,
  ) {
    const township = `${divisionCode.slice(0, 9)}000`;
    const district = `${divisionCode.slice(0, 6)}000000`;
    for (const m of matters) {
      if (!m.divisionCodes.some((c) => c === district || c === township || c === divisionCode))
        throw new InputError(
          'services.matter.not_offered',
          `${m.code} (${m.name.en}) is not offered in division ${divisionCode}.`,
          { matterCode: m.code, divisionCode },
        );
      const kinds = applicant.kind === 'citizen' ? ['person'] : ['enterprise', 'organisation'];
      if (!m.applicantTypes.some((t) => kinds.includes(t)))
        throw new InputError(
          'services.matter.applicant_type',
          `${m.code} (${m.name.en}) is not for ${applicant.kind === 'citizen' ? 'individuals' : 'organisations'}.`,
          { matterCode: m.code },
        );
      if (!m.channels.includes(channel as (typeof CHANNELS)[number]))
        throw new InputError(
          'services.matter.channel',
          `${m.code} cannot be applied for through ${channel}.`,
          {
            matterCode: m.code,
          },
        );
    }
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

  /** Every problem that stops a submission, at once: form fields and required materials. */
  function checkComplete(row: ApplicationRow, plan: BundlePlan) {
    validateForm(plan.form, row.form, { today: kernel.calendar.today() });
    const missing = plan.materials
      .filter((m) => m.required)
      .filter((m) => {
        const entry = row.materials[materialKey(m.material)];
        return !entry || (entry.fileIds.length === 0 && !entry.certificate);
      });
    if (missing.length)
      throw new InputError('services.materials.missing', `${missing.length} required material(s) missing.`, {
        errors: missing.map((m) => ({
          path: materialKey(m.material),
          code: 'services.material.required',
          message: `${m.material.name.en} is required.`,
        })),
      });
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
    checkComplete(row, plan);
    const password = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const result = await kernel.transaction(async (tx) => {
      const departments = await departmentIds(tx, plan.matters);
      const now = clock.now();
      const lead = plan.matters[0];
      const parent = await kernel.cases.openInTransaction(tx, actor, {
        typeCode: CASE_TYPES.application,
        title: plan.matters.length > 1 && row.bundleCode ? bundleTitle(plan) : lead.name.zh,
        divisionCode: row.divisionCode,
        departmentId: departments.get(lead.departmentCode) ?? null,
        data: {
          application_id: row.id,
          ...(row.bundleCode ? { bundle_code: row.bundleCode } : {}),
          applicant: maskApplicant(applicant),
          channel: row.channel,
        },
        limits: { overall: Math.max(...plan.matters.map((m) => clockDays(kernel, m, now))) },
      });
      const [claimed] = await tx
        .update(servicesApplication)
        .set({
          status: 'submitted',
          number: parent.number,
          caseId: parent.id,
          matterCodes: plan.matters.map((m) => m.code),
          queryPasswordHash: passwordDigest(row.id, password),
          submittedAt: now,
          updatedAt: now,
          version: row.version + 1,
        })
        .where(and(eq(servicesApplication.id, row.id), eq(servicesApplication.status, 'draft')))
        .returning();
      if (!claimed)
        throw new ConflictError(
          'services.application.not_draft',
          'The application has been submitted already.',
        );
      for (const matter of plan.matters) {
        const child = await kernel.cases.openInTransaction(tx, actor, {
          typeCode: CASE_TYPES.matter,
          title: matter.name.zh,
          divisionCode: row.divisionCode,
          departmentId: departments.get(matter.departmentCode) ?? null,
          data: {
            application_id: row.id,
            matter_code: matter.code,
            matter_name: matter.name.zh,
            legal_due: dueAt(now, matter.legalLimit, kernel.calendar).toISOString(),
            promised_due: dueAt(now, matter.promisedLimit, kernel.calendar).toISOString(),
          },
          parentId: parent.id,
          parentRole: 'co',
          limits: { handling: clockDays(kernel, matter, now) },
        });
        await decisions.decideAutomatically(tx, claimed, matter, child);
      }
      await recordAudit(tx, clock, {
        actor,
        action: 'services.application.submitted',
        subjectType: 'services_application',
        subjectId: row.id,
        data: { number: parent.number, matters: plan.matters.map((m) => m.code), channel: row.channel },
      });
      await kernel.events.publish(tx, 'services.application.submitted', {
        applicationId: row.id,
        number: parent.number,
        caseId: parent.id,
        bundleCode: row.bundleCode,
        matterCodes: plan.matters.map((m) => m.code),
        channel: row.channel,
        divisionCode: row.divisionCode,
      });
      await decisions.refreshStatus(tx, row.id);
      await decisions.notice(tx, claimed, {
        zh: `您的申请已提交，办件编号 ${parent.number}`,
        en: `Your application ${parent.number} has been submitted`,
      });
      return { number: parent.number, caseId: parent.id };
    });
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

/** Department code → id for the matters' handling departments. */
async function departmentIds(executor: Executor, matters: Iterable<Matter>): Promise<Map<string, string>> {
  const codes = [...new Set([...matters].map((m) => m.departmentCode))];
  if (!codes.length) return new Map();
  const rows = await executor
    .select({ id: orgDepartment.id, code: orgDepartment.code })
    .from(orgDepartment)
    .where(inArray(orgDepartment.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

function bundleTitle(plan: BundlePlan): string {
  return `${plan.matters.map((m) => m.name.zh).join('、')}`.slice(0, 190);
}

/** 张* / 宁波某某有限公司: case titles and data never carry a full personal name. */
export function maskApplicant(applicant: Applicant): string {
  if (applicant.kind === 'enterprise') return applicant.name;
  return `${applicant.name.slice(0, 1)}${'*'.repeat(Math.max(1, applicant.name.length - 1))}`;
}

/** The application without its password digest. */
export function present(row: ApplicationRow) {
  const { queryPasswordHash: _hidden, ...rest } = row;
  return rest;
}

/** A plan as clients use it: matters with their limits and the single form and material set. */
export function presentPlan(plan: BundlePlan) {
  return {
    bundle: plan.bundle,
    matters: plan.matters.map((m) => ({
      code: m.code,
      name: m.name,
      departmentCode: m.departmentCode,
      kind: m.kind,
      legalLimit: m.legalLimit,
      promisedLimit: m.promisedLimit,
      commitment: m.commitment,
      fees: m.fees,
      issues: m.issues ?? null,
    })),
    skipped: plan.skipped,
    form: plan.form.map((f) => ({ ...f.entry, required: f.required, matters: f.matters })),
    materials: plan.materials.map((m) => ({
      key: materialKey(m.material),
      name: m.material.name,
      required: m.required,
      source: m.material.source,
      matters: m.matters,
    })),
    separately: plan.separately,
  };
}

/** A matter in lists: what a citizen compares (limits, visits, channels, fees), without the form. */
export function presentMatter(m: Matter) {
  return {
    code: m.code,
    version: m.version,
    name: m.name,
    departmentCode: m.departmentCode,
    divisionCodes: m.divisionCodes,
    kind: m.kind,
    visits: m.visits,
    legalLimit: m.legalLimit,
    promisedLimit: m.promisedLimit,
    applicantTypes: m.applicantTypes,
    channels: m.channels,
    commitment: m.commitment,
    instant: m.instantRules.length > 0,
    fees: m.fees,
  };
}
