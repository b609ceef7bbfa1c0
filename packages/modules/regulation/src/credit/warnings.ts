import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import type { Executor } from '@zhizhi/kernel/db';
import { NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, desc, eq } from 'drizzle-orm';
import { REGULATION_PERMISSIONS as P } from '../permissions';
import type { SubjectRow } from '../registry/subject-service';
import { regulationSubject, regulationWarning } from '../schema';

export interface WarningOptions {
  /** Adverse records in 12 months from which a warning is raised (default 3). */
  riskRecordsThreshold?: number;
  /** An optional notice to the subject itself (its portal account), when a warning is raised. */
  noticeToSubject?: (
    tx: Executor,
    subject: SubjectRow,
    title: { zh: string; en: string },
  ) => Promise<boolean>;
}

/** Early warnings (信用预警): written with the rating, sent to the supervising department. */
export function createWarnings(kernel: Kernel, options: WarningOptions = {}) {
  const { db, clock } = kernel;
  const threshold = options.riskRecordsThreshold ?? 3;

  async function department(tx: Executor, code: string) {
    const [row] = await tx
      .select({ id: orgDepartment.id })
      .from(orgDepartment)
      .where(eq(orgDepartment.code, code));
    return row?.id ?? null;
  }

  async function warn(
    tx: Executor,
    subject: SubjectRow,
    kind: 'class_worsened' | 'risk_records',
    ruleSetCode: string,
    fromClass: string | null,
    toClass: string,
    notify: boolean,
  ) {
    const message =
      kind === 'class_worsened'
        ? `${subject.name}信用风险分类由${fromClass}类降为${toClass}类`
        : `${subject.name}近12个月失信记录达到${threshold}条以上`;
    const title = { zh: `信用预警：${message}`, en: `Credit warning: ${subject.uscc} (${kind})` };
    const subjectNotified =
      notify && options.noticeToSubject ? await options.noticeToSubject(tx, subject, title) : false;
    const id = newId();
    await tx.insert(regulationWarning).values({
      id,
      subjectId: subject.id,
      departmentCode: subject.departmentCode,
      kind,
      ruleSetCode,
      fromClass,
      toClass,
      message,
      status: 'open',
      subjectNotified,
      createdAt: clock.now(),
    });
    const departmentId = notify ? await department(tx, subject.departmentCode) : null;
    if (departmentId)
      await kernel.notifications.notify(tx, {
        departmentId,
        titleZh: title.zh,
        titleEn: title.en,
        link: `/regulation/subjects/${subject.id}`,
        subjectType: 'regulation_subject',
        subjectId: subject.id,
      });
    await kernel.events.publish(tx, 'regulation.warning.raised', {
      warningId: id,
      subjectId: subject.id,
      departmentCode: subject.departmentCode,
      kind,
    });
  }

  async function list(
    actor: Actor,
    query: { status?: string; departmentCode?: string; subjectId?: string; limit?: number },
  ) {
    requirePermission(actor, P.read);
    const rows = await db
      .select({ warning: regulationWarning, name: regulationSubject.name, uscc: regulationSubject.uscc })
      .from(regulationWarning)
      .innerJoin(regulationSubject, eq(regulationSubject.id, regulationWarning.subjectId))
      .where(
        and(
          query.status ? eq(regulationWarning.status, query.status) : undefined,
          query.departmentCode ? eq(regulationWarning.departmentCode, query.departmentCode) : undefined,
          query.subjectId ? eq(regulationWarning.subjectId, query.subjectId) : undefined,
        ),
      )
      .orderBy(desc(regulationWarning.createdAt))
      .limit(Math.min(query.limit ?? 100, 500));
    return rows.map((r) => ({ ...r.warning, subjectName: r.name, uscc: r.uscc }));
  }

  async function acknowledge(actor: Actor, warningId: string) {
    requirePermission(actor, P.manageSubjects);
    const [row] = await db
      .update(regulationWarning)
      .set({ status: 'acknowledged', acknowledgedAt: clock.now(), acknowledgedBy: actor.name })
      .where(and(eq(regulationWarning.id, warningId), eq(regulationWarning.status, 'open')))
      .returning();
    if (!row) throw new NotFoundError('regulation.warning.not_found', 'No such open warning.');
    return row;
  }

  return { threshold, warn, list, acknowledge };
}

export type Warnings = ReturnType<typeof createWarnings>;
