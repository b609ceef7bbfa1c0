import { rows, systemActor } from '@zhizhi/kernel';
import { sql } from 'drizzle-orm';
import { takeStep } from '@zhizhi/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** An Open311 GeoReport v2 client's view: report a pothole and follow it to closed, only via /open311/v2/. */
describe('Open311 GeoReport v2', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
    const zhzf = await t.kernel.org.createDepartment(systemActor, {
      code: 'zhzf-330213100',
      name: '溪口镇综合行政执法队',
      nameEn: 'Xikou Law Enforcement Team',
      divisionCode: '330213100000',
      kind: 'other',
    });
    await t.kernel.dispatch.setCatalogue(systemActor, 'governance_event', [
      { category: 'road.*', divisionCode: '330213100000', departmentCode: 'zhzf-330213100' },
    ]);
    void zhzf;
  });
  afterAll(() => t.close());

  const get = (url: string, accept = 'application/json') =>
    t.app.inject({ method: 'GET', url, headers: { accept } });

  it('discovers the endpoint and lists the public categories as services', async () => {
    const discovery = (await get('/open311/v2/discovery.json')).json();
    expect(discovery.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['application/json'],
    });
    const services = (await get('/open311/v2/services.json')).json();
    expect(services).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          service_code: 'road.pothole',
          service_name: '道路坑洼破损',
          type: 'realtime',
          metadata: false,
        }),
      ]),
    );
    expect(services.every((s: { service_code: string }) => s.service_code.includes('.'))).toBe(true); // leaves only
    const english = (await get('/open311/v2/services.json?locale=en')).json();
    expect(
      english.find((s: { service_code: string }) => s.service_code === 'road.pothole').service_name,
    ).toBe('Pothole or broken road');
    expect((await get('/open311/v2/services/road.pothole.json')).json()).toEqual({
      service_code: 'road.pothole',
      attributes: [],
    });
  });

  it('creates a request (form-encoded), resolves its token, and follows it to closed', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      payload: new URLSearchParams({
        service_code: 'road.pothole',
        lat: '29.6765',
        long: '121.2435',
        address_string: '溪口镇武岭路',
        description: '武岭路人行道旁路面塌陷，有积水',
        first_name: '明',
        last_name: '王',
        phone: '13800001111',
      }).toString(),
    });
    expect(created.statusCode).toBe(201);
    const [{ service_request_id: id, token }] = created.json();
    expect(id).toMatch(/^SJ\d{14}$/);
    expect((await get(`/open311/v2/tokens/${token}.json`)).json()).toEqual([
      { service_request_id: id, token },
    ]);

    const [open] = (await get(`/open311/v2/requests/${id}.json`)).json();
    expect(open).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'road.pothole',
      agency_responsible: '溪口镇综合行政执法队',
      address: '溪口镇武岭路',
      lat: 29.6765,
      long: 121.2435,
      zipcode: '315500',
    });
    expect(open.requested_datetime).toMatch(/\+08:00$/);
    expect(JSON.stringify(open)).not.toContain('13800001111');

    // Staff handle it in the platform.
    const [{ caseId }] = await rows<{ caseId: string }>(
      t.kernel.db,
      sql`select case_id as "caseId" from governance_report where number = ${id}`,
    );
    await takeStep(t.kernel, systemActor, caseId, 'accept');
    const photo = await t.kernel.files.store(systemActor, { name: 'after.png', content: PNG });
    await takeStep(t.kernel, systemActor, caseId, 'close', {
      data: { result: '已修补路面', result_photos: [photo.id] },
    });

    const [closed] = (await get(`/open311/v2/requests/${id}.json`)).json();
    expect(closed).toMatchObject({ status: 'closed', status_notes: '已修补路面' });
    const list = (await get('/open311/v2/requests.json?status=closed&service_code=road.pothole')).json();
    expect(list.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    const openOnly = (await get('/open311/v2/requests.json?status=open')).json();
    expect(openOnly.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(id);
    const byId = (await get(`/open311/v2/requests.json?service_request_id=${id}`)).json();
    expect(byId).toHaveLength(1);
  });

  it('answers bad requests in the spec’s error format (or problem+json when asked), changing nothing', async () => {
    const before = (await get('/open311/v2/requests.json')).json().length;
    const bad = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      payload:
        'service_code=road.ufo&lat=29.67&long=121.24&description=%E4%B8%8D%E6%98%8E%E9%A3%9E%E8%A1%8C%E7%89%A9',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual([
      { code: 400, description: expect.stringContaining('governance.category.unknown') },
    ]);
    const outside = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/json', accept: 'application/problem+json' },
      payload: {
        service_code: 'road.pothole',
        lat: 30.28,
        long: 120.15,
        description: '杭州西湖边的路面坑洞',
      },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.headers['content-type']).toContain('application/problem+json');
    expect(outside.json()).toMatchObject({ code: 'governance.location.outside_district' });
    expect((await get('/open311/v2/requests/SJ20990101000001.json')).statusCode).toBe(404);
    expect((await get('/open311/v2/services.json?jurisdiction_id=elsewhere')).statusCode).toBe(404);
    expect((await get('/open311/v2/requests.json?status=pending')).statusCode).toBe(400);
    expect((await get('/open311/v2/requests/x.xml')).statusCode).toBe(404);
    expect((await get('/open311/v2/requests.json')).json().length).toBe(before);
  });
});
