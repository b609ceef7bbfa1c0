import { randomInt } from 'node:crypto';
import { dataResource, type Sharing } from '@zhizhi/data';
import type { Kernel } from '@zhizhi/kernel';
import { systemActor } from '@zhizhi/kernel/access';
import { identityApplicant, identityCitizen, identityEnterprise } from '@zhizhi/kernel/identity';
import { orgDepartment } from '@zhizhi/kernel/org';
import type { Services } from '@zhizhi/services';
import { eq, inArray } from 'drizzle-orm';
import { demoRowGenerators } from '../data-catalog-rows';
import { fenghuaBundles } from './bundles';
import { fenghuaFieldDictionary } from './dictionary';
import { fenghuaMatters } from './matters';

/** A demo applicant account (浙里办-style): signs in with the number and this password. */
export interface DemoApplicant {
  username: string;
  password: string;
  title: string;
  roles: string[];
}

const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function password(): string {
  let p = '';
  while (!/\d/.test(p) || !/[a-z]/i.test(p))
    p = Array.from({ length: 12 }, () => READABLE[randomInt(READABLE.length)]).join('');
  return p;
}

/** (matter, shared resource) pairs the demo catalogue pre-fills from, with the items each needs. */
export function prefillPairs(): { matterCode: string; resourceCode: string; items: string[] }[] {
  const dictionary = new Map(fenghuaFieldDictionary.map((f) => [f.code, f]));
  const pairs = new Map<string, { matterCode: string; resourceCode: string; items: Set<string> }>();
  for (const matter of fenghuaMatters)
    for (const { field } of matter.fields) {
      const resource = dictionary.get(field)?.supply?.resource;
      if (!resource) continue;
      const key = `${matter.code}|${resource.code}`;
      const pair = pairs.get(key) ?? {
        matterCode: matter.code,
        resourceCode: resource.code,
        items: new Set(),
      };
      pair.items.add(resource.item);
      pairs.set(key, pair);
    }
  return [...pairs.values()].map((p) => ({ ...p, items: [...p.items].sort() }));
}

/**
 * The services demo: the Fenghua catalogue, the one-window centre's sharing approvals for every
 * (matter, resource) pair it pre-fills from, and two applicant accounts whose data is in the demo
 * catalog (a catering company of the 市场主体登记信息 rows and a resident). Idempotent; passwords
 * are returned only for accounts created now.
 */
export async function seedServicesDemo(
  kernel: Kernel,
  options: { services: Services; sharing?: Sharing },
): Promise<DemoApplicant[]> {
  await options.services.catalogue.seed({
    fields: fenghuaFieldDictionary,
    matters: fenghuaMatters,
    bundles: fenghuaBundles,
  });
  const [window] = await kernel.db
    .select({ id: orgDepartment.id })
    .from(orgDepartment)
    .where(eq(orgDepartment.code, 'zwfw'));
  if (options.sharing && window) {
    const pairs = prefillPairs();
    const resources = new Map(
      (
        await kernel.db
          .select({ id: dataResource.id, code: dataResource.code })
          .from(dataResource)
          .where(inArray(dataResource.code, [...new Set(pairs.map((p) => p.resourceCode))]))
      ).map((r) => [r.code, r.id]),
    );
    const inputs = pairs
      .filter((p) => resources.has(p.resourceCode))
      .map((p) => ({
        consumerDepartmentId: window.id,
        resourceId: resources.get(p.resourceCode)!,
        matterCode: p.matterCode,
        items: p.items,
        days: 365,
        purpose: '政务服务事项办理中免提交证明材料（一证通办）',
        legalBasis: '《浙江省公共数据条例》第二十七条',
      }));
    if (inputs.length) await options.sharing.seedGrants(systemActor, inputs);
  }
  return seedDemoApplicants(kernel);
}

async function seedDemoApplicants(kernel: Kernel): Promise<DemoApplicant[]> {
  const company = demoRowGenerators
    .enterprises()
    .find(
      (r) =>
        r.entity_type === '有限责任公司' &&
        String(r.entity_name).includes('餐饮') &&
        r.entity_status === '存续',
    )!;
  const resident = demoRowGenerators.residents()[0];
  const out: DemoApplicant[] = [];
  const accounts: { kind: 'enterprise' | 'citizen'; registryId: string; username: string; title: string }[] =
    [];
  const uscc = String(company.uscc);
  let [enterprise] = await kernel.db
    .select()
    .from(identityEnterprise)
    .where(eq(identityEnterprise.uscc, uscc));
  if (!enterprise) {
    await kernel.registry.registerEnterprise(systemActor, {
      uscc,
      name: String(company.entity_name),
      legalRepresentative: String(company.legal_representative),
    });
    [enterprise] = await kernel.db.select().from(identityEnterprise).where(eq(identityEnterprise.uscc, uscc));
  }
  accounts.push({
    kind: 'enterprise',
    registryId: enterprise.id,
    username: uscc,
    title: `企业申请人：${enterprise.name}`,
  });
  const idNumber = String(resident.id_number);
  let [citizen] = await kernel.db
    .select()
    .from(identityCitizen)
    .where(eq(identityCitizen.idNumber, idNumber));
  if (!citizen) {
    await kernel.registry.registerCitizen(systemActor, { idNumber, name: String(resident.name) });
    [citizen] = await kernel.db.select().from(identityCitizen).where(eq(identityCitizen.idNumber, idNumber));
  }
  accounts.push({
    kind: 'citizen',
    registryId: citizen.id,
    username: idNumber,
    title: '个人申请人（户籍居民）',
  });
  for (const account of accounts) {
    const [existing] = await kernel.db
      .select({ id: identityApplicant.id })
      .from(identityApplicant)
      .where(eq(identityApplicant.registryId, account.registryId));
    if (existing) continue;
    const secret = password();
    await kernel.applicants.ensureAccount(systemActor, {
      kind: account.kind,
      registryId: account.registryId,
      password: secret,
    });
    out.push({ username: account.username, password: secret, title: account.title, roles: ['applicant'] });
  }
  return out;
}
