import type { Kernel } from '@zhizhi/kernel';
import { casesCase } from '@zhizhi/kernel/cases';
import { orgDepartment } from '@zhizhi/kernel/org';
import { eq } from 'drizzle-orm';
import type { CreditService } from '../credit/credit-service';
import { regulationInspection } from '../schema';
import { REGULATION_CASE_TYPES } from './case-types';

/**
 * What the module does after steps on its other cases, whichever page took them: a penalty
 * decision becomes a credit record; an approved repair marks the record repaired (re-rating both).
 */
export function registerFollowUps(kernel: Kernel, credit: CreditService) {
  kernel.events.subscribe('cases.case.transitioned', async (event) => {
    const { typeCode, caseId, to } = event.payload;
    const penalized = typeCode === REGULATION_CASE_TYPES.referral && to === 'penalized';
    const repaired = typeCode === REGULATION_CASE_TYPES.repair && to === 'repaired';
    if (!penalized && !repaired) return;
    await kernel.transaction(async (tx) => {
      const [row] = await tx.select().from(casesCase).where(eq(casesCase.id, caseId));
      if (!row) return;
      const data = row.data as Record<string, unknown>;
      if (repaired) {
        await credit.markRepaired(tx, String(data.record_id));
        return;
      }
      const [inspection] = await tx
        .select()
        .from(regulationInspection)
        .where(eq(regulationInspection.id, String(data.inspection_id)));
      if (!inspection) return;
      const [department] = row.departmentId
        ? await tx
            .select({ code: orgDepartment.code })
            .from(orgDepartment)
            .where(eq(orgDepartment.id, row.departmentId))
        : [];
      const amount = Number(data.penalty_amount ?? 0);
      await credit.addRecord(tx, {
        subjectId: inspection.subjectId,
        source: 'penalty',
        departmentCode: department?.code ?? inspection.departmentCodes[0] ?? 'unknown',
        date: row.closedAt ?? kernel.clock.now(),
        severity: data.licence_revoked === true ? 90 : amount >= 100_000 ? 70 : 40,
        data: { amount, licenceRevoked: data.licence_revoked === true, decisionNumber: data.decision_number },
        summary: `行政处罚（${String(data.decision_number ?? '')}）：罚没款 ${amount} 元`,
        origin: 'referral',
        originId: row.id,
      });
    });
  });
}
