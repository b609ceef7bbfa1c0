import { systemActor } from '@zhizhi/kernel/access';
import { casesCase } from '@zhizhi/kernel/cases';
import { newId } from '@zhizhi/kernel/ids';
import { createTestKernel } from '@zhizhi/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_TYPES } from './applications/case-types';
import { type MatterInput, matterSchema } from './catalogue/types';
import { liveServicesIndicators, registerServicesIndicators, SERVICES_INDICATORS } from './indicators';
import { type MaterialEntry, servicesApplication, servicesMatter, servicesRating } from './schema';
import { matterInputs } from './testing/catalogue-fixture';

const DISTRICT = '330213000000';
const JINPING = '330213001000';
const XIKOU = '330213100000';
// March 2026, Beijing time.
const FROM = new Date('2026-03-01T00:00:00+08:00');
const TO = new Date('2026-04-01T00:00:00+08:00');
const IN = new Date('2026-03-10T02:00:00Z');
const BEFORE = new Date('2026-02-20T02:00:00Z');
const AFTER = new Date('2026-05-01T02:00:00Z');

const [sole, food, sign] = matterInputs;
const byCertificate: Record<string, MaterialEntry> = {
  'certificate:resident_id': {
    fileIds: [],
    certificate: { kind: 'certificate', certificateType: 'resident_id', at: IN.toISOString() },
  },
};
const uploaded: Record<string, MaterialEntry> = { 'certificate:resident_id': { fileIds: [newId()] } };

type Live = Awaited<ReturnType<typeof liveServicesIndicators>>;

describe('services indicators', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  let live: Live;
  const department: Record<string, string> = {};

  /** [numerator, denominator] of one indicator for one scope. */
  const counts = (code: string, scopeType: 'division' | 'department', scopeCode: string) => {
    const scope = live
      .find((i) => i.code === code)
      ?.scopes.find((s) => s.scopeType === scopeType && s.scopeCode === scopeCode);
    return scope ? [Number(scope.numerator.toFixed(4)), scope.denominator] : undefined;
  };

  beforeAll(async () => {
    t = await createTestKernel();
    for (const code of ['scjgj', 'zhzf'])
      department[code] = (
        await t.kernel.org.createDepartment(systemActor, {
          code,
          name: code,
          nameEn: code,
          divisionCode: DISTRICT,
          kind: 'bureau',
        })
      ).id;

    const matter = (input: MatterInput, version: number, publishedAt: Date) => {
      const definition = matterSchema.parse({ ...input, version });
      return {
        id: newId(),
        code: definition.code,
        version,
        nameZh: definition.name.zh,
        departmentCode: definition.departmentCode,
        definition,
        publishedAt,
      };
    };
    await t.kernel.db.insert(servicesMatter).values([
      matter(sole, 1, BEFORE), // scjgj, 15 → 1 working days, ID card by e-certificate
      matter(food, 1, BEFORE), // scjgj, 20 → 5 working days: superseded by version 2
      matter(
        {
          ...food,
          promisedLimit: { value: 3, unit: 'working_days' },
          channels: ['web', 'mobile', 'window'],
        },
        2,
        BEFORE,
      ),
      matter(sign, 1, BEFORE), // zhzf, 10 → 3 working days, uploads only
      matter(
        {
          ...sign,
          code: '许可-00104-000',
          kind: 'immediate',
          legalLimit: { value: 5, unit: 'days' },
          promisedLimit: { value: 0, unit: 'days' },
          channels: ['mobile'],
        },
        1,
        BEFORE,
      ),
      // Published after the period: not yet on offer.
      matter(
        { ...sign, code: '许可-00105-000', kind: 'immediate', promisedLimit: { value: 0, unit: 'days' } },
        1,
        AFTER,
      ),
    ]);

    const application = (
      divisionCode: string,
      channel: string,
      matterCodes: string[],
      submittedAt: Date | null,
      materials: Record<string, MaterialEntry> = {},
    ) => ({
      id: newId(),
      matterCodes,
      applicantKind: 'citizen',
      applicantRegistryId: newId(),
      channel,
      divisionCode,
      status: submittedAt ? 'submitted' : 'draft',
      materials,
      createdAt: submittedAt ?? IN,
      updatedAt: submittedAt ?? IN,
      submittedAt,
    });
    await t.kernel.db.insert(servicesApplication).values([
      application('330213001005', 'web', [sole.code], IN, byCertificate),
      application('330213100225', 'mobile', [sole.code, sign.code], IN, uploaded),
      application(XIKOU, 'window', [sign.code], IN),
      application(JINPING, 'kiosk', [food.code], IN, byCertificate),
      // Applied for at the district: the district's figure, no township's.
      application(DISTRICT, 'window', ['许可-00104-000'], IN),
      // Two matters of one department: counted once for it.
      application('330213001005', 'mobile', [sole.code, food.code], IN, byCertificate),
      application(JINPING, 'web', [sole.code], null),
      application(XIKOU, 'mobile', [sole.code], BEFORE),
    ]);

    let n = 0;
    const matterCase = (
      divisionCode: string,
      departmentCode: string,
      closedAt: Date | null,
      late: boolean | null,
      typeCode: string = CASE_TYPES.matter,
    ) => ({
      id: newId(),
      number: `SX-TEST-${++n}`,
      typeCode,
      typeVersion: 1,
      state: closedAt ? 'approved' : 'reviewing',
      version: 1,
      title: '事项办件',
      data: {},
      divisionCode,
      departmentId: department[departmentCode],
      openedAt: BEFORE,
      updatedAt: closedAt ?? BEFORE,
      closedAt,
      parentRole: 'co',
      late,
    });
    await t.kernel.db
      .insert(casesCase)
      .values([
        matterCase('330213001005', 'scjgj', IN, false),
        matterCase('330213100225', 'scjgj', IN, true),
        matterCase(XIKOU, 'zhzf', IN, null),
        matterCase(XIKOU, 'zhzf', BEFORE, true),
        matterCase(JINPING, 'zhzf', null, null),
        matterCase(JINPING, 'zhzf', IN, true, 'governance_event'),
      ]);

    const rating = (divisionCode: string, departmentCodes: string[], overall: number, ratedAt: Date) => ({
      id: newId(),
      applicationId: newId(),
      round: 1,
      departmentCodes,
      divisionCode,
      scores: { overall },
      overall,
      ratedAt,
    });
    await t.kernel.db
      .insert(servicesRating)
      .values([
        rating('330213001005', ['scjgj'], 5, IN),
        rating('330213100225', ['scjgj', 'zhzf'], 2, IN),
        rating(XIKOU, ['zhzf'], 4, IN),
        rating(JINPING, ['scjgj'], 1, BEFORE),
      ]);

    live = await liveServicesIndicators(t.kernel, FROM, TO, DISTRICT);
  });
  afterAll(() => t.close());

  it('counts applications by channel per township, district and each department of their matters', () => {
    expect(counts('services.online_rate', 'division', DISTRICT)).toEqual([4, 6]);
    expect(counts('services.online_rate', 'division', JINPING)).toEqual([3, 3]);
    expect(counts('services.online_rate', 'division', XIKOU)).toEqual([1, 2]);
    expect(counts('services.online_rate', 'department', 'scjgj')).toEqual([4, 4]);
    expect(counts('services.online_rate', 'department', 'zhzf')).toEqual([1, 3]);
    expect(counts('services.mobile_rate', 'division', DISTRICT)).toEqual([2, 6]);
    expect(counts('services.mobile_rate', 'division', JINPING)).toEqual([1, 3]);
    expect(counts('services.mobile_rate', 'department', 'zhzf')).toEqual([1, 3]);
    // The district-level application belongs to no township.
    const online = live.find((i) => i.code === 'services.online_rate')!;
    expect(online.scopes.map((s) => `${s.scopeType}:${s.scopeCode}`)).toEqual([
      `division:${DISTRICT}`,
      `division:${JINPING}`,
      `division:${XIKOU}`,
      'department:scjgj',
      'department:zhzf',
    ]);
    expect(online.scopes[0].value).toBeCloseTo(66.667, 2);
  });

  it('counts applications whose required e-certificate materials came without an upload', () => {
    expect(counts('services.certificate_coverage', 'division', DISTRICT)).toEqual([3, 4]);
    expect(counts('services.certificate_coverage', 'division', JINPING)).toEqual([3, 3]);
    expect(counts('services.certificate_coverage', 'division', XIKOU)).toEqual([0, 1]);
    expect(counts('services.certificate_coverage', 'department', 'scjgj')).toEqual([3, 4]);
    expect(counts('services.certificate_coverage', 'department', 'zhzf')).toEqual([0, 1]);
  });

  it('measures the catalogue on offer at the end of the period, newest versions, district and departments only', () => {
    expect(counts('services.immediate_share', 'division', DISTRICT)).toEqual([1, 4]);
    expect(counts('services.immediate_share', 'department', 'scjgj')).toEqual([0, 2]);
    expect(counts('services.immediate_share', 'department', 'zhzf')).toEqual([1, 2]);
    expect(counts('services.immediate_share', 'division', JINPING)).toBeUndefined();
    expect(counts('services.mobile_availability', 'division', DISTRICT)).toEqual([2, 4]);
    expect(counts('services.mobile_availability', 'department', 'scjgj')).toEqual([1, 2]);
    // (21 − 1.4)/21 + (28 − 4.2)/28 + (14 − 4.2)/14 + (5 − 0)/5
    expect(counts('services.compression', 'division', DISTRICT)).toEqual([3.4833, 4]);
    expect(counts('services.compression', 'department', 'scjgj')).toEqual([1.7833, 2]);
    expect(counts('services.compression', 'department', 'zhzf')).toEqual([1.7, 2]);
    const compression = live.find((i) => i.code === 'services.compression')!;
    expect(compression.scopes[0].value).toBeCloseTo(87.083, 2);
  });

  it('counts matter cases closed on time and good ratings', () => {
    expect(counts('services.on_time_rate', 'division', DISTRICT)).toEqual([2, 3]);
    expect(counts('services.on_time_rate', 'division', JINPING)).toEqual([1, 1]);
    expect(counts('services.on_time_rate', 'division', XIKOU)).toEqual([1, 2]);
    expect(counts('services.on_time_rate', 'department', 'scjgj')).toEqual([1, 2]);
    expect(counts('services.on_time_rate', 'department', 'zhzf')).toEqual([1, 1]);
    expect(counts('services.satisfaction', 'division', DISTRICT)).toEqual([2, 3]);
    expect(counts('services.satisfaction', 'division', JINPING)).toEqual([1, 1]);
    expect(counts('services.satisfaction', 'division', XIKOU)).toEqual([1, 2]);
    expect(counts('services.satisfaction', 'department', 'scjgj')).toEqual([1, 2]);
    expect(counts('services.satisfaction', 'department', 'zhzf')).toEqual([1, 2]);
  });

  it('defines every indicator once and stores monthly snapshots through the registry', async () => {
    await registerServicesIndicators(t.kernel, t.kernel.db, DISTRICT);
    await registerServicesIndicators(t.kernel, t.kernel.db, DISTRICT);
    const defined = (await t.kernel.indicators.list()).filter((i) => i.owner === 'services');
    expect(defined.map((i) => i.code).sort()).toEqual(SERVICES_INDICATORS.map((i) => i.code).sort());
    expect(defined.find((i) => i.code === 'services.online_rate')).toMatchObject({
      unit: 'percent',
      target: 90,
    });
    await t.kernel.db.transaction((tx) => t.kernel.indicators.computeAll(tx, 'month', '2026-03-01'));
    const departments = await t.kernel.indicators.latest('services.on_time_rate', 'month', 'department');
    expect(departments.map((v) => [v.scopeCode, v.numerator, v.denominator, v.value])).toEqual([
      ['scjgj', 1, 2, 50],
      ['zhzf', 1, 1, 100],
    ]);
    const [district] = await t.kernel.indicators.series('services.satisfaction', {
      period: 'month',
      scopeType: 'division',
      scopeCode: DISTRICT,
    });
    expect(district).toMatchObject({ numerator: 2, denominator: 3 });
  });
});
