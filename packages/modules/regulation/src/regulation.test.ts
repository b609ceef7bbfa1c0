import { isKernelError } from '@zhizhi/kernel';
import { type Actor, anonymousActor, systemActor } from '@zhizhi/kernel/access';
import { casesCase } from '@zhizhi/kernel/cases';
import { actorFor, createTestKernel } from '@zhizhi/kernel/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegulation, type Regulation } from './create-regulation';
import { verifyDrawProof } from './draw/proof';
import { regulationRecord } from './schema';
import { usccCheckCharacter } from '@zhizhi/kernel/identity';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** A synthetic 统一社会信用代码 with a valid GB 32100 check character. */
const uscc = (body17: string) => body17 + usccCheckCharacter(body17);
const JINPING = '330213001000';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return isKernelError(error) ? error.code : String(error);
  }
}

describe('regulation: subjects, credit, the draw, inspections as cases, shop codes', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  let reg: Regulation;
  let manager: Actor;
  const inspectors: Actor[] = [];
  const rosterIds: string[] = [];
  const subjects: string[] = [];
  let shop: Actor;
  const settle = async () => {
    for (let i = 0; i < 6; i++) await t.kernel.events.dispatch();
  };
  const png = async (actor: Actor) =>
    (await t.kernel.files.store(actor, { name: 'photo.png', content: PNG })).id;
  const general = async (subjectId: string) =>
    (await reg.credit.ratings(manager, subjectId)).current.find((r) => r.ruleSetCode === 'general')!;

  beforeAll(async () => {
    t = await createTestKernel();
    const scjgj = await t.kernel.org.createDepartment(systemActor, {
      code: 'scjgj',
      name: '区市场监管局',
      nameEn: 'Market regulation',
      divisionCode: '330213000000',
      kind: 'bureau',
    });
    const users: [string, string][] = [
      ['manager', 'dept_admin'],
      ['insp1', 'inspector'],
      ['insp2', 'inspector'],
      ['insp3', 'inspector'],
    ];
    for (const [username, role] of users)
      await t.kernel.staff.createStaff(systemActor, {
        username,
        displayName: `${username} 测试`,
        password: 'handler-pass-1',
        departmentId: scjgj.id,
        roles: [{ roleCode: role, divisionCode: '330213000000', departmentId: scjgj.id }],
        mustChangePassword: false,
      });
    manager = await actorFor(t.kernel, 'manager', 'handler-pass-1');
    for (const u of ['insp1', 'insp2', 'insp3'])
      inspectors.push(await actorFor(t.kernel, u, 'handler-pass-1'));
    reg = createRegulation(t.kernel, { districtCode: '330213000000' });
    await reg.start();
    for (let i = 0; i < 6; i++) {
      const row = await reg.subjects.register(manager, {
        uscc: uscc(`92330213MA2H0000${i}`),
        name: `奉化区锦屏测试小吃店${i + 1}号`,
        kind: i === 0 ? 'individual' : 'shop',
        legalRepresentative: '测试明',
        address: `浙江省宁波市奉化区锦屏街道南山路${10 + i}号`,
        industryCode: 'H6210',
        licences: [
          {
            type: '食品经营许可证',
            number: `JY13302130000${i}`,
            validFrom: '2024-01-01',
            validTo: '2029-01-01',
          },
        ],
        divisionCode: JINPING,
        departmentCode: 'scjgj',
      });
      subjects.push(row.id);
    }
    await reg.roster.saveItem(manager, {
      code: 'FOOD-01',
      nameZh: '食品经营者落实食品安全主体责任情况检查',
      nameEn: 'Food business safety duties',
      departmentCode: 'scjgj',
      legalBasis: '《中华人民共和国食品安全法》第八十七条',
      method: '现场检查',
      industryPrefixes: ['H62'],
      checklist: [
        { code: 'licence', zh: '许可证件公示', en: 'Licence displayed' },
        { code: 'storage', zh: '食品贮存条件', en: 'Food storage' },
      ],
      ratioByClass: { A: 1, B: 1, C: 1, D: 1 },
    });
    for (const [n, actor] of inspectors.entries()) {
      const saved = await reg.roster.saveInspector(manager, {
        name: `执法员${n + 1}`,
        accountId: actor.id,
        departmentCode: 'scjgj',
        badgeNumber: `3302130000${n}`,
        qualifications: ['FOOD-01'],
        conflicts: n === 2 ? [subjects[0]] : [],
      });
      rosterIds.push(saved.id);
    }
    const registered = await t.kernel.registry.registerEnterprise(systemActor, {
      uscc: uscc('92330213MA2H00000'),
      name: '奉化区锦屏测试小吃店1号',
    });
    shop = {
      type: 'applicant',
      id: registered.id,
      name: '奉*',
      departmentId: null,
      grants: [],
      applicant: { kind: 'enterprise', registryId: registered.id, accountId: registered.id },
    };
  }, 120_000);
  afterAll(() => t.close());

  it('refuses a bad credit code and lets a wrong check character through only when accepted', async () => {
    const base = {
      name: '测试商店',
      kind: 'shop',
      legalRepresentative: '测试明',
      address: '奉化区锦屏街道大成路1号',
      industryCode: 'F5212',
      divisionCode: JINPING,
      departmentCode: 'scjgj',
    };
    expect(await codeOf(reg.subjects.register(manager, { ...base, uscc: '12345' }))).toBe(
      'regulation.subject.uscc_invalid',
    );
    const good = uscc('92330213MA2H00099');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(await codeOf(reg.subjects.register(manager, { ...base, uscc: wrong }))).toBe(
      'regulation.subject.uscc_check_digit',
    );
    const accepted = await reg.subjects.register(
      manager,
      { ...base, uscc: wrong },
      { acceptCheckWarning: true },
    );
    expect(accepted.checkOverridden).toBe(true);
    expect(
      await codeOf(reg.subjects.register(manager, { ...base, uscc: wrong }, { acceptCheckWarning: true })),
    ).toBe('regulation.subject.exists');
    // Every registration was rated on the spot: no records → class A.
    expect((await general(accepted.id)).creditClass).toBe('A');
  });

  it('commits a plan with the seed hash, draws it verifiably, and refuses to draw twice', async () => {
    const plan = await reg.plans.create(manager, {
      nameZh: '食品安全双随机抽查',
      nameEn: 'Food safety random inspections',
      departmentCode: 'scjgj',
      items: [{ code: 'FOOD-01' }],
    });
    expect(await codeOf(reg.plans.draw(manager, plan.id))).toBe('regulation.plan.not_committed');
    expect(await codeOf(reg.plans.proof(plan.id))).toBe('regulation.plan.not_found');
    const committed = await reg.plans.commit(manager, plan.id);
    expect(committed.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
    const before = await reg.plans.proof(plan.id);
    expect(before.seed).toBeNull();
    expect(verifyDrawProof(before).reasons.map((r) => r.code)).toContain('seed_unpublished');
    const drawn = await reg.plans.draw(manager, plan.id);
    expect(drawn.status).toBe('drawn');
    expect(await codeOf(reg.plans.draw(manager, plan.id))).toBe('regulation.plan.already_drawn');
    const verified = verifyDrawProof(JSON.parse(JSON.stringify(await reg.plans.proof(plan.id))));
    expect(verified.ok).toBe(true);
    // Ratio 1: every operating restaurant is a target, each with two inspectors, never the recused one.
    const visits = drawn.result!.visits;
    expect(visits.map((v) => v.subjectId).sort()).toEqual([...subjects].sort());
    for (const v of visits) expect(v.inspectorIds).toHaveLength(2);
    expect(visits.find((v) => v.subjectId === subjects[0])!.inspectorIds).not.toContain(rosterIds[2]);
    expect(await reg.inspections.list(manager, { planId: plan.id })).toHaveLength(6);
  });

  it('runs a failed inspection through rectification by the shop to publication and a class change', async () => {
    const [visit] = await reg.inspections.list(manager, { subjectId: subjects[0] });
    const view = await reg.inspections.get(manager, visit!.id);
    const drawnInspector = inspectors[rosterIds.indexOf(view.inspection.inspectorIds[0]!)]!;
    const outsider = inspectors[2]!; // recused from this subject, so never drawn for it
    const version = async () =>
      (await t.kernel.db.select().from(casesCase).where(eq(casesCase.id, visit!.caseId!)))[0]!.version;
    const body = async (actor: Actor) => ({
      expectedVersion: await version(),
      result: 'fail',
      checklist: { 'FOOD-01.licence': 'ok', 'FOOD-01.storage': 'problem' },
      findings: '冷藏柜温度 12℃，生熟食品混放。',
      photos: [await png(actor)],
      location: { lng: 121.41, lat: 29.66 },
      signatures: [await png(actor), await png(actor)],
      rectificationDays: 5,
    });
    expect(await codeOf(reg.inspections.record(outsider, visit!.id, await body(outsider)))).toBe(
      'regulation.inspection.not_inspector',
    );
    expect(
      await codeOf(reg.inspections.publish(manager, visit!.id, { expectedVersion: await version() })),
    ).toBe('regulation.inspection.not_concluded');
    expect(
      await codeOf(
        reg.inspections.record(drawnInspector, visit!.id, { ...(await body(drawnInspector)), checklist: {} }),
      ),
    ).toBe('regulation.inspection.invalid_input');
    const recorded = await reg.inspections.record(drawnInspector, visit!.id, await body(drawnInspector));
    expect(recorded.status).toBe('rectifying');
    expect(recorded.rectificationDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await codeOf(reg.inspections.record(drawnInspector, visit!.id, await body(drawnInspector)))).toBe(
      'regulation.inspection.already_recorded',
    );
    // The shop sees the order on its code page and answers it.
    const code = await reg.shops.codeOf(subjects[0]!);
    const page = await reg.shops.page(code.token, shop);
    expect(page.actions).toEqual(expect.arrayContaining(['view', 'review', 'rectify', 'help']));
    expect(page.visits[0]!.status).toBe('rectifying');
    expect((await reg.shops.page(code.token, anonymousActor)).actions).toEqual(['view', 'review']);
    const replied = await reg.inspections.reply(shop, visit!.id, {
      expectedVersion: page.visits[0]!.caseVersion,
      reply: '已更换冷藏柜并分区存放。',
      photos: [await png(shop)],
    });
    expect(replied.status).toBe('reinspecting');
    await reg.inspections.reinspect(drawnInspector, visit!.id, {
      expectedVersion: await version(),
      passed: true,
      findings: '复查合格。',
    });
    const published = await reg.inspections.publish(manager, visit!.id, { expectedVersion: await version() });
    expect(published.status).toBe('published');
    expect(published.publishDue! >= published.concludedAt!.toISOString().slice(0, 10)).toBe(true);
    await settle();
    const rating = await general(subjects[0]!);
    expect(rating.creditClass).toBe('B');
    const failed = rating.explanation.find((e) => e.rule === 'inspection.failed')!;
    const [record] = await t.kernel.db
      .select()
      .from(regulationRecord)
      .where(eq(regulationRecord.originId, visit!.id));
    expect(failed.records).toEqual([record!.id]);
    const warnings = await reg.credit.warnings(manager, { status: 'open' });
    expect(warnings.find((w) => w.subjectId === subjects[0])).toMatchObject({
      kind: 'class_worsened',
      fromClass: 'A',
      toClass: 'B',
    });
    const results = await reg.inspections.published({});
    expect(results[0]).toMatchObject({ uscc: uscc('92330213MA2H00000'), result: 'fail', rectified: true });
    expect(
      await codeOf(reg.inspections.publish(manager, visit!.id, { expectedVersion: await version() })),
    ).toBe('regulation.inspection.already_published');

    // 信用修复: the shop applies, the department approves, the record stops counting.
    const repair = await reg.shops.applyForRepair(shop, {
      recordId: record!.id,
      reason: '已整改到位，申请信用修复。',
    });
    expect(await codeOf(reg.shops.applyForRepair(shop, { recordId: record!.id, reason: '再次申请' }))).toBe(
      'regulation.repair.pending',
    );
    const [repairCase] = await t.kernel.db.select().from(casesCase).where(eq(casesCase.id, repair.caseId));
    await t.kernel.cases.transition(manager, repair.caseId, {
      transition: 'approve',
      expectedVersion: repairCase!.version,
    });
    await settle();
    expect((await general(subjects[0]!)).creditClass).toBe('A');
    const history = (await reg.credit.ratings(manager, subjects[0]!)).history.filter(
      (h) => h.ruleSetCode === 'general',
    );
    expect(history.map((h) => [h.previousClass, h.creditClass, h.reason])).toEqual(
      expect.arrayContaining([
        ['A', 'B', 'record'],
        ['B', 'A', 'repair'],
      ]),
    );
  });

  it('refers a failed re-inspection for enforcement; the penalty becomes a record', async () => {
    const [visit] = await reg.inspections.list(manager, { subjectId: subjects[1] });
    const view = await reg.inspections.get(manager, visit!.id);
    const inspector = inspectors[rosterIds.indexOf(view.inspection.inspectorIds[0]!)]!;
    const version = async () =>
      (await t.kernel.db.select().from(casesCase).where(eq(casesCase.id, visit!.caseId!)))[0]!.version;
    await reg.inspections.record(inspector, visit!.id, {
      expectedVersion: await version(),
      result: 'fail',
      checklist: { 'FOOD-01.licence': 'problem', 'FOOD-01.storage': 'ok' },
      findings: '未公示食品经营许可证。',
      photos: [await png(inspector)],
      location: { lng: 121.41, lat: 29.66 },
      signatures: [await png(inspector)],
      rectificationDays: 3,
    });
    await reg.inspections.reinspect(inspector, visit!.id, {
      expectedVersion: await version(),
      passed: false,
      findings: '逾期仍未整改。',
    });
    const [referral] = await t.kernel.db
      .select()
      .from(casesCase)
      .where(eq(casesCase.parentId, visit!.caseId!));
    expect(referral!.typeCode).toBe('regulation_referral');
    await t.kernel.cases.transition(manager, referral!.id, {
      transition: 'penalize',
      expectedVersion: referral!.version,
      data: {
        decision_number: '奉市监罚〔2026〕12号',
        penalty_amount: 5000,
        decision_reason: '未公示许可证，逾期不改。',
      },
    });
    await settle();
    const rating = await general(subjects[1]!);
    expect(rating.creditClass).toBe('C');
    expect(rating.explanation.map((e) => e.rule)).toContain('penalty.recent');
  });

  it('does not draw a subject again for an item within its class interval (frequency per class)', async () => {
    const [item] = await reg.roster.listItems();
    await reg.roster.saveItem(manager, { ...item, intervalDaysByClass: { A: 365, B: 180, C: 90, D: 30 } });
    const plan = await reg.plans.create(manager, {
      nameZh: '复查频次测试',
      nameEn: 'Frequency check',
      departmentCode: 'scjgj',
      items: [{ code: 'FOOD-01' }],
    });
    // Every restaurant was inspected for FOOD-01 today: none is due again.
    expect(await codeOf(reg.plans.commit(manager, plan.id))).toBe('regulation.plan.no_subjects');
    await reg.roster.saveItem(manager, { ...item, intervalDaysByClass: { A: 0, B: 0, C: 0, D: 0 } });
    const committed = await reg.plans.commit(manager, plan.id);
    expect(committed.input!.subjects.map((s) => s.id).sort()).toEqual([...subjects].sort());
  });

  it('takes one review a day per client from the shop page', async () => {
    const code = await reg.shops.codeOf(subjects[2]!);
    await reg.shops.review(code.token, { stars: 5, comment: '干净卫生' }, 'client-1');
    expect(await codeOf(reg.shops.review(code.token, { stars: 4 }, 'client-1'))).toBe(
      'regulation.review.too_often',
    );
    expect(await codeOf(reg.shops.review(code.token, { stars: 9 }, 'client-2'))).toBe(
      'regulation.review.invalid_input',
    );
    const page = await reg.shops.page(code.token, anonymousActor);
    expect(page.reviews).toMatchObject({ count: 1, average: 5 });
  });
});
