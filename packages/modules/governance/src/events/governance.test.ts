import { systemActor } from '@zhizhi/kernel/access';
import { ManualClock } from '@zhizhi/kernel/clock';
import { rows } from '@zhizhi/kernel/db';
import { actorFor, createTestKernel, takeStep } from '@zhizhi/kernel/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGovernance, type Governance } from './create-governance';

const XIKOU = '330213100000';
const JINPING = '330213001000';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A square "district" around 溪口 and 锦屏; west of 121.35 is 溪口, east is 锦屏. */
const region = {
  districtCode: '330213000000',
  contains: (p: { lng: number; lat: number }) =>
    p.lng > 121.1 && p.lng < 121.6 && p.lat > 29.5 && p.lat < 29.8,
  townOf: (p: { lng: number; lat: number }) =>
    p.lng < 121.35 ? { code: XIKOU, name: '溪口镇' } : { code: JINPING, name: '锦屏街道' },
};

describe('governance events', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  let g: Governance;
  let zhzfXikou: { id: string };
  let clock: ManualClock;
  beforeAll(async () => {
    clock = new ManualClock('2025-09-29T01:00:00Z'); // Monday before the National Day holiday
    t = await createTestKernel({ clock });
    g = createGovernance(t.kernel, {
      region,
      open311: { jurisdictionId: 'test', baseUrl: 'http://x/open311/v2', contact: 'x', zipcode: '315500' },
    });
    await g.start();
    zhzfXikou = await t.kernel.org.createDepartment(systemActor, {
      code: 'zhzf-330213100',
      name: '溪口镇综合行政执法队',
      nameEn: 'Xikou Law Enforcement Team',
      divisionCode: XIKOU,
      kind: 'other',
    });
    await t.kernel.org.createDepartment(systemActor, {
      code: 'shzl',
      name: '区社会治理中心',
      nameEn: 'Social Governance Centre',
      divisionCode: '330213000000',
      kind: 'centre',
    });
    await t.kernel.dispatch.setCatalogue(systemActor, 'governance_event', [
      { category: 'road.*', divisionCode: XIKOU, departmentCode: 'zhzf-330213100', limitDays: 3 },
    ]);
  });
  afterAll(() => t.close());

  const pothole = {
    categoryCode: 'road.pothole',
    description: '村口道路有一处大坑，雨天积水',
    location: { lng: 121.24, lat: 29.68 },
    address: '溪口镇岩头村村口',
  };

  it('routes a public pothole report to the township’s enforcement team and tracks it by number + password', async () => {
    const { number, password, case: c } = await g.reportPublic({ ...pothole, reporterPhone: '13800001234' });
    expect(c).toMatchObject({ state: 'dispatched', departmentId: zhzfXikou.id, divisionCode: XIKOU });
    expect(password).toMatch(/^[A-Z2-9]{8}$/);
    const view = await g.track(number, password);
    expect(view).toMatchObject({
      state: 'dispatched',
      stateName: { zh: '待签收' },
      address: '溪口镇岩头村村口',
    });
    expect(view.timeline.map((s) => s.step)).toEqual(['open', 'dispatch']);
    expect(JSON.stringify(view)).not.toContain('13800001234');
    await expect(g.track(number, 'WRONGPWD')).rejects.toMatchObject({
      code: 'governance.tracking.not_found',
    });
    // The catalogue's limit, 3 working days from Mon 29 Sep 2025 (the day of receipt not counted):
    // Tue 30 Sep, then the 1–8 Oct holiday, Thu 9 Oct, Fri 10 Oct → end of 10 Oct, Beijing time.
    const detail = await t.kernel.cases.getCase(systemActor, c.id);
    expect(detail.clocks.find((k) => k.code === 'handle')).toMatchObject({ limit: 3 });
    expect(detail.clocks.find((k) => k.code === 'handle')?.dueAt?.toISOString()).toBe(
      '2025-10-10T15:59:59.999Z',
    );
  });

  it('refuses bad reports clearly and stores nothing', async () => {
    const count = async () =>
      (await rows<{ n: number }>(t.kernel.db, sql`select count(*)::int as n from cases_case`))[0].n;
    const before = await count();
    await expect(g.reportPublic({ ...pothole, categoryCode: 'road.flying_saucer' })).rejects.toMatchObject({
      code: 'governance.category.unknown',
    });
    await expect(g.reportPublic({ ...pothole, categoryCode: 'road' })).rejects.toMatchObject({
      code: 'governance.category.unknown',
    });
    await expect(g.reportPublic({ ...pothole, location: { lng: 120.15, lat: 30.28 } })).rejects.toMatchObject(
      {
        code: 'governance.location.outside_district',
      },
    );
    await expect(g.reportPublic({ ...pothole, location: null })).rejects.toMatchObject({
      code: 'governance.location.required',
    });
    await expect(g.reportPublic({ ...pothole, description: '坑' })).rejects.toMatchObject({
      code: 'governance.report.invalid',
    });
    await expect(g.reportPublic({ ...pothole, reporterPhone: '12345' })).rejects.toMatchObject({
      code: 'governance.report.invalid',
    });
    expect(await count()).toBe(before);
  });

  it('a grid worker’s report lands in their own village; outside their township it is refused', async () => {
    await t.kernel.staff.createStaff(systemActor, {
      username: 'grid.yantou',
      displayName: '岩头村网格员',
      password: 'secret-123',
      departmentId: null,
      roles: [{ roleCode: 'grid_worker', divisionCode: '330213100225' }],
      mustChangePassword: false,
    });
    const worker = await actorFor(t.kernel, 'grid.yantou', 'secret-123');
    const reported = await g.reportAsStaff(worker, pothole);
    expect(reported).toMatchObject({ divisionCode: '330213100225', state: 'dispatched' });
    await expect(
      g.reportAsStaff(worker, { ...pothole, location: { lng: 121.41, lat: 29.66 } }),
    ).rejects.toMatchObject({ code: 'access.denied' });
  });

  it('keeps an unroutable report in the dispatcher queue', async () => {
    const { case: c } = await g.reportPublic({
      categoryCode: 'dispute.neighbour',
      description: '楼上邻居长期漏水，协商未果',
      location: { lng: 121.41, lat: 29.66 },
    });
    expect(c).toMatchObject({ state: 'reported', departmentId: null, divisionCode: JINPING });
  });

  it('a handler closes with a photo, the citizen rates, indicators count it; a bad rating opens rectification', async () => {
    await t.kernel.db.execute(
      sql`insert into identity_role (code, name_zh, name_en, permissions, builtin) values ('gtest_handler', '处置', 'H', '["governance.case.read","governance.case.handle"]', false)`,
    );
    await t.kernel.staff.createStaff(systemActor, {
      username: 'zhzf',
      displayName: '执法队员',
      password: 'secret-123',
      departmentId: zhzfXikou.id,
      roles: [{ roleCode: 'gtest_handler', divisionCode: XIKOU, departmentId: zhzfXikou.id }],
      mustChangePassword: false,
    });
    const handler = await actorFor(t.kernel, 'zhzf', 'secret-123');
    const rateWith = async (rating: string) => {
      const { number, password, case: c } = await g.reportPublic(pothole);
      await takeStep(t.kernel, handler, c.id, 'accept');
      await expect(g.ratePublic(number, password, { rating: 'satisfied' })).rejects.toMatchObject({
        code: 'governance.rating.not_closed',
      });
      const photo = await t.kernel.files.store(handler, { name: 'after.png', content: PNG });
      await takeStep(t.kernel, handler, c.id, 'close', {
        data: { result: '已用沥青修补', result_photos: [photo.id] },
      });
      const rated = await g.ratePublic(number, password, { rating, comment: '处理及时' });
      expect(rated).toMatchObject({ state: 'rated', rating });
      return c.id;
    };
    const before = await g.liveIndicators(new Date('2025-09-01T00:00:00Z'), new Date('2025-11-01T00:00:00Z'));
    const closedBefore = before
      .find((i) => i.code === 'governance.events.closed')!
      .scopes.find((s) => s.scopeType === 'division' && s.scopeCode === XIKOU);
    await rateWith('satisfied');
    const bad = await rateWith('very_dissatisfied');
    const related = (await t.kernel.cases.getCase(systemActor, bad)).related;
    expect(related).toEqual([
      expect.objectContaining({ parentRole: 'rectification', typeCode: 'governance_rectification' }),
    ]);
    const after = await g.liveIndicators(new Date('2025-09-01T00:00:00Z'), new Date('2025-11-01T00:00:00Z'));
    const scope = (code: string) =>
      after
        .find((i) => i.code === code)!
        .scopes.find((s) => s.scopeType === 'division' && s.scopeCode === XIKOU)!;
    expect(scope('governance.events.closed').numerator).toBe((closedBefore?.numerator ?? 0) + 2);
    expect(scope('governance.events.satisfaction').value).toBe(50);
    expect(scope('governance.events.on_time_rate').value).toBe(100);
    const byDepartment = after
      .find((i) => i.code === 'governance.events.closed')!
      .scopes.find((s) => s.scopeType === 'department' && s.scopeCode === 'zhzf-330213100');
    expect(byDepartment?.numerator).toBe(2);
  });

  it('escalates an overdue event once: a 督办 note and a message to the command centre', async () => {
    const [shzl] = (await t.kernel.org.listDepartments(systemActor)).filter((d) => d.code === 'shzl');
    await t.kernel.staff.createStaff(systemActor, {
      username: 'commander',
      displayName: '指挥中心值班员',
      password: 'secret-123',
      departmentId: shzl.id,
      roles: [],
      mustChangePassword: false,
    });
    const { case: c } = await g.reportPublic(pothole);
    clock.set(new Date('2025-10-20T02:00:00Z'));
    await t.kernel.jobs.runDue();
    await t.kernel.events.dispatch();
    await t.kernel.jobs.runDue();
    await t.kernel.events.dispatch();
    const history = (await t.kernel.cases.getCase(systemActor, c.id)).history;
    const notes = history.filter((h) => h.transition === 'supervise');
    expect(notes).toHaveLength(1);
    expect(notes[0].note).toContain('区社会治理中心');
    const messages = await rows<{ n: number }>(
      t.kernel.db,
      sql`select count(*)::int as n from notifications_message where title_zh like ${`超期升级：${c.number}%`}`,
    );
    expect(messages[0].n).toBe(1); // the one staff member of the command centre
  });

  it('takes in another module’s event once (sensing alarms use the generic convention)', async () => {
    await t.kernel.transaction(async (tx) => {
      await (
        t.kernel.events.publish as unknown as (tx: unknown, type: string, payload: unknown) => Promise<string>
      )(tx, 'sensing.alarm.raised', {
        categoryCode: 'road.manhole',
        message: '井盖位移传感器报警：井盖被移开',
        lng: 121.25,
        lat: 29.69,
      });
    });
    await t.kernel.events.dispatch();
    await t.kernel.events.dispatch();
    const found = await rows<{ n: number }>(
      t.kernel.db,
      sql`select count(*)::int as n from governance_report where channel = 'event'`,
    );
    expect(found[0].n).toBe(1);
  });
});
