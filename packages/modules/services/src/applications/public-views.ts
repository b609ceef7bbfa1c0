import { timingSafeEqual } from 'node:crypto';
import type { Kernel } from '@zhizhi/kernel';
import { casesCase } from '@zhizhi/kernel/cases';
import { NotFoundError } from '@zhizhi/kernel/errors';
import { orgDepartment } from '@zhizhi/kernel/org';
import { and, asc, eq, sql } from 'drizzle-orm';
import { servicesApplication, servicesCertificate } from '../schema';
import { passwordDigest } from './application-views';
import { CERTIFICATE_CODE_KIND } from './case-types';

const NOT_FOUND = () =>
  new NotFoundError('services.track.not_found', 'No application with this number and query password.');

/** What anyone may see without signing in: progress by number + password, and certificates by code. */
export function createPublicViews(kernel: Kernel) {
  const { db } = kernel;

  /** 办件查询: the status and each matter's progress; no personal data. Wrong number or password alike. */
  async function track(number: string, password: string) {
    const clean = number.trim().toUpperCase();
    if (!/^[A-Z]{1,6}\d{6,20}$/.test(clean) || !/^\d{6}$/.test(password)) throw NOT_FOUND();
    const [row] = await db.select().from(servicesApplication).where(eq(servicesApplication.number, clean));
    const given = Buffer.from(passwordDigest(row?.id ?? '00000000-0000-0000-0000-000000000000', password));
    const stored = Buffer.from(row?.queryPasswordHash ?? '0'.repeat(64));
    if (!row || given.length !== stored.length || !timingSafeEqual(given, stored)) throw NOT_FOUND();
    const cases = row.caseId
      ? await db
          .select({
            id: casesCase.id,
            number: casesCase.number,
            title: casesCase.title,
            state: casesCase.state,
            dueAt: casesCase.dueAt,
            closedAt: casesCase.closedAt,
            departmentName: orgDepartment.name,
            departmentNameEn: orgDepartment.nameEn,
          })
          .from(casesCase)
          .leftJoin(orgDepartment, eq(orgDepartment.id, casesCase.departmentId))
          .where(and(eq(casesCase.parentId, row.caseId), eq(casesCase.parentRole, 'co')))
          .orderBy(asc(casesCase.number))
      : [];
    const certificates = await db
      .select({
        caseId: servicesCertificate.caseId,
        number: servicesCertificate.number,
        token: servicesCertificate.codeToken,
      })
      .from(servicesCertificate)
      .where(eq(servicesCertificate.applicationId, row.id));
    return {
      number: row.number,
      status: row.status,
      channel: row.channel,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      concludedAt: row.concludedAt?.toISOString() ?? null,
      matters: cases.map((c) => {
        const certificate = certificates.find((x) => x.caseId === c.id);
        return {
          number: c.number,
          name: c.title,
          state: c.state,
          department: { zh: c.departmentName, en: c.departmentNameEn },
          dueAt: c.dueAt?.toISOString() ?? null,
          closedAt: c.closedAt?.toISOString() ?? null,
          certificate: certificate ? { number: certificate.number, token: certificate.token } : null,
        };
      }),
    };
  }

  /** A certificate behind a scanned code (一码通服): valid or revoked, what it certifies, who issued it. */
  async function certificate(token: string) {
    const code = await kernel.codes.resolve(token);
    if (code.kind !== CERTIFICATE_CODE_KIND)
      throw new NotFoundError('codes.code.not_found', 'No such certificate.');
    const [row] = await db
      .select({
        certificate: servicesCertificate,
        issuer: orgDepartment.name,
        issuerEn: orgDepartment.nameEn,
      })
      .from(servicesCertificate)
      .leftJoin(orgDepartment, sql`${orgDepartment.id}::text = ${servicesCertificate.issuedBy}`)
      .where(eq(servicesCertificate.id, code.entityId));
    if (!row) throw new NotFoundError('codes.code.not_found', 'No such certificate.');
    const c = row.certificate;
    const holder = String(c.items.holder ?? '');
    return {
      number: c.number,
      type: c.type,
      name: c.nameZh,
      status: c.status,
      matterCode: c.matterCode,
      issuedAt: c.issuedAt.toISOString(),
      issuer: { zh: row.issuer, en: row.issuerEn },
      // An enterprise's name and code are public (公示); a person's name is masked.
      holder: c.holderKind === 'enterprise' ? holder : `${holder.slice(0, 1)}**`,
      identifier: c.holderKind === 'enterprise' ? ((c.items.identifier as string | null) ?? null) : null,
      address: (c.items.address as string | null) ?? null,
      scope: (c.items.scope as string | null) ?? null,
      verified: true,
    };
  }

  return { track, certificate };
}
