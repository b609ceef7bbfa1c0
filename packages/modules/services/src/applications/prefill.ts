import type { Kernel } from '@zhizhi/kernel';
import type { Executor } from '@zhizhi/kernel/db';
import { isKernelError } from '@zhizhi/kernel/errors';
import { and, eq } from 'drizzle-orm';
import type { BundlePlan } from '../bundles/plan';
import type { DictionaryEntry } from '../catalogue/types';
import { type MaterialEntry, servicesCertificate, type ValueSource } from '../schema';

/** Who applies: a citizen (身份证号) or an enterprise (统一社会信用代码) of the kernel registry. */
export interface Applicant {
  kind: 'citizen' | 'enterprise';
  registryId: string;
  /** 身份证号 or 统一社会信用代码, unmasked: only ever used as a lookup key. */
  identifier: string;
  name: string;
}

export interface Prefill {
  form: Record<string, unknown>;
  /** Clear shared values by resource item, plus the applicant's age (what instant rules read). */
  shared: Record<string, unknown>;
  sources: Record<string, ValueSource>;
  materials: Record<string, MaterialEntry>;
}

/** Lookups that fail this way only mean "not available here"; the applicant types the value. */
const SKIPPABLE = new Set([
  'shared_data.unavailable',
  'data.share.no_grant',
  'data.share.grant_revoked',
  'data.share.grant_expired',
  'data.share.resource_retired',
  'data.share.resource_not_granted',
  'data.share.item_not_approved',
  'data.share.filter_not_allowed',
  'data.share.rate_limited',
  'data.share.quota_exceeded',
]);

/** The material key a planned material is stored under (as the plan merges them). */
export function materialKey(material: BundlePlan['materials'][number]['material']): string {
  return material.source.kind === 'certificate'
    ? `certificate:${material.source.certificateType}`
    : material.code;
}

/**
 * 一证通办: fills what the data-sharing gateway can supply for this applicant under the one-window
 * department's approvals for these matters, recording the source of every value; e-certificate
 * materials are satisfied by a certificate issued here or by the certificate's data being shared.
 * The applicant's own identifier is the only lookup key; nothing found means nothing filled.
 */
export async function prefill(
  kernel: Kernel,
  executor: Executor,
  input: {
    plan: BundlePlan;
    applicant: Applicant;
    consumerDepartmentId: string | null;
    accessor: string;
    certificateNames: ReadonlyMap<string, string>;
  },
): Promise<Prefill> {
  const { plan, applicant } = input;
  const keyType = applicant.kind === 'citizen' ? 'id_number' : 'uscc';
  const form: Record<string, unknown> = {};
  const sources: Record<string, ValueSource> = {};
  const now = kernel.clock.now().toISOString();

  // The applicant's own identifier and name come from the identity they signed in with.
  for (const field of plan.form) {
    const { entry } = field;
    if (entry.type === keyType && (entry.code === keyType || entry.code === `applicant_${keyType}`)) {
      form[entry.code] = applicant.identifier;
      sources[entry.code] = { kind: 'identity', at: now };
    }
  }

  // Group the fields a shared resource can supply: resource → items wanted and the key item.
  const byResource = new Map<
    string,
    { keyItem: string | null; fields: DictionaryEntry[]; matters: string[] }
  >();
  for (const field of plan.form) {
    const resource = field.entry.supply?.resource;
    if (!resource) continue;
    const group = byResource.get(resource.code) ?? { keyItem: null, fields: [], matters: [] };
    group.fields.push(field.entry);
    for (const m of field.matters) if (!group.matters.includes(m)) group.matters.push(m);
    if (field.entry.type === keyType) group.keyItem = resource.item;
    byResource.set(resource.code, group);
  }
  const foundCertificates = new Map<string, ValueSource>();
  const shared: Record<string, unknown> = {};
  if (applicant.kind === 'citizen') {
    const age = ageFromIdNumber(applicant.identifier, kernel.clock.now());
    if (age !== null) shared.age = age;
  }
  if (input.consumerDepartmentId) {
    for (const [resourceCode, group] of byResource) {
      if (!group.keyItem) continue;
      const items = [...new Set(group.fields.map((f) => f.supply!.resource!.item))];
      for (const matterCode of group.matters) {
        try {
          const answer = await kernel.sharedData.lookup({
            consumerDepartmentId: input.consumerDepartmentId,
            resourceCode,
            matterCode,
            accessor: input.accessor,
            filter: { [group.keyItem]: applicant.identifier },
            items,
          });
          const row = answer.rows[0];
          if (!row) break;
          for (const entry of group.fields) {
            const item = entry.supply!.resource!.item;
            const value = row[item];
            if (value === null || value === undefined || value === '') continue;
            const masked = arrivesMasked(answer.modes[item] ?? 'clear', entry.personalData);
            if (!masked) shared[item] = value;
            const certificate = entry.supply?.certificate;
            const source: ValueSource = {
              kind: certificate ? 'certificate' : 'resource',
              certificateType: certificate?.type,
              certificateName: certificate ? input.certificateNames.get(certificate.type) : undefined,
              resourceCode: answer.source.resourceCode,
              resourceName: answer.source.resourceName,
              providerDepartmentName: answer.source.providerDepartmentName,
              grantId: answer.source.grantId,
              approvalNumber: answer.source.approvalNumber,
              matterCode,
              at: answer.source.at,
              ...(masked ? { masked: true } : {}),
            };
            if (certificate && !masked) foundCertificates.set(certificate.type, source);
            if (sources[entry.code]?.kind === 'identity') continue;
            if (!masked) form[entry.code] = coerce(entry, value);
            sources[entry.code] = source;
          }
          break;
        } catch (error) {
          if (isKernelError(error) && SKIPPABLE.has(error.code)) continue;
          throw error;
        }
      }
    }
  }

  // The applicant's own name, when the shared data did not give it in clear.
  const ownName = applicant.kind === 'citizen' ? ['name', 'applicant_name'] : ['enterprise_name'];
  for (const { entry } of plan.form)
    if (ownName.includes(entry.code) && form[entry.code] === undefined) {
      form[entry.code] = applicant.name;
      sources[entry.code] = { kind: 'identity', at: now };
    }

  const materials: Record<string, MaterialEntry> = {};
  for (const planned of plan.materials) {
    const source = planned.material.source;
    if (source.kind !== 'certificate') continue;
    const [issued] = await executor
      .select({ number: servicesCertificate.number, issuedAt: servicesCertificate.issuedAt })
      .from(servicesCertificate)
      .where(
        and(
          eq(servicesCertificate.holderRegistryId, applicant.registryId),
          eq(servicesCertificate.type, source.certificateType),
          eq(servicesCertificate.status, 'valid'),
        ),
      )
      .limit(1);
    const name = input.certificateNames.get(source.certificateType) ?? planned.material.name.zh;
    if (issued) {
      materials[materialKey(planned.material)] = {
        fileIds: [],
        certificate: {
          kind: 'certificate',
          certificateType: source.certificateType,
          certificateName: name,
          approvalNumber: issued.number,
          at: issued.issuedAt.toISOString(),
        },
      };
      continue;
    }
    const shared = foundCertificates.get(source.certificateType);
    if (shared)
      materials[materialKey(planned.material)] = {
        fileIds: [],
        certificate: { ...shared, certificateName: name },
      };
  }
  return { form, shared, materials, sources };
}

/** Shared values arrive as the resource's types; a form field may want a string. */
function coerce(entry: DictionaryEntry, value: unknown): unknown {
  if (entry.type === 'number' || entry.type === 'integer')
    return typeof value === 'number' ? value : Number(value);
  if (entry.type === 'boolean') return Boolean(value);
  return typeof value === 'string' ? value : String(value);
}

/** Full years from the birth date in an 18-digit 身份证号, on Beijing calendar days. */
export function ageFromIdNumber(idNumber: string, now: Date): number | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(idNumber);
  if (!m) return null;
  const today = new Date(now.getTime() + 8 * 3_600_000);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < mo || (today.getUTCMonth() + 1 === mo && today.getUTCDate() < d)) age--;
  return age;
}

/**
 * Whether a value under the grant's masking mode is not the original: light masking keeps names
 * and addresses whole (it masks numbers); strict and redact change every personal value.
 */
export function arrivesMasked(mode: string, kind: DictionaryEntry['personalData']): boolean {
  if (mode === 'clear') return false;
  if (mode === 'redact') return true;
  if (kind === 'none') return false;
  if (mode === 'light') return !['name', 'address'].includes(kind);
  return true;
}
