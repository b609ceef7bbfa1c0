import { systemActor } from '@zhizhi/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';
import { usccCheckCharacter } from '@zhizhi/kernel/identity';

/** A synthetic 统一社会信用代码 with a valid GB 32100 check character. */
const uscc = (body17: string) => body17 + usccCheckCharacter(body17);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const SHOP = {
  name: '奉化区锦屏街道示例面馆',
  kind: 'individual',
  legalRepresentative: '测试明',
  address: '浙江省宁波市奉化区锦屏街道南山路18号',
  industryCode: 'H6210',
  divisionCode: '330213001000',
  departmentCode: 'scjgj',
};

describe('regulation API: problems, the public draw proof, shop codes', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Record<string, string>;
  let other: Record<string, string>;
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login();
    await t.kernel.staff.createStaff(systemActor, {
      username: 'insp.other',
      displayName: '名录外人员',
      password: 'handler-pass-1',
      departmentId: null,
      roles: [{ roleCode: 'inspector', divisionCode: '330213000000' }],
      mustChangePassword: false,
    });
    other = await t.login('insp.other', 'handler-pass-1');
  }, 120_000);
  afterAll(() => t.close());

  it('answers bad input with problem+json and a stable code, and changes nothing', async () => {
    const bad = await call('POST', '/api/regulation/subjects', admin, { ...SHOP, uscc: '9233021' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('regulation.subject.uscc_invalid');
    const good = uscc('92330213MA2H0A001');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const warned = await call('POST', '/api/regulation/subjects', admin, { ...SHOP, uscc: wrong });
    expect(warned.json()).toMatchObject({ code: 'regulation.subject.uscc_check_digit', overridable: true });
    expect((await call('GET', `/api/regulation/subjects?q=${wrong}`, admin)).json().total).toBe(0);
    const rules = await call('PUT', '/api/regulation/rule-sets/general', admin, {
      definition: {
        name: { zh: '通用', en: 'General' },
        sector: null,
        baseScore: 90,
        classes: { A: 90, B: 75, C: 60 },
        rules: [
          { code: 'x', description: { zh: '坏', en: 'Bad' }, when: 'stats.penalties12m >', points: -10 },
        ],
      },
    });
    expect(rules.statusCode).toBe(400);
    expect(rules.json().code).toBe('regulation.rules.invalid');
    expect(rules.json().errors[0].path).toBe('rules.0.when');
    const sets = (await call('GET', '/api/regulation/rule-sets', admin)).json().items;
    expect(sets.find((s: { code: string }) => s.code === 'general').version).toBe(1);
    const anonymous = await call('GET', '/api/regulation/subjects', {});
    expect(anonymous.statusCode).toBe(401);
  });

  it('publishes the plan with its seed hash, then the draw and the seed; a shop code opens its page', async () => {
    const created = await call('POST', '/api/regulation/subjects', admin, {
      ...SHOP,
      uscc: uscc('92330213MA2H0A002'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const subject = created.json();
    const item = await call('PUT', '/api/regulation/items/FOOD-01', admin, {
      nameZh: '食品经营者落实食品安全主体责任情况检查',
      nameEn: 'Food business safety duties',
      departmentCode: 'scjgj',
      legalBasis: '《中华人民共和国食品安全法》第八十七条',
      method: '现场检查',
      industryPrefixes: ['H62'],
      checklist: [{ code: 'licence', zh: '许可证件公示', en: 'Licence displayed' }],
      ratioByClass: { A: 1, B: 1, C: 1, D: 1 },
    });
    expect(item.statusCode, item.body).toBe(200);
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const added = await call('POST', '/api/regulation/inspectors', admin, {
        name: `执法员${n}`,
        departmentCode: 'scjgj',
        badgeNumber: `33021300010${n}`,
        qualifications: ['FOOD-01'],
      });
      expect(added.statusCode, added.body).toBe(201);
      ids.push(added.json().id);
    }
    const plan = (
      await call('POST', '/api/regulation/plans', admin, {
        nameZh: '食品安全双随机抽查',
        nameEn: 'Food safety random inspections',
        departmentCode: 'scjgj',
        items: [{ code: 'FOOD-01' }],
      })
    ).json();
    expect((await call('GET', `/api/public/regulation/draws/${plan.id}/proof`, {})).statusCode).toBe(404);
    const committed = await call('POST', `/api/regulation/plans/${plan.id}/commit`, admin);
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json().seed).toBeUndefined();
    const listed = (await call('GET', '/api/public/regulation/draws', {})).json().items[0];
    expect(listed).toMatchObject({ number: plan.number, status: 'committed', subjects: 1 });
    const before = (await call('GET', `/api/public/regulation/draws/${plan.id}/proof`, {})).json();
    expect(before.seed).toBeNull();
    expect(before.published.seedCommitment).toBe(committed.json().seedCommitment);
    const drawn = await call('POST', `/api/regulation/plans/${plan.id}/draw`, admin);
    expect(drawn.statusCode, drawn.body).toBe(200);
    const after = (await call('GET', `/api/public/regulation/draws/${plan.number}/proof`, {})).json();
    expect(after.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(after.result.visits[0].inspectorIds.sort()).toEqual([...ids].sort());

    // Someone not on the roster cannot record the visit; nothing changes.
    const [visit] = (await call('GET', `/api/regulation/inspections?planId=${plan.id}`, admin)).json().items;
    const file = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...other, 'content-type': 'image/png', 'x-file-name': 'sign.png' },
      payload: PNG,
    });
    const record = await call('POST', `/api/regulation/inspections/${visit.id}/record`, other, {
      expectedVersion: 1,
      result: 'pass',
      checklist: { 'FOOD-01.licence': 'ok' },
      location: { lng: 121.41, lat: 29.66 },
      signatures: [file.json().id],
    });
    expect(record.statusCode).toBe(403);
    expect(record.json().code).toBe('regulation.inspection.not_inspector');
    const publish = await call('POST', `/api/regulation/inspections/${visit.id}/publish`, admin, {
      expectedVersion: 1,
    });
    expect(publish.json().code).toBe('regulation.inspection.not_concluded');
    expect(
      (await call('GET', `/api/regulation/inspections/${visit.id}`, admin)).json().inspection.status,
    ).toBe('assigned');

    // 众安码: the printed code redirects to the shop page; anyone may look and rate once a day.
    const profile = (await call('GET', `/api/regulation/subjects/${subject.uscc}`, admin)).json();
    expect(profile.code.qrSvg.startsWith('<svg')).toBe(true);
    const classes = Object.fromEntries(
      profile.ratings.current.map((r: { ruleSetCode: string; creditClass: string }) => [
        r.ruleSetCode,
        r.creditClass,
      ]),
    );
    // A restaurant without a 食品经营许可证 is a higher risk under the food rules, not the general ones.
    expect(classes).toEqual({ general: 'A', food: 'C' });
    const food = profile.ratings.current.find((r: { ruleSetCode: string }) => r.ruleSetCode === 'food');
    expect(food.explanation.map((e: { rule: string }) => e.rule)).toContain('food.no_licence');
    const token = profile.code.token as string;
    const redirect = await call('GET', `/c/${token}`, {});
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe(`/shop/${encodeURIComponent(token)}`);
    const page = (await call('GET', `/api/public/shops/${token}`, {})).json();
    expect(page).toMatchObject({ creditClass: 'A', actions: ['view', 'review'] });
    expect(JSON.stringify(page)).not.toContain('测试明');
    const review = { stars: 5, comment: '很干净' };
    expect((await call('POST', `/api/public/shops/${token}/reviews`, {}, review)).statusCode).toBe(201);
    const again = await call('POST', `/api/public/shops/${token}/reviews`, {}, review);
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('regulation.review.too_often');
    const indicators = (
      await call('GET', '/api/regulation/indicators?from=2026-01-01&to=2026-12-31', admin)
    ).json();
    expect(indicators.items.map((i: { code: string }) => i.code)).toContain('regulation.platform_rate');
  });
});
