import { systemActor } from '@zhizhi/kernel';
import { eventsOutbox } from '@zhizhi/kernel/events';
import { inArray } from 'drizzle-orm';
import { fenghuaDivisions, fenghuaPlaceAreas, fenghuaPlaceLibrary } from '@zhizhi/pack-fenghua';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';

const JINPING = '浙江省宁波市奉化区锦屏街道';

describe('places over HTTP', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    await t.kernel.org.importDivisions(systemActor, fenghuaDivisions);
    await t.kernel.org.createDepartment(systemActor, {
      code: 'mzj',
      name: '宁波市奉化区民政局',
      nameEn: 'Civil Affairs Bureau',
      divisionCode: '330213000000',
      kind: 'bureau',
    });
    // 锦屏街道 only (≈ 5,600 entries: roads, door numbers, estates down to rooms) keeps the test quick.
    const library = fenghuaPlaceLibrary().filter((place) => place.key.startsWith(JINPING));
    const areas = fenghuaPlaceAreas().filter((area) => area.code.startsWith('330213001'));
    await t.modules.places.seed(library, areas);
    headers = await t.login();
  }, 120_000);
  afterAll(() => t?.close());

  const get = (url: string, h: Record<string, string> | undefined = headers) =>
    t.app.inject({ method: 'GET', url, headers: h });

  it('parses with CCKS labels and refuses anonymous and oversized requests', async () => {
    const q = encodeURIComponent('奉化市锦屏中山冬路二十六号');
    const response = await get(`/api/places/parse?q=${q}`);
    expect(response.statusCode).toBe(200);
    const parsed = response.json();
    expect(parsed.elements.map((e: { label: string }) => e.label)).toEqual([
      'district',
      'town',
      'road',
      'roadno',
    ]);
    expect(parsed.standard).toBe(`${JINPING}中山东路26号`);
    expect(parsed.divisionCode).toBe('330213001000');

    const anonymous = await get(`/api/places/parse?q=${q}`, {});
    expect(anonymous.statusCode).toBe(401);
    const long = await get(`/api/places/parse?q=${encodeURIComponent('路'.repeat(501))}`);
    expect(long.statusCode).toBe(400);
    expect(long.headers['content-type']).toContain('application/problem+json');
  });

  it('matches a messy address and explains each element', async () => {
    const q = encodeURIComponent('锦屏 阳光小区 1栋2单元 101');
    const response = await get(`/api/places/match?q=${q}`);
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.best.place.key).toBe(`${JINPING}阳光社区阳光花园1幢2单元101室`);
    expect(result.best.complete).toBe(true);
    const outcomes = Object.fromEntries(
      result.best.explanation.map((e: { label: string; outcome: string }) => [e.label, e.outcome]),
    );
    expect(outcomes).toMatchObject({
      town: 'agree',
      poi: 'alias',
      houseno: 'agree',
      cellno: 'agree',
      roomno: 'agree',
    });
  });

  it('geocodes, reverse-geocodes and shows an entry with its path', async () => {
    const geocoded = (await get(`/api/places/geocode?q=${encodeURIComponent('中山东路26号')}`)).json();
    expect(geocoded.match.key).toBe(`${JINPING}中山东路26号`);
    expect(geocoded.precision).toBe('doorplate');
    const { lng, lat } = geocoded.point;
    const reverse = (await get(`/api/places/reverse?lng=${lng}&lat=${lat}`)).json();
    expect(reverse.nearest.key).toBe(`${JINPING}中山东路26号`);
    expect(reverse.nearest.distanceMeters).toBe(0);
    expect(reverse.town.code).toBe('330213001000');
    expect(reverse.village.code).toMatch(/^330213001\d{3}$/);
    expect(reverse.grid?.code ?? null).not.toBe(undefined);
    const bad = await get('/api/places/reverse?lng=999&lat=29');
    expect(bad.statusCode).toBe(400);

    const detail = (await get(`/api/places/addresses/${geocoded.match.id}`)).json();
    expect(detail.path.map((p: { level: string }) => p.level)).toEqual(['road', 'doorplate']);
  });

  it('imports a messy sheet, clusters review cases, and an accepted spelling becomes an alias', async () => {
    const csv = [
      '记录编号,姓名,户籍地址',
      '1,张三,奉化区锦屏街道中山东路26号',
      '2,李四,锦屏街道阳光社区阳光华圆1幢2单元101室',
      '3,王五,锦屏阳光华圆1幢2单元101',
      '4,赵六,浙江省宁波市奉化区锦屏街道中山东路999号',
      '5,钱七,',
    ].join('\n');
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/places/imports?sourceKind=police&sourceName=%E5%8C%BA%E5%85%AC%E5%AE%89%E5%88%86%E5%B1%80',
      headers: { ...headers, 'content-type': 'text/csv', 'x-file-name': 'households.csv' },
      payload: Buffer.from(csv),
    });
    expect(started.statusCode).toBe(202);
    const importId = started.json().id;
    for (let i = 0; i < 5; i++) await t.kernel.jobs.runDue();
    const done = (await get(`/api/places/imports/${importId}`)).json();
    expect(done).toMatchObject({ status: 'done', total: 5, processed: 5, matched: 1, review: 3, failed: 1 });
    const records = (await get(`/api/places/imports/${importId}/records`)).json().records;
    // Names in other columns are never stored.
    expect(JSON.stringify(records)).not.toContain('张三');
    const [, soundAlike, sameSpot, missing, empty] = records;
    expect(missing.outcome).toBe('review');
    expect(empty).toMatchObject({ outcome: 'failed', error: 'places.address.required' });
    expect(soundAlike.outcome).toBe('review');
    expect(sameSpot.caseId).toBe(soundAlike.caseId);

    const reviews = (await get('/api/places/reviews')).json().items;
    expect(reviews.length).toBe(2);
    const review = (await get(`/api/places/reviews/${soundAlike.caseId}`)).json();
    expect(review.records).toHaveLength(2);
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/places/reviews/${review.id}/decision`,
      headers,
      payload: { decision: 'accept', expectedVersion: review.version, note: '同一小区' },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().state).toBe('accepted');
    const events = await t.kernel.db
      .select({ type: eventsOutbox.type, payload: eventsOutbox.payload })
      .from(eventsOutbox)
      .where(inArray(eventsOutbox.type, ['places.import.finished', 'places.review.decided']));
    expect(events).toContainEqual({
      type: 'places.import.finished',
      payload: { importId, total: 5, matched: 1, review: 3, failed: 1 },
    });
    expect(events).toContainEqual({
      type: 'places.review.decided',
      payload: { caseId: review.id, decision: 'accept', addressId: decided.json().addressId },
    });

    const after = (await get(`/api/places/match?q=${encodeURIComponent('阳光华圆1幢2单元101室')}`)).json();
    expect(after.best.place.key).toBe(`${JINPING}阳光社区阳光花园1幢2单元101室`);
    expect(after.best.explanation.find((e: { label: string }) => e.label === 'poi').outcome).toBe('alias');

    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/places/reviews/${review.id}/decision`,
      headers,
      payload: { decision: 'reject', expectedVersion: review.version },
    });
    expect(stale.statusCode).toBe(400);
  });

  it('prints doorplate codes whose public page names the place and never its residents', async () => {
    const road = (await get(`/api/places/search?q=${encodeURIComponent('县前街')}`)).json().results[0];
    const sheet = await t.app.inject({
      method: 'POST',
      url: '/api/places/doorplates/sheet',
      headers,
      payload: { parentId: road.id },
    });
    expect(sheet.statusCode).toBe(200);
    const { plates } = sheet.json();
    expect(plates.length).toBeGreaterThan(3);
    expect(plates[0].qrSvg.startsWith('<svg')).toBe(true);
    const again = (
      await t.app.inject({
        method: 'POST',
        url: '/api/places/doorplates/sheet',
        headers,
        payload: { parentId: road.id },
      })
    ).json();
    expect(again.plates[0].token).toBe(plates[0].token);

    const redirect = await t.app.inject({ method: 'GET', url: `/c/${plates[0].token}` });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe(`/doorplate/${plates[0].token}`);
    const page = await t.app.inject({ method: 'GET', url: `/api/public/doorplates/${plates[0].token}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().address).toBe(plates[0].address);
    expect(page.json().services.length).toBeGreaterThan(0);
    const last = plates[0].token.at(-1) === 'A' ? 'B' : 'A';
    const forged = await t.app.inject({
      method: 'GET',
      url: `/api/public/doorplates/${plates[0].token.slice(0, -1)}${last}`,
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('codes.code.invalid');
  });
});
