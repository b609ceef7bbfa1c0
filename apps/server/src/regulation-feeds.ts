import type { Kernel } from '@zhizhi/kernel';
import { rows } from '@zhizhi/kernel/db';
import { sql } from 'drizzle-orm';
import type { Regulation } from '@zhizhi/regulation';

type Holder = { subject_id: string; department_code: string | null };

/**
 * 应归尽归: what other modules decide about an enterprise becomes its credit record. Licences issued
 * through 一网通办 (favourable) and 告知承诺 checks (kept or broken) reach the subject registered under
 * the applicant's 统一社会信用代码. Wired here, in the app, so neither module knows the other.
 */
export function registerRegulationFeeds(kernel: Kernel, regulation: Regulation) {
  const credit = regulation.credit;

  kernel.events.subscribe('services.certificate.issued', async (event) => {
    const p = event.payload;
    await kernel.transaction(async (tx) => {
      const [holder] = await rows<Holder & { name: string; issued_at: Date }>(
        tx,
        sql`select s.id as subject_id, m.department_code, c.name_zh as name, c.issued_at
          from services_certificate c
          join identity_enterprise e on c.holder_kind = 'enterprise' and e.id = c.holder_registry_id
          join regulation_subject s on s.uscc = e.uscc
          left join lateral (select department_code from services_matter where code = c.matter_code
            order by version desc limit 1) m on true
          where c.id = ${p.certificateId}`,
      );
      if (!holder) return;
      await credit.addRecord(tx, {
        subjectId: holder.subject_id,
        source: 'licence',
        departmentCode: holder.department_code ?? 'zwfw',
        date: new Date(holder.issued_at),
        severity: 0,
        data: { licenceType: holder.name, number: p.number },
        summary: `行政许可：${holder.name}（${p.number}）`,
        origin: 'services.certificate',
        originId: p.certificateId,
      });
    });
  });

  kernel.events.subscribe('cases.case.transitioned', async (event) => {
    const p = event.payload;
    if (p.typeCode !== 'services_commitment_check' || (p.to !== 'kept' && p.to !== 'broken')) return;
    await kernel.transaction(async (tx) => {
      const [holder] = await rows<Holder & { closed_at: Date | null }>(
        tx,
        sql`select s.id as subject_id, d.code as department_code, k.closed_at
          from cases_case k
          join services_application a on a.id::text = k.data ->> 'application_id'
          join identity_enterprise e on a.applicant_kind = 'enterprise' and e.id = a.applicant_registry_id
          join regulation_subject s on s.uscc = e.uscc
          left join org_department d on d.id = k.department_id
          where k.id = ${p.caseId}`,
      );
      if (!holder) return;
      const kept = p.to === 'kept';
      await credit.addRecord(tx, {
        subjectId: holder.subject_id,
        source: 'commitment',
        departmentCode: holder.department_code ?? 'zwfw',
        date: holder.closed_at ? new Date(holder.closed_at) : kernel.clock.now(),
        severity: kept ? 0 : 50,
        data: { kept },
        summary: kept ? `告知承诺核查属实（${p.number}）` : `告知承诺核查不实（${p.number}）`,
        origin: 'services.commitment',
        originId: p.caseId,
      });
    });
  });
}
