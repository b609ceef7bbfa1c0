import { isKernelError } from '@zhizhi/kernel';
import { type Actor, systemActor } from '@zhizhi/kernel/access';
import { casesCase } from '@zhizhi/kernel/cases';
import { NotAllowedError } from '@zhizhi/kernel/errors';
import { actorFor, createTestKernel } from '@zhizhi/kernel/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../create-services';
import type { OutboundNotice } from './notice-channels';
import { servicesApplication } from '../schema';
import { dictionary, matterInputs, RESIDENTS, restaurant } from '../testing/catalogue-fixture';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00');

/** A synthetic 身份证号 with a valid GB 11643 check character. */
function idNumber(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return isKernelError(error) ? error.code : String(error);
  }
}

describe('applications on the case engine', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  let services: Services;
  let citizen: Actor;
  let minor: Actor;
  let market: Actor;
  let enforcement: Actor;
  const lookups: { matterCode: string; filter: Record<string, string> }[] = [];
  const sent: OutboundNotice[] = [];
  const ID = idNumber('33028319800101123');

  beforeAll(async () => {
    t = await createTestKernel();
    const departments: Record<string, string> = {};
    for (const code of ['scjgj', 'zhzf', 'zwfw']) {
      const d = await t.kernel.org.createDepartment(systemActor, {
        code,
        name: `区${code}`,
        nameEn: code,
        divisionCode: '330213000000',
        kind: 'bureau',
      });
      departments[code] = d.id;
    }
    for (const [username, dept] of [
      ['market', 'scjgj'],
      ['enforce', 'zhzf'],
    ])
      await t.kernel.staff.createStaff(systemActor, {
        username,
        displayName: username,
        password: 'handler-pass-1',
        departmentId: departments[dept],
        roles: [{ roleCode: 'dept_admin', divisionCode: '330213000000', departmentId: departments[dept] }],
        mustChangePassword: false,
      });
    market = await actorFor(t.kernel, 'market', 'handler-pass-1');
    enforcement = await actorFor(t.kernel, 'enforce', 'handler-pass-1');
    // The residents resource, as the data module would answer through the port.
    t.kernel.sharedData.provide({
      async lookup(input) {
        lookups.push({ matterCode: input.matterCode, filter: input.filter });
        if (input.matterCode !== '许可-00101-000')
          throw new NotAllowedError('data.share.no_grant', 'No grant for this matter.');
        const rows = input.filter.id_number === ID ? [{ name: '王小明', id_number: ID }] : [];
        return {
          source: {
            resourceCode: RESIDENTS,
            resourceName: '户籍人口基本信息',
            providerDepartmentId: departments.zwfw,
            providerDepartmentName: '区公安分局',
            grantId: '00000000-0000-7000-8000-000000000001',
            approvalNumber: 'GX2026000001',
            matterCode: input.matterCode,
            at: t.clock.now().toISOString(),
          },
          rows,
          modes: { name: 'clear', id_number: 'clear' },
        };
      },
    });
    services = createServices(t.kernel, {
      certificateTypes: [{ code: 'resident_id', zh: '居民身份证' }],
      noticeChannels: [{ name: 'sms', send: async (m) => void sent.push(m) }],
    });
    await services.start();
    await services.catalogue.seed({ fields: dictionary, matters: matterInputs, bundles: [restaurant] });
    const applicant = async (id: string, name: string): Promise<Actor> => {
      const c = await t.kernel.registry.registerCitizen(systemActor, { idNumber: id, name });
      return {
        type: 'applicant',
        id: c.id,
        name: `${name.slice(0, 1)}*`,
        departmentId: null,
        grants: [],
        applicant: { kind: 'citizen', registryId: c.id, accountId: c.id },
      };
    };
    citizen = await applicant(ID, '王小明');
    minor = await applicant(idNumber('33028320150301002'), '李小小');
  });
  afterAll(() => t.close());

  async function draft(actor: Actor, hasSignboard = true) {
    return services.applications.start(actor, {
      bundleCode: 'open_restaurant',
      answers: { has_signboard: hasSignboard },
      divisionCode: '330213100000',
    });
  }

  it('plans one form, pre-fills it through the sharing port with the source on each value', async () => {
    const { application, plan } = await draft(citizen);
    expect(plan.matters.map((m) => m.code)).toEqual(['许可-00101-000', '许可-00102-000', '许可-00103-000']);
    expect(plan.form.filter((f) => f.code === 'applicant_name')).toHaveLength(1);
    expect(application.form.applicant_name).toBe('王小明');
    expect(application.sources.applicant_name).toMatchObject({
      kind: 'certificate',
      certificateName: '居民身份证',
      approvalNumber: 'GX2026000001',
      matterCode: '许可-00101-000',
    });
    expect(application.sources.id_number.kind).toBe('identity');
    // The e-certificate supplies the ID card material: no upload asked.
    expect(application.materials['certificate:resident_id'].certificate?.certificateName).toBe('居民身份证');
    // Lookups are keyed by the applicant's own number only; the grant for the first matter answered.
    expect(lookups.at(-1)).toEqual({ matterCode: '许可-00101-000', filter: { id_number: ID } });
  });

  it('refuses bad input and creates nothing: bad ID, missing materials, wrong file type, matter not offered', async () => {
    const { application } = await draft(citizen);
    const form = {
      shop_name: '溪口千层饼店',
      premises: '溪口镇武岭路1号',
      area: 60,
      sign_text: '千层饼',
      phone: '13900000000',
    };
    await services.applications.saveDraft(citizen, application.id, { form });
    expect(
      await codeOf(
        services.applications.saveDraft(citizen, application.id, {
          form: { id_number: '330283198001011230' },
        }),
      ),
    ).toBe('services.form.identity_locked');
    expect(await codeOf(services.applications.submit(citizen, application.id))).toBe(
      'services.materials.missing',
    );
    expect(
      await codeOf(
        services.applications.attachMaterial(citizen, application.id, 'lease', {
          name: 'a.exe',
          content: EXE,
        }),
      ),
    ).toBe('files.type_not_allowed');
    const offeredOnlyInJinping = {
      ...matterInputs[2],
      code: '许可-00109-000',
      divisionCodes: ['330213001000'],
    };
    await services.catalogue.publishMatter(systemActor, offeredOnlyInJinping);
    expect(
      await codeOf(
        services.applications.start(citizen, { matterCode: '许可-00109-000', divisionCode: '330213100000' }),
      ),
    ).toBe('services.matter.not_offered');
    const cases = await t.kernel.db.select().from(casesCase);
    expect(cases).toHaveLength(0);
    // A form with an invalid 身份证号 (another person's field type) fails with the check-digit code.
    const second = await services.applications.start(citizen, {
      matterCode: '许可-00101-000',
      divisionCode: '330213100000',
    });
    const error = await services.applications
      .saveDraft(citizen, second.application.id, { form: { shop_name: 'x'.repeat(61) } })
      .then(() => services.applications.submit(citizen, second.application.id))
      .catch((e) => e);
    expect(error.code).toBe('services.form.invalid');
    expect(error.details.errors.map((e: { code: string }) => e.code)).toContain('services.field.too_long');
    expect(await t.kernel.db.select().from(casesCase)).toHaveLength(0);
  });

  it('fans out one child case per matter; commitment and instant approvals are decided at once', async () => {
    const { application } = await draft(citizen);
    await services.applications.saveDraft(citizen, application.id, {
      form: {
        shop_name: '溪口千层饼店',
        premises: '溪口镇武岭路1号',
        area: 60,
        sign_text: '千层饼',
        phone: '13900000000',
      },
      commitments: ['许可-00102-000'],
    });
    for (const code of ['lease', 'layout', 'sign_design'])
      await services.applications.attachMaterial(citizen, application.id, code, {
        name: `${code}.pdf`,
        content: PDF,
      });
    const submitted = await services.applications.submit(citizen, application.id);
    expect(submitted.number).toMatch(/^BJ/);
    expect(submitted.queryPassword).toMatch(/^\d{6}$/);
    const view = await services.applications.view(citizen, application.id);
    const children = view.cases.filter((c) => c.typeCode === 'services_matter_case');
    expect(children.map((c) => [c.matterCode, c.state])).toEqual([
      ['许可-00101-000', 'received'],
      ['许可-00102-000', 'approved'], // 告知承诺: approved at once, certificate issued
      ['许可-00103-000', 'approved'], // 智能秒办: adult, short sign text
    ]);
    expect(children[1].certificate?.number).toMatch(/^ZZ\d{12}$/);
    const checks = await t.kernel.db
      .select()
      .from(casesCase)
      .where(eq(casesCase.typeCode, 'services_commitment_check'));
    expect(checks).toHaveLength(1);

    // 补正 pauses the clock; the applicant supplements; approval concludes the application.
    const licence = children[0];
    const accepted = await services.decisions.handle(market, licence.id, {
      transition: 'accept',
      expectedVersion: licence.version,
    });
    const due = accepted.dueAt!;
    const paused = await services.decisions.handle(market, licence.id, {
      transition: 'request_supplement',
      expectedVersion: accepted.version,
      note: '场所证明不清晰',
      data: { missing_materials: '经营场所使用证明（清晰扫描件）' },
    });
    expect((await services.applications.view(citizen, application.id)).application.status).toBe('supplement');
    t.clock.advance(3 * 86_400_000);
    await services.applications.attachMaterial(citizen, application.id, 'lease', {
      name: 'lease2.pdf',
      content: PDF,
    });
    await services.applications.supplement(citizen, application.id, licence.id);
    const [resumed] = await t.kernel.db.select().from(casesCase).where(eq(casesCase.id, licence.id));
    expect(resumed.dueAt!.getTime()).toBeGreaterThan(due.getTime()); // the pause moved the deadline
    expect(paused.state).toBe('supplement');
    await services.decisions.handle(market, licence.id, {
      transition: 'approve',
      expectedVersion: resumed.version,
    });
    const done = await services.applications.view(citizen, application.id);
    expect(done.application.status).toBe('approved');
    expect(done.cases[0].state).toBe('concluded');

    // Tracking by number + password, and the certificate's code verifies.
    const tracked = await services.publicViews.track(submitted.number, submitted.queryPassword);
    expect(tracked.matters.every((m) => m.state === 'approved')).toBe(true);
    expect(await codeOf(services.publicViews.track(submitted.number, '000000'))).toBe(
      'services.track.not_found',
    );
    const token = done.cases.find((c) => c.certificate)!.certificate!.token;
    expect((await t.kernel.codes.verify(token)).ok).toBe(true);
    expect(await services.publicViews.certificate(token)).toMatchObject({ status: 'valid', verified: true });

    // 好差评: a bad rating opens a rectification case for the lead department; one more rating allowed.
    const bad = { overall: 2, efficiency: 2, guide: 3, convenience: 3, platform: 4 };
    const rated = await services.ratings.rate(citizen, application.id, {
      scores: bad,
      comment: '补正跑了两次',
    });
    expect(rated.rectificationCaseId).not.toBeNull();
    expect(rated.mayRateAgain).toBe(true);
    const [rectification] = await t.kernel.db
      .select()
      .from(casesCase)
      .where(eq(casesCase.id, rated.rectificationCaseId!));
    expect(rectification.typeCode).toBe('services_rectification');
    expect(rectification.departmentId).toBe(licence.departmentId);
    const good = { overall: 5, efficiency: 5, guide: 5, convenience: 5, platform: 5 };
    expect((await services.ratings.rate(citizen, application.id, { scores: good })).round).toBe(2);
    expect(await codeOf(services.ratings.rate(citizen, application.id, { scores: good }))).toBe(
      'services.rating.already_rated',
    );
    const published = await services.ratings.published();
    expect(published.find((d) => d.departmentCode === 'scjgj')).toMatchObject({ ratings: 2, bad: 1 });
    expect(enforcement.type).toBe('staff');

    // Every message reached the inbox and, through the delivery jobs, the SMS channel.
    await t.kernel.jobs.runDue();
    const notices = await services.applications.notices(citizen);
    expect(notices.map((n) => n.titleZh)).toContain('食品经营许可：准予许可');
    expect(notices.every((n) => n.deliveries.sms === 'sent')).toBe(true);
    expect(sent.length).toBe(notices.length);
    expect(sent[0].phone).toBeNull(); // registered without a number: the channel decides
  });

  it('a minor does not pass the instant rules: the signboard waits for a person', async () => {
    const { application } = await draft(minor);
    // No shared row for this person: only their own identity fills the form.
    expect(application.sources.applicant_name.kind).toBe('identity');
    await services.applications.saveDraft(minor, application.id, {
      form: {
        applicant_name: '李小小',
        id_number: idNumber('33028320150301002'),
        shop_name: '小小店',
        premises: '溪口镇中兴路2号',
        area: 20,
        sign_text: '小小',
        phone: '13900000001',
      },
    });
    const stored = await t.kernel.db
      .select()
      .from(servicesApplication)
      .where(eq(servicesApplication.id, application.id));
    expect(stored[0].shared.age).toBe(11);
    expect(await codeOf(services.applications.view(citizen, application.id))).toBe(
      'services.application.not_found',
    ); // another applicant's application does not exist for them
  });
});
