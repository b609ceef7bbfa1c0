import { type Actor, systemActor } from '@zhizhi/kernel/access';
import { rows } from '@zhizhi/kernel/db';
import { actorFor, createTestKernel, encodeGbk } from '@zhizhi/kernel/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaces, type Places } from './create-places';
import { REVIEW_CASE_TYPE } from './review/case-type';
import {
  fixtureAreas,
  fixtureDivisions,
  fixturePlaces,
  JINPING,
  NANMEN,
  NANMEN_GRID,
} from './testing/fixture';

const JP = '浙江省宁波市奉化区锦屏街道';
const ESTATE = `${JP}阳光社区阳光花园`;
const BASE_URL = 'https://zhizhi.test';

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');

describe('places (database)', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  let places: Places;
  let admin: Actor;
  let viewer: Actor;

  const count = async (table: string) =>
    Number(
      (await rows<{ n: number | string }>(t.kernel.db, sql.raw(`select count(*) as n from ${table}`)))[0]?.n,
    );
  const runJobs = async () => {
    for (let i = 0; i < 20 && (await t.kernel.jobs.runDue()) > 0; i++);
  };
  const idOf = async (key: string) => {
    const node = (await places.engine()).index.byKey(key);
    if (!node) throw new Error(`no entry ${key}`);
    return node.id;
  };

  beforeAll(async () => {
    t = await createTestKernel();
    await t.kernel.org.importDivisions(systemActor, fixtureDivisions);
    const mzj = await t.kernel.org.createDepartment(systemActor, {
      code: 'mzj',
      name: '区民政局',
      nameEn: 'Civil Affairs Bureau',
      divisionCode: '330213000000',
      kind: 'bureau',
    });
    await t.kernel.org.createGrid(systemActor, {
      code: NANMEN_GRID,
      name: '南门社区第一网格',
      villageCode: NANMEN,
    });
    await t.kernel.staff.createStaff(systemActor, {
      username: 'mzj.admin',
      displayName: '民政局地名科',
      password: 'secret-123',
      departmentId: mzj.id,
      roles: [{ roleCode: 'dept_admin', divisionCode: '330213000000', departmentId: mzj.id }],
      mustChangePassword: false,
    });
    await t.kernel.staff.createStaff(systemActor, {
      username: 'leader',
      displayName: '区领导',
      password: 'secret-123',
      departmentId: null,
      roles: [{ roleCode: 'leader', divisionCode: '330213000000' }],
      mustChangePassword: false,
    });
    admin = await actorFor(t.kernel, 'mzj.admin', 'secret-123');
    viewer = await actorFor(t.kernel, 'leader', 'secret-123');
    places = createPlaces(t.kernel);
    await places.start();
    expect(await places.seed(fixturePlaces, fixtureAreas)).toEqual({
      inserted: fixturePlaces.length,
      areas: fixtureAreas.length,
    });
  });
  afterAll(() => t.close());

  it('seeds idempotently', async () => {
    expect(await places.seed(fixturePlaces, fixtureAreas)).toMatchObject({ inserted: 0 });
    expect(await count('places_address')).toBe(fixturePlaces.length);
  });

  it('matches an address against the stored library', async () => {
    const result = await places.match('奉化市锦屏街道中山东路二十六号');
    expect(result.best?.node.key).toBe(`${JP}中山东路26号`);
    expect(result.best?.node.id).toBe(await idOf(`${JP}中山东路26号`));
    expect(result.best?.confidence).toBe(1);
    const geocoded = await places.geocode('阳光花园3幢2单元502室');
    // A room has no point of its own: it takes its building's.
    expect(geocoded).toMatchObject({ point: { lng: 121.3984, lat: 29.6613 }, precision: 'building' });
    await expect(places.match('中'.repeat(501))).rejects.toMatchObject({ code: 'places.address.too_long' });
    await expect(places.match('  ')).rejects.toMatchObject({ code: 'places.address.required' });
  });

  it('reverse-geocodes a point to the nearest door number and the areas containing it', async () => {
    const result = await places.reverse(121.40521, 29.65511);
    expect(result.nearest).toMatchObject({ key: `${JP}中山东路26号`, level: 'doorplate', distanceMeters: 1 });
    expect(result.town).toMatchObject({ code: JINPING, name: '锦屏街道', level: 'town' });
    expect(result.village).toMatchObject({ code: NANMEN, level: 'village' });
    expect(result.grid).toMatchObject({ code: NANMEN_GRID, level: 'grid' });
    const far = await places.reverse(121.6, 29.9);
    expect(far).toMatchObject({ nearest: null, town: null, village: null, grid: null });
    await expect(places.reverse(Number.NaN, 29.6)).rejects.toMatchObject({ code: 'places.point.invalid' });
  });

  it('refuses bad imports with a stable code and stores nothing', async () => {
    const before = [await count('places_import'), await count('files_file'), await count('jobs_job')];
    const start = (fileName: string, content: Buffer, extra: Record<string, unknown> = {}) =>
      places.imports.start(admin, {
        fileName,
        content,
        sourceKind: 'police',
        sourceName: '公安分局',
        ...extra,
      });
    await expect(start('a.csv', csv(['姓名,电话', '张三,13800000000']))).rejects.toMatchObject({
      code: 'places.import.no_address_column',
    });
    await expect(
      start('a.csv', csv(['编号,地址', '1,中山东路26号']), { addressColumn: '住址' }),
    ).rejects.toMatchObject({ code: 'places.import.no_address_column' });
    await expect(start('a.csv', Buffer.alloc(0))).rejects.toMatchObject({ code: 'places.import.empty' });
    await expect(start('a.csv', csv(['编号,地址']))).rejects.toMatchObject({ code: 'places.import.empty' });
    await expect(start('a.csv', csv(['地址', '中山东路26号']), { sourceKind: 'bank' })).rejects.toMatchObject(
      {
        code: 'places.import.source_kind',
      },
    );
    await expect(start('a.csv', csv(['地址', '中山东路26号']), { sourceName: '  ' })).rejects.toMatchObject({
      code: 'places.import.source_name',
    });
    await expect(
      places.imports.start(viewer, {
        fileName: 'a.csv',
        content: csv(['地址', '中山东路26号']),
        sourceKind: 'police',
        sourceName: '公安分局',
      }),
    ).rejects.toMatchObject({ code: 'access.denied' });
    expect([await count('places_import'), await count('files_file'), await count('jobs_job')]).toEqual(
      before,
    );
  });

  describe('an import with review cases', () => {
    let importId: string;
    const rowsOf = async (id: string) => (await places.imports.records(admin, id, {})).records;
    const openCases = () => places.reviews.list(admin, { state: 'open' });
    const caseOf = async (raw: string) => {
      const record = (await rowsOf(importId)).find((r) => r.raw === raw);
      if (!record?.caseId) throw new Error(`no case for ${raw}`);
      return places.reviews.get(admin, record.caseId);
    };

    beforeAll(async () => {
      const started = await places.imports.start(admin, {
        fileName: '实有人口.csv',
        content: csv([
          '记录编号,姓名,联系电话,居住地址',
          'A1,张三,13800000001,浙江省宁波市奉化区锦屏街道中山东路26号',
          'A2,李四,13800000002,宁波奉化锦屏中山东路二十六号',
          'A3,王五,13800000003,仲山冬路26号',
          'A4,赵六,13800000004,仲山冬路二十六号',
          'A5,钱七,13800000005,阳光花园1幢1单元301室',
          'A6,孙八,13800000006,阳光小区1栋1单元301',
          'A7,周九,13800000007,中山东路999号',
          'A8,吴十,13800000008,今天天气不错',
          'A9,郑一,13800000009,',
          `A10,冯二,13800000010,${'中'.repeat(501)}`,
        ]),
        sourceKind: 'police',
        sourceName: '奉化公安分局',
      });
      importId = started.id;
      expect(started).toMatchObject({ status: 'queued', total: 10, addressColumn: '居住地址' });
      await runJobs();
    });

    it('matches records, sends the doubtful ones to review and fails the rest', async () => {
      expect(await places.imports.get(admin, importId)).toMatchObject({
        status: 'done',
        processed: 10,
        matched: 2,
        review: 5,
        failed: 3,
        proposed: 3,
      });
      const records = await rowsOf(importId);
      const byId = new Map(records.map((r) => [r.sourceRecordId, r]));
      expect(byId.get('A1')).toMatchObject({
        outcome: 'matched',
        addressId: await idOf(`${JP}中山东路26号`),
      });
      expect(byId.get('A2')).toMatchObject({ outcome: 'matched', confidence: 1 });
      expect(byId.get('A3')).toMatchObject({ outcome: 'review', addressId: null });
      expect(byId.get('A8')).toMatchObject({ outcome: 'failed', error: 'places.match.no_anchor' });
      expect(byId.get('A9')).toMatchObject({ outcome: 'failed', error: 'places.address.required' });
      expect(byId.get('A10')).toMatchObject({ outcome: 'failed', error: 'places.address.too_long' });
      // Records naming the same place share one case.
      expect(byId.get('A3')?.caseId).toBe(byId.get('A4')?.caseId);
      expect(byId.get('A5')?.caseId).toBe(byId.get('A6')?.caseId);
      expect(new Set(records.map((r) => r.caseId).filter(Boolean)).size).toBe(3);
      // Only the address column and the record id are kept: no names, no phone numbers.
      expect(JSON.stringify(records)).not.toMatch(/张三|1380000000/);
    });

    it('lists the review cases with their records, assigned to the civil affairs bureau', async () => {
      const open = await openCases();
      expect(open).toHaveLength(3);
      expect(open.map((c) => c.records).sort()).toEqual([1, 2, 2]);
      const review = await caseOf('仲山冬路26号');
      expect(review.data).toMatchObject({ kind: 'match', candidate: `${JP}中山东路26号` });
      expect(review.explanation.find((e) => e.label === 'road')).toMatchObject({ outcome: 'similar' });
      const proposal = await caseOf('阳光花园1幢1单元301室');
      expect(proposal.data.kind).toBe('proposal');
      expect(proposal.proposal?.create.map((c) => c.key)).toEqual([
        `${ESTATE}1幢1单元3层`,
        `${ESTATE}1幢1单元301室`,
      ]);
      const [row] = await rows<{ code: string; type_code: string }>(
        t.kernel.db,
        sql`select d.code, c.type_code from cases_case c join org_department d on d.id = c.department_id where c.id = ${review.id}`,
      );
      expect(row).toEqual({ code: 'mzj', type_code: REVIEW_CASE_TYPE });
      // A second import (GBK, as Excel saves it) joins the open case of the same place.
      const gbk = await places.imports.start(admin, {
        fileName: '用水户.csv',
        content: Buffer.from(encodeGbk('户号,用水地址\r\nG1,溪口镇武岭路5号\r\nG2,仲山冬路26号\r\n')),
        sourceKind: 'utility',
        sourceName: '自来水公司',
      });
      await runJobs();
      expect(await places.imports.get(admin, gbk.id)).toMatchObject({
        status: 'done',
        matched: 1,
        review: 1,
      });
      const joined = (await rowsOf(gbk.id)).find((r) => r.sourceRecordId === 'G2');
      expect(joined?.caseId).toBe(review.id);
      expect((await places.reviews.get(admin, review.id)).records).toHaveLength(3);
    });

    it('refuses a decision from a reviewer without places.review', async () => {
      const review = await caseOf('中山东路999号');
      await expect(
        places.reviews.decide(viewer, review.id, { decision: 'reject', expectedVersion: review.version }),
      ).rejects.toMatchObject({ code: 'access.denied' });
      expect((await places.reviews.get(admin, review.id)).state).toBe('open');
    });

    it('accepting a sound-alike match makes the written spelling an alias', async () => {
      const before = await places.match('仲山冬路26号');
      expect(before.best?.confidence).toBeLessThan(0.9);
      expect(before.best?.explanation.find((e) => e.label === 'road')).toMatchObject({ outcome: 'similar' });
      const review = await caseOf('仲山冬路26号');
      const decided = await places.reviews.decide(admin, review.id, {
        decision: 'accept',
        note: '确认为中山东路',
        expectedVersion: review.version,
      });
      const target = await idOf(`${JP}中山东路26号`);
      expect(decided).toMatchObject({ state: 'accepted', addressId: target });
      expect(decided.records.every((r) => r.outcome === 'accepted')).toBe(true);
      const after = await places.match('仲山冬路26号');
      expect(after.best?.node.id).toBe(target);
      expect(after.best?.explanation.find((e) => e.label === 'road')).toMatchObject({ outcome: 'alias' });
      expect(after.best?.confidence).toBeGreaterThanOrEqual(0.9);
      const found = await places.search(viewer, '仲山冬路');
      expect(found.results[0]).toMatchObject({ key: `${JP}中山东路`, via: 'match' });
      await expect(
        places.reviews.decide(admin, review.id, { decision: 'reject', expectedVersion: decided.version }),
      ).rejects.toMatchObject({ code: 'places.review.closed' });
    });

    it('accepting a proposal creates the missing entries', async () => {
      expect((await places.match('阳光花园1幢1单元301室')).best).toBeNull();
      const review = await caseOf('阳光花园1幢1单元301室');
      const decided = await places.reviews.decide(admin, review.id, {
        decision: 'accept',
        expectedVersion: review.version,
      });
      expect(decided.addressId).toBe(await idOf(`${ESTATE}1幢1单元301室`));
      const entry = await places.get(viewer, decided.addressId as string);
      expect(entry.path.map((p) => p.name)).toEqual(['阳光花园', '1幢', '1单元', '3层', '301室']);
      expect(entry).toMatchObject({
        level: 'room',
        divisionCode: '330213001012',
        source: 'review:民政局地名科',
      });
      const again = await places.match('阳光花园1幢1单元301室');
      expect(again.best).toMatchObject({ confidence: 1, complete: true });
      expect(again.best?.node.id).toBe(decided.addressId);
    });

    it('rejecting marks the records rejected and leaves the library alone', async () => {
      const size = await count('places_address');
      const review = await caseOf('中山东路999号');
      const decided = await places.reviews.decide(admin, review.id, {
        decision: 'reject',
        note: '无此门牌',
        expectedVersion: review.version,
      });
      expect(decided).toMatchObject({ state: 'rejected', addressId: null });
      const record = (await rowsOf(importId)).find((r) => r.sourceRecordId === 'A7');
      expect(record).toMatchObject({ outcome: 'rejected', addressId: null });
      expect(await count('places_address')).toBe(size);
      expect(await openCases()).toEqual([]);
      expect((await places.reviews.list(admin, { state: 'rejected' })).map((c) => c.id)).toEqual([review.id]);
    });
  });

  describe('doorplates', () => {
    it('issues the codes of a road’s plates idempotently', async () => {
      const road = await idOf(`${JP}中山东路`);
      await expect(
        places.doorplates.sheet(viewer, { parentId: road, baseUrl: BASE_URL }),
      ).rejects.toMatchObject({
        code: 'access.denied',
      });
      const first = await places.doorplates.sheet(admin, { parentId: road, baseUrl: BASE_URL });
      expect(first.plates.map((p) => p.name)).toEqual(['26-1号', '26号', '28号', '108号']);
      expect(first.plates[0]?.url).toBe(`${BASE_URL}/c/${first.plates[0]?.token}`);
      expect(first.plates[0]?.qrSvg).toContain('<svg');
      const second = await places.doorplates.sheet(admin, { parentId: road, baseUrl: BASE_URL });
      expect(second.plates.map((p) => p.token)).toEqual(first.plates.map((p) => p.token));
      await expect(
        places.doorplates.sheet(admin, { addressIds: [road], baseUrl: BASE_URL }),
      ).rejects.toMatchObject({ code: 'places.doorplate.level' });
    });

    it('shows a plate’s public page: address, grid, services nearby, nobody’s personal data', async () => {
      const door = await idOf(`${JP}中山东路26号`);
      const { plates } = await places.doorplates.sheet(admin, { addressIds: [door], baseUrl: BASE_URL });
      const view = await places.doorplates.publicView(plates[0]?.token as string);
      expect(view).toMatchObject({
        address: `${JP}中山东路26号`,
        name: '26号',
        level: 'doorplate',
        current: true,
        replacedBy: null,
        town: '锦屏街道',
        village: '南门社区',
        grid: { code: NANMEN_GRID, name: '南门社区第一网格' },
        point: { lng: 121.4052, lat: 29.6551 },
      });
      expect(view.services.map((s) => s.name)).toEqual(['锦屏街道社区卫生服务中心', '锦屏派出所']);
      expect(view.services[0]?.distanceMeters).toBeLessThan(view.services[1]?.distanceMeters ?? 0);
      expect(Object.keys(view).sort()).toEqual(
        [
          'address',
          'current',
          'grid',
          'issuedAt',
          'level',
          'name',
          'point',
          'replacedBy',
          'services',
          'town',
          'village',
        ].sort(),
      );
      expect(JSON.stringify(view)).not.toMatch(/张三|1380000000|createdBy|actor/);
      await expect(places.doorplates.publicView('not-a-token')).rejects.toMatchObject({
        code: 'codes.code.invalid',
      });
    });
  });
});
