import { systemActor } from '@zhizhi/kernel';
import { casesCase } from '@zhizhi/kernel/cases';
import { eq } from 'drizzle-orm';
import {
  fenghuaBundles,
  fenghuaDepartments,
  fenghuaFieldDictionary,
  fenghuaMatters,
} from '@zhizhi/pack-fenghua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';

// Synthetic identities with valid check characters.
const USCC = '91330213MA2H00001P';
const CITIZEN_ID = '330283199001011238';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
const RESTAURANT = { entity: 'branch', has_signboard: true, seats: 'large' };

describe('services API: catalogue, applications, handling, tracking, certificates, 好差评', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let firm: Record<string, string>;
  let person: Record<string, string>;
  const staff: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const ids: Record<string, string> = {};
    const existing = new Set(['rsj', 'town-330213100']); // made by the test kernel
    const known = new Set(['330213000000', '330213001000', '330213100000']);
    for (const d of fenghuaDepartments.filter((d) => !existing.has(d.code) && known.has(d.divisionCode))) {
      const created = await t.kernel.org.createDepartment(systemActor, {
        code: d.code,
        name: d.name,
        nameEn: d.nameEn,
        divisionCode: d.divisionCode,
        kind: d.kind,
      });
      ids[d.code] = created.id;
    }
    await t.modules.services.catalogue.seed({
      fields: fenghuaFieldDictionary,
      matters: fenghuaMatters.filter((m) => m.divisionCodes.every((c) => known.has(c))),
      bundles: fenghuaBundles,
    });
    for (const code of ['scjgj', 'zhzfj', 'yjj']) {
      await t.kernel.staff.createStaff(systemActor, {
        username: `${code}.handler`,
        displayName: `${code} 办件人员`,
        password: 'handler-pass-1',
        departmentId: ids[code],
        roles: [{ roleCode: 'handler', divisionCode: '330213000000', departmentId: ids[code] }],
        mustChangePassword: false,
      });
      staff[code] = await t.login(`${code}.handler`, 'handler-pass-1');
    }
    const applicant = async (payload: Record<string, string>, identifier: string) => {
      const registered = await t.app.inject({ method: 'POST', url: '/api/applicant/register', payload });
      expect(registered.statusCode).toBe(201);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/applicant/login',
        payload: { identifier, password: payload.password },
      });
      const cookie = login.cookies.find((c) => c.name === 'zz_applicant')!;
      return { cookie: `zz_applicant=${cookie.value}`, 'x-csrf-token': login.json().csrfToken as string };
    };
    // The firm is also a market subject, so what 一网通办 decides reaches its credit records.
    await t.modules.regulation.subjects.register(systemActor, {
      uscc: USCC,
      name: '宁波市奉化区示例餐饮有限公司',
      kind: 'enterprise',
      legalRepresentative: '测试明',
      address: '浙江省宁波市奉化区锦屏街道南山路1号',
      industryCode: 'H6210',
      divisionCode: '330213001000',
      departmentCode: 'scjgj',
    });
    firm = await applicant(
      { kind: 'enterprise', uscc: USCC, name: '宁波市奉化区示例餐饮有限公司', password: 'portal-pass-1' },
      USCC,
    );
    person = await applicant(
      { kind: 'citizen', idNumber: CITIZEN_ID, name: '测试明', password: 'portal-pass-1' },
      CITIZEN_ID,
    );
  }, 120_000);
  afterAll(() => t.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
  ) => t.app.inject({ method, url, headers, payload: payload as object });
  const upload = (
    id: string,
    key: string,
    body: Buffer,
    headers: Record<string, string>,
    type = 'application/pdf',
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/services/applications/${id}/materials/${encodeURIComponent(key)}`,
      headers: { ...headers, 'content-type': type, 'x-file-name': encodeURIComponent('扫描件.pdf') },
      payload: body,
    });

  it('publishes the catalogue: search, guides, and one form for a bundle', async () => {
    const list = await call('GET', '/api/services/matters?q=食品&divisionCode=330213100000', {});
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((m: { code: string }) => m.code)).toContain('许可-00703-000');
    const plan = await call(
      'POST',
      '/api/services/bundles/open_restaurant/plan',
      {},
      { answers: RESTAURANT },
    );
    expect(plan.statusCode).toBe(200);
    const body = plan.json();
    expect(body.matters).toHaveLength(4);
    expect(body.form.length).toBeLessThan(body.separately.fields);
    const bad = await call(
      'POST',
      '/api/services/bundles/open_restaurant/plan',
      {},
      { answers: { entity: 'x' } },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('services.bundle.answers_invalid');
  });

  it('refuses bad input with a stable code and creates nothing', async () => {
    // A township-only matter (溪口镇 guesthouses) applied for in 锦屏街道.
    const elsewhere = await call('POST', '/api/services/applications', person, {
      matterCode: '其他-01205-000',
      divisionCode: '330213001000',
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().code).toBe('services.matter.not_offered');
    const draft = await call('POST', '/api/services/applications', firm, {
      bundleCode: 'open_restaurant',
      answers: RESTAURANT,
      divisionCode: '330213100000',
    });
    expect(draft.statusCode).toBe(201);
    const id = draft.json().application.id as string;
    const wrongType = await upload(id, 'premises_proof', EXE, firm, 'application/octet-stream');
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().code).toBe('files.type_not_allowed');
    const missing = await call('POST', `/api/services/applications/${id}/submit`, firm);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('services.form.invalid');
    await call('PUT', `/api/services/applications/${id}`, firm, { form: formValues() });
    const noMaterials = await call('POST', `/api/services/applications/${id}/submit`, firm);
    expect(noMaterials.json().code).toBe('services.materials.missing');
    // An invalid 身份证号 in a form (the legal representative's) is named with its check-digit code.
    const company = await call('POST', '/api/services/applications', firm, {
      matterCode: '许可-00702-000',
      divisionCode: '330213100000',
    });
    const companyId = company.json().application.id as string;
    await call('PUT', `/api/services/applications/${companyId}`, firm, {
      form: { legal_rep_id_number: '330283199001011239' },
    });
    const badId = await call('POST', `/api/services/applications/${companyId}/submit`, firm);
    expect(badId.json().code).toBe('services.form.invalid');
    expect(badId.json().errors).toContainEqual(
      expect.objectContaining({ path: 'legal_rep_id_number', code: 'identity.id_number.check_digit' }),
    );
    const cases = await call('GET', '/api/services/queue', staff.scjgj);
    expect(cases.json().items).toHaveLength(0);
    // Someone else's application does not exist for them.
    expect((await call('GET', `/api/services/applications/${id}`, person)).statusCode).toBe(404);
  });

  it('lets window staff apply on an applicant’s behalf (一窗受理), and nobody else', async () => {
    await t.kernel.staff.createStaff(systemActor, {
      username: 'window',
      displayName: '综合受理窗口',
      password: 'window-pass-1',
      departmentId: null,
      roles: [{ roleCode: 'town_operator', divisionCode: '330213000000' }],
      mustChangePassword: false,
    });
    const window = await t.login('window', 'window-pass-1');
    const onBehalf = (identifier: string) =>
      call('POST', '/api/services/applications', window, {
        matterCode: '许可-00708-000',
        divisionCode: '330213100000',
        onBehalfOf: { kind: 'enterprise', identifier },
      });
    const made = await onBehalf(USCC);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().application).toMatchObject({ channel: 'window', status: 'draft' });
    expect(made.json().application.form.uscc).toBe(USCC);
    expect((await onBehalf('91330213MA2H00002T')).json().code).toBe('services.applicant.not_registered');
    // The applicant sees it among their own; an applicant cannot use the window channel.
    const mine = await call('GET', '/api/services/applications', firm);
    expect(mine.json().items.map((a: { id: string }) => a.id)).toContain(made.json().application.id);
    const self = await call('POST', '/api/services/applications', firm, {
      matterCode: '许可-00708-000',
      divisionCode: '330213100000',
      channel: 'window',
    });
    expect(self.json().code).toBe('services.application.channel');
    const handler = await call('POST', '/api/services/applications', staff.scjgj, {
      matterCode: '许可-00708-000',
      divisionCode: '330213100000',
      onBehalfOf: { kind: 'enterprise', identifier: USCC },
    });
    expect(handler.statusCode).toBe(403);
  });

  function formValues() {
    return {
      enterprise_name: '宁波市奉化区示例餐饮有限公司',
      legal_representative: '测试明',
      applicant_phone: '13900000000',
      proposed_name: '宁波市奉化区示例餐饮有限公司溪口分公司',
      business_scope: '餐饮服务',
      premises_address: '浙江省宁波市奉化区溪口镇武岭中路1号',
      premises_area: 420,
      food_business_items: 'catering_hot',
      food_safety_manager: '测试明',
      signboard_text: '溪口千层饼',
      signboard_area: 6,
      venue_type: 'restaurant',
      seats: 160,
    };
  }

  it('runs the restaurant bundle end to end: four matter cases, 补正 pauses, certificates verify, a bad rating opens rectification', async () => {
    const draft = await call('POST', '/api/services/applications', firm, {
      bundleCode: 'open_restaurant',
      answers: RESTAURANT,
      divisionCode: '330213100000',
    });
    const { application, plan } = draft.json();
    expect(application.form.uscc).toBe(USCC);
    expect(application.sources.uscc.kind).toBe('identity');
    const form = formValues();
    const known = new Set(plan.form.map((f: { code: string }) => f.code));
    const saved = await call('PUT', `/api/services/applications/${application.id}`, firm, {
      form: Object.fromEntries(Object.entries(form).filter(([k]) => known.has(k))),
      commitments: ['许可-00703-000'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    for (const m of plan.materials as { key: string; required: boolean }[])
      if (m.required) expect((await upload(application.id, m.key, PDF, firm)).statusCode).toBe(201);
    const submitted = await call('POST', `/api/services/applications/${application.id}/submit`, firm);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { number, queryPassword } = submitted.json();

    // The food licence was approved on the commitment; the others wait in their departments' queues.
    const queue = async (who: string) =>
      (await call('GET', '/api/services/queue?open=true', staff[who])).json().items as {
        id: string;
        version: number;
        title: string;
      }[];
    const scjgj = await queue('scjgj');
    expect(scjgj).toHaveLength(1);
    const step = async (who: string, caseId: string, body: Record<string, unknown>) => {
      const response = await call('POST', `/api/services/cases/${caseId}/steps`, staff[who], body);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { version: number; state: string };
    };
    const [sign] = await queue('zhzfj');
    let v = (await step('zhzfj', sign.id, { transition: 'accept', expectedVersion: sign.version })).version;
    v = (
      await step('zhzfj', sign.id, {
        transition: 'request_supplement',
        expectedVersion: v,
        note: '招牌效果图未标注尺寸',
        data: { missing_materials: '标注尺寸的招牌设计效果图' },
      })
    ).version;
    const mine = await call('GET', `/api/services/applications/${application.id}`, firm);
    expect(mine.json().application.status).toBe('supplement');
    expect(await upload(application.id, 'sign_design', PDF, firm).then((r) => r.statusCode)).toBe(201);
    const supplemented = await call(
      'POST',
      `/api/services/applications/${application.id}/cases/${sign.id}/supplement`,
      firm,
      { note: '已上传标注尺寸的效果图' },
    );
    expect(supplemented.statusCode, supplemented.body).toBe(200);
    await step('zhzfj', sign.id, { transition: 'approve', expectedVersion: v + 1 });
    for (const who of ['scjgj', 'yjj']) {
      const [c] = await queue(who);
      const accepted = await step(who, c.id, { transition: 'accept', expectedVersion: c.version });
      await step(who, c.id, { transition: 'approve', expectedVersion: accepted.version });
    }

    const tracked = await call('POST', '/api/public/services/track', {}, { number, password: queryPassword });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json().status).toBe('approved');
    expect(tracked.body).not.toContain('测试明');
    const certificates = tracked.json().matters.filter((m: { certificate: unknown }) => m.certificate);
    expect(certificates.length).toBe(4);
    const token = certificates[0].certificate.token as string;
    const shown = await call('GET', `/api/public/services/certificates/${token}`, {});
    expect(shown.json()).toMatchObject({ status: 'valid', verified: true });
    const forged = await call('GET', `/api/public/services/certificates/${token.slice(0, -1)}Z`, {});
    expect(forged.json().code).toBe('codes.code.invalid');
    const wrong = await call('POST', '/api/public/services/track', {}, { number, password: '999999' });
    expect(wrong.json().code).toBe('services.track.not_found');

    // 应归尽归: the licences, and the commitment once checked, become the firm's credit records.
    const [check] = await t.kernel.db
      .select()
      .from(casesCase)
      .where(eq(casesCase.typeCode, 'services_commitment_check'));
    await t.kernel.cases.transition(systemActor, check!.id, {
      transition: 'confirm',
      expectedVersion: check!.version,
      data: { finding: '现场核查，承诺事项属实。' },
    });
    for (let i = 0; i < 6; i++) await t.kernel.events.dispatch();
    const subject = await t.modules.regulation.subjects.find(t.kernel.db, USCC);
    const records = await t.modules.regulation.credit.records(systemActor, subject!.id);
    expect(records.filter((r) => r.origin === 'services.certificate')).toHaveLength(4);
    expect(records.find((r) => r.origin === 'services.commitment')).toMatchObject({
      source: 'commitment',
      data: { kept: true },
    });

    const rated = await call('POST', `/api/services/applications/${application.id}/rating`, firm, {
      scores: { overall: 2, efficiency: 2, guide: 3, convenience: 3, platform: 4 },
      comment: '补正来回两次',
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json().rectificationCaseId).toBeTruthy();
    const published = await call('GET', '/api/public/services/ratings', {});
    expect(
      published.json().items.find((d: { departmentCode: string }) => d.departmentCode === 'scjgj'),
    ).toMatchObject({
      ratings: 1,
      bad: 1,
    });
    const indicators = await call(
      'GET',
      '/api/services/indicators?from=2026-03-01&to=2026-03-03',
      await t.login(),
    );
    expect(indicators.statusCode).toBe(200);
    const online = indicators.json().items.find((i: { code: string }) => i.code === 'services.online_rate');
    expect(online.scopes[0]).toMatchObject({ numerator: 1, denominator: 1 });
  });
});
