import type { Kernel } from '@zhizhi/kernel';
import type { Actor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError } from '@zhizhi/kernel/errors';
import { and, eq } from 'drizzle-orm';
import type { BundlePlan } from '../bundles/plan';
import { dueAt } from '../catalogue/limits';
import { servicesApplication } from '../schema';
import {
  type ApplicationRow,
  bundleTitle,
  clockDays,
  departmentIds,
  maskApplicant,
  passwordDigest,
} from './application-views';
import { CASE_TYPES } from './case-types';
import type { Decisions } from './decisions';
import type { Applicant } from './prefill';
import '../events';

/**
 * The submission itself, in one transaction: the overall case with the longest promised limit,
 * the draft claimed (a second submit loses), one co-handling child case per matter with its own
 * limit and both deadlines, the automatic decisions, audit, the event and the first message.
 */
export async function submitInTransaction(
  kernel: Kernel,
  decisions: Decisions,
  input: { actor: Actor; row: ApplicationRow; plan: BundlePlan; applicant: Applicant; password: string },
): Promise<{ number: string; caseId: string }> {
  const { actor, row, plan, applicant, password } = input;
  const { clock } = kernel;
  return kernel.transaction(async (tx: Executor) => {
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
          applicant: maskApplicant(applicant),
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
}
