import '../events';
import type { Kernel } from '@zhizhi/kernel';
import { type Actor, systemActor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { type CaseTypeDefinition, casesCase, type TransitionInput } from '@zhizhi/kernel/cases';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, isKernelError, NotFoundError } from '@zhizhi/kernel/errors';
import { identityApplicant, identityCitizen } from '@zhizhi/kernel/identity';
import { newId } from '@zhizhi/kernel/ids';
import { compileRule, evaluateBoolean } from '@zhizhi/kernel/rules';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Catalogue } from '../catalogue/catalogue-service';
import type { Matter } from '../catalogue/types';
import { servicesApplication, servicesCertificate, servicesNotice } from '../schema';
import { CASE_TYPES, CERTIFICATE_CODE_KIND, MATTER_FINAL } from './case-types';
import type { NoticeChannel } from './notice-channels';
import type { ApplicationRow } from './application-service';

/** The platform's own decisions (告知承诺, 智能秒办) are recorded under this name. */
export const AUTOMATIC: Actor = { ...systemActor, name: '智能审批' };

type CaseRow = typeof casesCase.$inferSelect;

/**
 * What follows a matter case's steps: automatic approvals at submission, certificates with signed
 * codes on approval, commitment checks, the application's status, and messages to the applicant.
 * Runs in the step's transaction when the step goes through this module, and from the case
 * events (idempotently) when it is taken elsewhere, e.g. the generic case page.
 */
export function createDecisions(
  kernel: Kernel,
  deps: { catalogue: Catalogue; channels: readonly NoticeChannel[] },
) {
  const { db, clock } = kernel;

  async function application(executor: Executor, id: string): Promise<ApplicationRow> {
    const [row] = await executor.select().from(servicesApplication).where(eq(servicesApplication.id, id));
    if (!row) throw new NotFoundError('services.application.not_found', 'No such application.');
    return row;
  }

  /** Instant approval: every CEL rule of the matter holds over the form and the shared data. */
  function instantRulesHold(matter: Matter, row: ApplicationRow): boolean {
    if (matter.instantRules.length === 0) return false;
    const context = { form: row.form, shared: row.shared };
    return matter.instantRules.every((rule) => {
      try {
        return evaluateBoolean(
          compileRule(rule, { form: 'dyn', shared: 'dyn' }, { expectBoolean: true }),
          context,
        );
      } catch {
        return false; // a value the rule reads is missing: a person decides
      }
    });
  }

  /** At submission: a signed commitment or satisfied instant rules approve the matter at once. */
  async function decideAutomatically(tx: Executor, row: ApplicationRow, matter: Matter, child: CaseRow) {
    const transition =
      matter.commitment && row.commitments[matter.code]
        ? 'approve_commitment'
        : instantRulesHold(matter, row)
          ? 'approve_instant'
          : null;
    if (!transition) return;
    const updated = await kernel.cases.transitionInTransaction(tx, AUTOMATIC, child.id, {
      transition,
      expectedVersion: child.version,
      note:
        transition === 'approve_commitment'
          ? '申请人已签署告知承诺书，当场作出准予决定'
          : '智能秒办规则全部满足',
      data: { decision_basis: transition === 'approve_commitment' ? '告知承诺制' : '智能秒办' },
    });
    await afterStep(tx, updated);
  }

  /** Runs what follows a matter case's step, once: certificate, commitment check, status, message. */
  async function afterStep(tx: Executor, caseRow: CaseRow) {
    if (caseRow.typeCode !== CASE_TYPES.matter) return;
    const applicationId = String(caseRow.data.application_id ?? '');
    const row = await application(tx, applicationId);
    const code = String(caseRow.data.matter_code);
    const matter = (await deps.catalogue.currentMatters(tx, [code])).get(code);
    if (!matter) throw new NotFoundError('services.matter.not_found', `No matter ${code}.`);
    const key = `${caseRow.id}:${caseRow.version}:${caseRow.state}`;
    if (caseRow.state === 'approved') {
      const first = await notice(
        tx,
        row,
        { zh: `${matter.name.zh}：准予许可`, en: `${matter.name.en}: approved` },
        key,
      );
      if (first) {
        if (matter.issues) await issueCertificate(tx, row, matter, caseRow);
        if (matter.commitment && row.commitments[matter.code]) await scheduleCheck(tx, row, matter, caseRow);
      }
    } else if (caseRow.state === 'supplement') {
      const missing = String(caseRow.data.missing_materials ?? '');
      await notice(
        tx,
        row,
        {
          zh: `${matter.name.zh}：请补正材料（${missing}）`.slice(0, 200),
          en: `${matter.name.en}: please supplement your materials`,
        },
        key,
      );
    } else if (caseRow.state === 'refused' || caseRow.state === 'not_accepted') {
      await notice(tx, row, { zh: `${matter.name.zh}：不予许可`, en: `${matter.name.en}: refused` }, key);
    }
    await refreshStatus(tx, row.id);
  }

  async function issueCertificate(tx: Executor, row: ApplicationRow, matter: Matter, caseRow: CaseRow) {
    const issues = matter.issues!;
    const year = new Date(clock.now().getTime() + 8 * 3_600_000).getUTCFullYear();
    const [{ n }] = await tx
      .select({ n: count() })
      .from(servicesCertificate)
      .where(sql`${servicesCertificate.number} like ${`ZZ${year}%`}`);
    const number = `ZZ${year}${String(Number(n) + 1).padStart(8, '0')}`;
    const id = newId();
    const code = await kernel.codes.issue(tx, {
      kind: CERTIFICATE_CODE_KIND,
      entityId: id,
      actor: AUTOMATIC,
    });
    const f = row.form;
    const items: Record<string, unknown> = {
      holder: f.proposed_name ?? f.enterprise_name ?? f.applicant_name ?? f.name ?? null,
      identifier: row.applicantKind === 'enterprise' ? (f.uscc ?? null) : null,
      address: f.premises_address ?? f.address ?? null,
      scope: f.business_scope ?? f.food_business_items ?? null,
      matter: matter.name.zh,
    };
    await tx.insert(servicesCertificate).values({
      id,
      number,
      type: issues.type,
      nameZh: issues.name.zh,
      matterCode: matter.code,
      applicationId: row.id,
      caseId: caseRow.id,
      holderKind: row.applicantKind,
      holderRegistryId: row.applicantRegistryId,
      items,
      codeToken: code.token,
      issuedBy: caseRow.departmentId ?? 'system',
      issuedAt: clock.now(),
    });
    await recordAudit(tx, clock, {
      actor: AUTOMATIC,
      action: 'services.certificate.issued',
      subjectType: 'services_certificate',
      subjectId: id,
      data: { number, type: issues.type, matterCode: matter.code, caseId: caseRow.id },
    });
    await kernel.events.publish(tx, 'services.certificate.issued', {
      certificateId: id,
      number,
      type: issues.type,
      applicationId: row.id,
      matterCode: matter.code,
    });
  }

  async function scheduleCheck(tx: Executor, row: ApplicationRow, matter: Matter, caseRow: CaseRow) {
    await kernel.cases.openInTransaction(tx, AUTOMATIC, {
      typeCode: CASE_TYPES.check,
      title: `告知承诺核查：${matter.name.zh}`.slice(0, 200),
      divisionCode: row.divisionCode,
      departmentId: caseRow.departmentId,
      data: { application_id: row.id, matter_code: matter.code },
      parentId: caseRow.id,
      parentRole: 'commitment_check',
      limits: { check: matter.commitmentCheckDays },
    });
  }

  /** The application's status from its matter cases: supplement, submitted, or the outcome. */
  async function refreshStatus(tx: Executor, applicationId: string) {
    const row = await application(tx, applicationId);
    if (!row.caseId) return;
    const children = await tx
      .select({ state: casesCase.state })
      .from(casesCase)
      .where(and(eq(casesCase.parentId, row.caseId), eq(casesCase.parentRole, 'co')));
    const outcomes = children.map((c) => MATTER_FINAL[c.state as keyof typeof MATTER_FINAL] ?? null);
    const status = children.some((c) => c.state === 'supplement')
      ? 'supplement'
      : outcomes.some((o) => o === null)
        ? 'submitted'
        : outcomes.every((o) => o === 'approved')
          ? 'approved'
          : outcomes.some((o) => o === 'approved')
            ? 'partly_approved'
            : 'refused';
    if (status === row.status) return;
    const concluded = !['submitted', 'supplement'].includes(status);
    await tx
      .update(servicesApplication)
      .set({
        status,
        concludedAt: concluded ? (row.concludedAt ?? clock.now()) : null,
        updatedAt: clock.now(),
      })
      .where(eq(servicesApplication.id, row.id));
    if (concluded) {
      await kernel.events.publish(tx, 'services.application.concluded', {
        applicationId: row.id,
        number: row.number,
        status,
      });
      await notice(tx, row, {
        zh: `办件 ${row.number} 已办结，欢迎对本次服务进行评价`,
        en: `Application ${row.number} is concluded; please rate the service`,
      });
    }
  }

  /** An in-app message, and a delivery job per configured channel (SMS, email). */
  async function notice(
    tx: Executor,
    row: ApplicationRow,
    title: { zh: string; en: string },
    dedupeKey?: string,
  ): Promise<boolean> {
    return noticeTo(tx, { kind: row.applicantKind, registryId: row.applicantRegistryId }, title, {
      applicationId: row.id,
      dedupeKey,
    });
  }

  /**
   * A message to an applicant (citizen or enterprise of the registry) in their portal inbox, and by
   * SMS or email where configured; other modules send theirs through this (e.g. credit warnings).
   */
  async function noticeTo(
    tx: Executor,
    applicant: { kind: string; registryId: string },
    title: { zh: string; en: string },
    options: { applicationId?: string | null; dedupeKey?: string } = {},
  ): Promise<boolean> {
    const id = newId();
    const inserted = await tx
      .insert(servicesNotice)
      .values({
        id,
        dedupeKey: options.dedupeKey ?? null,
        applicantKind: applicant.kind,
        applicantRegistryId: applicant.registryId,
        applicationId: options.applicationId ?? null,
        titleZh: title.zh,
        titleEn: title.en,
        deliveries: Object.fromEntries(deps.channels.map((c) => [c.name, 'pending'])),
        createdAt: clock.now(),
      })
      .onConflictDoNothing()
      .returning({ id: servicesNotice.id });
    if (inserted.length === 0) return false;
    if (deps.channels.length)
      await kernel.jobs.enqueue(tx, { kind: 'services.notice.deliver', payload: { noticeId: id } });
    return true;
  }

  kernel.jobs.register('services.notice.deliver', async (payload, { tx }) => {
    const { noticeId } = payload as { noticeId: string };
    const [message] = await tx.select().from(servicesNotice).where(eq(servicesNotice.id, noticeId));
    if (!message) return;
    const deliveries = { ...message.deliveries };
    const [citizen] =
      message.applicantKind === 'citizen'
        ? await tx
            .select({ phone: identityCitizen.phone })
            .from(identityCitizen)
            .where(eq(identityCitizen.id, message.applicantRegistryId))
        : [];
    const [account] = await tx
      .select({ phone: identityApplicant.phone, email: identityApplicant.email })
      .from(identityApplicant)
      .where(eq(identityApplicant.registryId, message.applicantRegistryId));
    const contact = { phone: account?.phone ?? citizen?.phone ?? null, email: account?.email ?? null };
    for (const channel of deps.channels) {
      if (deliveries[channel.name] === 'sent') continue;
      try {
        await channel.send({ ...message, ...contact });
        deliveries[channel.name] = 'sent';
      } catch (error) {
        deliveries[channel.name] =
          isKernelError(error) && error.code === 'services.notice.no_contact' ? 'no_contact' : 'failed';
      }
    }
    await tx.update(servicesNotice).set({ deliveries }).where(eq(servicesNotice.id, noticeId));
  });

  /** The matter cases of an application with their states and clocks' due times. */
  async function casesOf(row: ApplicationRow) {
    if (!row.caseId) return [];
    const children = await db
      .select()
      .from(casesCase)
      .where(and(eq(casesCase.parentId, row.caseId), eq(casesCase.parentRole, 'co')))
      .orderBy(asc(casesCase.openedAt), asc(casesCase.number));
    const certificates = await db
      .select()
      .from(servicesCertificate)
      .where(eq(servicesCertificate.applicationId, row.id));
    const [parent] = await db.select().from(casesCase).where(eq(casesCase.id, row.caseId));
    return [
      ...(parent ? [summary(parent, null)] : []),
      ...children.map((c) => summary(c, certificates.find((x) => x.caseId === c.id) ?? null)),
    ];
  }

  function summary(c: CaseRow, certificate: typeof servicesCertificate.$inferSelect | null) {
    return {
      id: c.id,
      number: c.number,
      typeCode: c.typeCode,
      title: c.title,
      state: c.state,
      version: c.version,
      departmentId: c.departmentId,
      matterCode: (c.data.matter_code as string | undefined) ?? null,
      dueAt: c.dueAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      late: c.late,
      missingMaterials: (c.data.missing_materials as string | undefined) ?? null,
      certificate: certificate
        ? {
            id: certificate.id,
            number: certificate.number,
            nameZh: certificate.nameZh,
            token: certificate.codeToken,
          }
        : null,
    };
  }

  /** A staff step on a matter case through this module: the step and what follows in one transaction. */
  async function handle(actor: Actor, caseId: string, input: TransitionInput) {
    return kernel.transaction(async (tx) => {
      const updated = await kernel.cases.transitionInTransaction(tx, actor, caseId, input);
      if (updated.typeCode !== CASE_TYPES.matter)
        throw new ConflictError('services.case.not_matter', 'This is not a service matter case.');
      await afterStep(tx, updated);
      return updated;
    });
  }

  // Steps taken elsewhere (the generic case page) reach the same follow-up through the events.
  kernel.events.subscribe('cases.case.transitioned', async (event) => {
    const payload = event.payload as { caseId: string; typeCode: string };
    if (payload.typeCode !== CASE_TYPES.matter) return;
    await kernel.transaction(async (tx) => {
      const [caseRow] = await tx.select().from(casesCase).where(eq(casesCase.id, payload.caseId));
      if (caseRow) await afterStep(tx, caseRow);
    });
  });

  return { decideAutomatically, afterStep, refreshStatus, notice, noticeTo, casesOf, handle, application };
}

export type Decisions = ReturnType<typeof createDecisions>;
export type { CaseTypeDefinition };
