import { createHash } from 'node:crypto';
import type { Kernel } from '@zhizhi/kernel';
import type { Executor } from '@zhizhi/kernel/db';
import { InputError } from '@zhizhi/kernel/errors';
import { orgDepartment } from '@zhizhi/kernel/org';
import { inArray } from 'drizzle-orm';
import type { BundlePlan } from '../bundles/plan';
import { dueAt } from '../catalogue/limits';
import type { Matter } from '../catalogue/types';
import { validateForm } from '../catalogue/validate-form';
import type { servicesApplication } from '../schema';
import { type Applicant, materialKey } from './prefill';

// What applications are checked against and how they are shown, apart from the service itself.

export type ApplicationRow = typeof servicesApplication.$inferSelect;
export const CHANNELS = ['window', 'web', 'mobile', 'kiosk'] as const;

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

/** Checks that each matter is offered where the applicant applies and to applicants of this kind. */
export function checkOffered(
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
      throw new InputError('services.matter.channel', `${m.code} cannot be applied for through ${channel}.`, {
        matterCode: m.code,
      });
  }
}

/** Every problem that stops a submission, at once: form fields and required materials. */
export function checkComplete(row: ApplicationRow, plan: BundlePlan, today: string) {
  validateForm(plan.form, row.form, { today });
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

/** Department code → id for the matters' handling departments. */
export async function departmentIds(
  executor: Executor,
  matters: Iterable<Matter>,
): Promise<Map<string, string>> {
  const codes = [...new Set([...matters].map((m) => m.departmentCode))];
  if (!codes.length) return new Map();
  const rows = await executor
    .select({ id: orgDepartment.id, code: orgDepartment.code })
    .from(orgDepartment)
    .where(inArray(orgDepartment.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

export function bundleTitle(plan: BundlePlan): string {
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
