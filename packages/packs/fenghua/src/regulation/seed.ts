import { randomInt } from 'node:crypto';
import type { Kernel } from '@zhizhi/kernel';
import { type Actor, systemActor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import {
  identityApplicant,
  identityEnterprise,
  identityStaff,
  loadStaffActor,
} from '@zhizhi/kernel/identity';
import { newId } from '@zhizhi/kernel/ids';
import {
  type Regulation,
  regulationRecord,
  regulationSubject,
  regulationSubjectHistory,
} from '@zhizhi/regulation';
import { eq, inArray } from 'drizzle-orm';
import { demoPhoto } from '../governance';
import type { DemoCredential } from '../seed';
import { demoProfiles, demoRecords } from './records-data';
import { fenghuaInspectionItems, fenghuaInspectors, ITEM } from './roster-data';
import { type DemoSubject, demoSubjects } from './subjects-data';

/** The demo inspectors who sign in (demo-staff.ts). */
const INSPECTOR_ACCOUNTS = ['scjgj.inspector1', 'scjgj.inspector2'] as const;

const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function password(): string {
  let p = '';
  while (!/\d/.test(p) || !/[a-z]/i.test(p))
    p = Array.from({ length: 12 }, () => READABLE[randomInt(READABLE.length)]).join('');
  return p;
}

const QUARTERS = ['一', '二', '三', '四'];

/** What an inspector writes for a checklist point with a problem. */
const FINDINGS: Record<string, string> = {
  health_certificates: '后厨两名从业人员健康证明已过期。',
  storage: '冷藏柜内有两包食品超过保质期未及时清理。',
  tableware: '餐具消毒柜未通电使用，消毒记录缺失。',
  price_tags: '部分商品未标示价格。',
};

/** What the regulation demo added (zeros and no credentials when it was there already). */
export interface RegulationDemoResult {
  subjects: number;
  records: number;
  credentials: DemoCredential[];
}

/**
 * The regulation demo: about 240 market subjects of 奉化区 with licences and credit records, the
 * item list and inspector roster, ratings from `credit.rerateAll()`, one drawn sampling plan (some
 * visits recorded, published or under rectification) and one only committed, 众安码 for every shop,
 * and a shop that signs in on the portal with an open rectification order (码上整改). Skipped when
 * any subject exists.
 */
export async function seedRegulationDemo(
  kernel: Kernel,
  options: { regulation: Regulation },
): Promise<RegulationDemoResult> {
  const { regulation } = options;
  const none = { subjects: 0, records: 0, credentials: [] };
  const [any] = await kernel.db.select({ id: regulationSubject.id }).from(regulationSubject).limit(1);
  if (any) return none;

  const now = kernel.clock.now();
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const subjects = demoSubjects(today);
  const profiles = demoProfiles(subjects.length);
  // The demo shop was complained about three times: a B that an inspector then visits.
  const complained = profiles.indexOf('complained', 1);
  [profiles[0], profiles[complained]] = [profiles[complained]!, profiles[0]!];
  const records = demoRecords(subjects, profiles, now);
  const staff = await kernel.db
    .select({ id: identityStaff.id, username: identityStaff.username, name: identityStaff.displayName })
    .from(identityStaff)
    .where(inArray(identityStaff.username, [...INSPECTOR_ACCOUNTS]));
  const accounts = new Map(staff.map((s) => [s.username, s]));

  const ids = subjects.map(() => newId());
  const rosterIds = new Map<string, string>();
  const inserted = await kernel.transaction(async (tx) => {
    // Racing starts: the unique credit codes make the loser's insert a no-op.
    const rows = await insertSubjects(tx, subjects, ids, now);
    if (rows === 0) return false;
    for (let i = 0; i < records.length; i += 500)
      await tx
        .insert(regulationRecord)
        .values(
          records.slice(i, i + 500).map((r) => ({
            id: newId(),
            subjectId: ids[r.subject]!,
            source: r.source,
            departmentCode: r.departmentCode,
            date: r.date,
            validUntil: r.validUntil,
            repairedAt: null,
            severity: r.severity,
            data: r.data,
            summary: r.summary,
            origin: 'demo',
            originId: r.originId,
            createdAt: now,
          })),
        )
        .onConflictDoNothing();
    for (const item of fenghuaInspectionItems) await regulation.roster.saveItem(systemActor, item, tx);
    const names = Object.fromEntries(staff.map((s) => [s.username, s.name]));
    for (const { account, conflicts, ...entry } of fenghuaInspectors(names)) {
      const saved = await regulation.roster.saveInspector(
        systemActor,
        {
          ...entry,
          accountId: account ? (accounts.get(account)?.id ?? null) : null,
          conflicts: (conflicts ?? []).map((k) => ids[k]!).filter(Boolean),
        },
        undefined,
        tx,
      );
      if (account) rosterIds.set(account, saved.id);
    }
    await recordAudit(tx, kernel.clock, {
      actor: systemActor,
      action: 'regulation.demo.seeded',
      subjectType: 'region',
      subjectId: '330213000000',
      data: { subjects: subjects.length, records: records.length },
    });
    return true;
  });
  if (!inserted) return none;
  await regulation.credit.rerateAll('schedule');

  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const year = today.slice(0, 4);
  const drawn = await regulation.plans.create(systemActor, {
    nameZh: `${year}年第${QUARTERS[quarter]}季度食品安全双随机抽查`,
    nameEn: `${year} Q${quarter + 1} food safety random inspections`,
    departmentCode: 'scjgj',
    items: [{ code: ITEM.food }, { code: ITEM.catering }, { code: ITEM.prices }],
  });
  await regulation.plans.commit(systemActor, drawn.id);
  await regulation.plans.draw(systemActor, drawn.id);
  const joint = await regulation.plans.create(systemActor, {
    nameZh: `${year}年餐饮场所食品安全与消防安全跨部门联合抽查`,
    nameEn: `${year} joint inspections of restaurants: food and fire safety`,
    departmentCode: 'scjgj',
    items: [{ code: ITEM.catering }, { code: ITEM.fire }],
  });
  await regulation.plans.commit(systemActor, joint.id);

  const actors = new Map<string, Actor>();
  for (const account of INSPECTOR_ACCOUNTS) {
    const found = accounts.get(account);
    const actor = found ? await loadStaffActor(kernel.db, found.id) : null;
    if (actor) actors.set(rosterIds.get(account)!, actor);
  }
  if (actors.size) await progressInspections(kernel, regulation, drawn.id, ids[0]!, actors, rosterIds);
  // Publishing re-rated the visited subjects; everyone else kept the rating of `rerateAll` above.
  await regulation.shops.issueCodes();
  const credentials = await shopAccount(kernel, subjects[0]!);
  return { subjects: subjects.length, records: records.length, credentials };
}

async function insertSubjects(tx: Executor, subjects: DemoSubject[], ids: string[], now: Date) {
  let rows = 0;
  for (let i = 0; i < subjects.length; i += 200) {
    const batch = subjects.slice(i, i + 200).map((s, k) => ({
      id: ids[i + k]!,
      uscc: s.uscc,
      name: s.name,
      kind: s.kind,
      legalRepresentative: s.legalRepresentative,
      address: s.address,
      addressId: null,
      divisionCode: s.divisionCode,
      lng: s.lng,
      lat: s.lat,
      industryCode: s.industryCode,
      licences: s.licences,
      status: 'operating',
      departmentCode: s.departmentCode,
      checkOverridden: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }));
    const done = await tx
      .insert(regulationSubject)
      .values(batch)
      .onConflictDoNothing()
      .returning({ id: regulationSubject.id });
    rows += done.length;
    if (done.length)
      await tx.insert(regulationSubjectHistory).values(
        done.map((d) => ({
          id: newId(),
          subjectId: d.id,
          version: 1,
          at: now,
          actorName: 'system',
          status: 'operating',
          changes: {},
        })),
      );
  }
  return rows;
}

/**
 * Takes a few drawn visits forward as their inspectors would: one passed and published, one
 * failed and rectified then published, one failed and under rectification; and the demo shop gets
 * a visit on the spot (码上检查) that fails, so it has a rectification order to answer.
 */
async function progressInspections(
  kernel: Kernel,
  regulation: Regulation,
  planId: string,
  shopId: string,
  actors: Map<string, Actor>,
  rosterIds: Map<string, string>,
) {
  const lead = [...actors.values()][0]!;
  const [photo, signature, after] = await Promise.all(
    [
      ['现场检查.png', demoPhoto([150, 120, 100])],
      ['当事人签名.png', demoPhoto([245, 245, 240])],
      ['复查.png', demoPhoto([96, 140, 96])],
    ].map(([name, content]) =>
      kernel.files.store(lead, { name: name as string, content: content as Buffer }).then((f) => f.id),
    ),
  );
  const items = new Map((await regulation.roster.listItems()).map((i) => [i.code, i]));
  const version = async (actor: Actor, caseId: string) => (await kernel.cases.getCase(actor, caseId)).version;
  const subjects = await regulation.subjects.byIds(
    kernel.db,
    (await regulation.inspections.list(systemActor, { planId })).map((v) => v.subjectId),
  );

  const visits = (await regulation.inspections.list(systemActor, { planId }))
    .filter((v) => v.subjectId !== shopId && v.inspectorIds.some((id) => actors.has(id)))
    .sort((a, b) => a.id.localeCompare(b.id));
  const record = async (
    visitId: string,
    caseId: string,
    inspectorIds: string[],
    itemCodes: string[],
    fail: boolean,
  ) => {
    const actor = actors.get(inspectorIds.find((id) => actors.has(id))!)!;
    const points = itemCodes.flatMap((c) => items.get(c)!.checklist.map((p) => `${c}.${p.code}`));
    const problems = fail ? points.filter((p) => FINDINGS[p.slice(p.indexOf('.') + 1)]).slice(0, 2) : [];
    if (fail && !problems.length) problems.push(points[0]!);
    const findings = problems.map((p) => FINDINGS[p.slice(p.indexOf('.') + 1)] ?? '现场发现问题。').join('');
    const subject = subjects.get((await regulation.inspections.row(kernel.db, visitId)).subjectId);
    await regulation.inspections.record(actor, visitId, {
      expectedVersion: await version(actor, caseId),
      result: fail ? 'fail' : 'pass',
      checklist: Object.fromEntries(points.map((p) => [p, problems.includes(p) ? 'problem' : 'ok'])),
      ...(fail
        ? {
            findings,
            photos: [photo],
            rectificationDays: 10,
          }
        : { findings: '现场检查未发现问题。' }),
      location: { lng: subject?.lng ?? 121.407, lat: subject?.lat ?? 29.655 },
      signatures: [signature],
    });
    return actor;
  };

  const [passed, rectified, failed] = visits;
  if (passed?.caseId) {
    const actor = await record(passed.id, passed.caseId, passed.inspectorIds, passed.itemCodes, false);
    await regulation.inspections.publish(actor, passed.id, {
      expectedVersion: await version(actor, passed.caseId),
    });
  }
  if (rectified?.caseId) {
    const actor = await record(
      rectified.id,
      rectified.caseId,
      rectified.inspectorIds,
      rectified.itemCodes,
      true,
    );
    await regulation.inspections.reinspect(actor, rectified.id, {
      expectedVersion: await version(actor, rectified.caseId),
      passed: true,
      findings: '经复查，从业人员已补办健康证明，过期食品已下架销毁，整改到位。',
      photos: [after],
    });
    await regulation.inspections.publish(actor, rectified.id, {
      expectedVersion: await version(actor, rectified.caseId),
    });
  }
  if (failed?.caseId) await record(failed.id, failed.caseId, failed.inspectorIds, failed.itemCodes, true);

  // 码上检查 at the demo shop: inspector 1 with inspector 2 as partner.
  const me = actors.get(rosterIds.get('scjgj.inspector1')!);
  const partner = rosterIds.get('scjgj.inspector2');
  if (me && partner) {
    const opened = await regulation.inspections.startOnSpot(me, {
      subjectId: shopId,
      itemCodes: [ITEM.food],
      partnerId: partner,
    });
    await record(opened.id, opened.caseId, [rosterIds.get('scjgj.inspector1')!], [ITEM.food], true);
  }
}

/** The demo shop's portal account (an enterprise applicant keyed by its credit code). */
async function shopAccount(kernel: Kernel, shop: DemoSubject): Promise<DemoCredential[]> {
  let [entry] = await kernel.db
    .select()
    .from(identityEnterprise)
    .where(eq(identityEnterprise.uscc, shop.uscc));
  if (!entry) {
    await kernel.registry.registerEnterprise(systemActor, {
      uscc: shop.uscc,
      name: shop.name,
      legalRepresentative: shop.legalRepresentative,
      divisionCode: shop.divisionCode,
    });
    [entry] = await kernel.db.select().from(identityEnterprise).where(eq(identityEnterprise.uscc, shop.uscc));
  }
  const [account] = await kernel.db
    .select({ id: identityApplicant.id })
    .from(identityApplicant)
    .where(eq(identityApplicant.registryId, entry!.id));
  if (account) return [];
  const secret = password();
  await kernel.applicants.ensureAccount(systemActor, {
    kind: 'enterprise',
    registryId: entry!.id,
    password: secret,
  });
  return [
    {
      username: shop.uscc,
      password: secret,
      title: `商户（众安码·码上整改）：${shop.name}`,
      roles: ['applicant'],
    },
  ];
}
