import { systemActor } from '@zhizhi/kernel/access';
import { createTestKernel } from '@zhizhi/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegulation, type Regulation } from '../create-regulation';
import { usccCheckCharacter } from '@zhizhi/kernel/identity';

/** A synthetic 统一社会信用代码 with a valid GB 32100 check character. */
const uscc = (body17: string) => body17 + usccCheckCharacter(body17);

describe('a big draw opens its visits in batches, each in its own job', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  let reg: Regulation;

  beforeAll(async () => {
    t = await createTestKernel();
    reg = createRegulation(t.kernel, { drawOpenBatch: 2 });
    await reg.start();
    for (let i = 0; i < 5; i++)
      await reg.subjects.register(systemActor, {
        uscc: uscc(`92330213MA2H0B00${i}`),
        name: `测试餐馆${i + 1}`,
        kind: 'shop',
        legalRepresentative: '测试明',
        address: `奉化区锦屏街道大成路${i + 1}号`,
        industryCode: 'H6210',
        divisionCode: '330213001000',
        departmentCode: 'scjgj',
      });
    await reg.roster.saveItem(systemActor, {
      code: 'FOOD-01',
      nameZh: '食品安全检查',
      nameEn: 'Food safety',
      departmentCode: 'scjgj',
      legalBasis: '《中华人民共和国食品安全法》',
      method: '现场检查',
      checklist: [{ code: 'licence', zh: '许可证件公示', en: 'Licence displayed' }],
      ratioByClass: { A: 1, B: 1, C: 1, D: 1 },
    });
    for (const n of [1, 2])
      await reg.roster.saveInspector(systemActor, {
        name: `执法员${n}`,
        departmentCode: 'scjgj',
        badgeNumber: `3302130002${n}`,
        qualifications: ['FOOD-01'],
      });
  }, 60_000);
  afterAll(() => t.close());

  it('opens two with the draw and the other three from jobs', async () => {
    const plan = await reg.plans.create(systemActor, {
      nameZh: '批量测试',
      nameEn: 'Batches',
      departmentCode: 'scjgj',
      items: [{ code: 'FOOD-01' }],
    });
    await reg.plans.commit(systemActor, plan.id);
    const drawn = await reg.plans.draw(systemActor, plan.id);
    expect(drawn.result!.visits).toHaveLength(5);
    expect(await reg.inspections.list(systemActor, { planId: plan.id })).toHaveLength(2);
    for (let i = 0; i < 10 && (await t.kernel.jobs.runDue()) > 0; i++);
    const all = await reg.inspections.list(systemActor, { planId: plan.id });
    expect(all.map((v) => v.subjectId).sort()).toEqual(drawn.result!.visits.map((v) => v.subjectId).sort());
    expect(new Set(all.map((v) => v.caseNumber)).size).toBe(5);
  });
});
