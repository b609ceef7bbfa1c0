import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing';

const resource = (departmentId: string, over: Record<string, unknown> = {}) => ({
  classificationCode: '301012001',
  name: '社会保险参保人员信息',
  providerDepartmentId: departmentId,
  abstract: '本区职工基本养老保险、失业保险、工伤保险参保人员的参保登记信息。',
  format: '数据库',
  updateCycle: '每日',
  sharingType: 'conditional',
  sharingCondition: '用于社保待遇资格认证等政务服务事项',
  openingType: 'closed',
  items: [
    { code: 'id_number', name: '公民身份号码', type: 'string', grade: 'L4', personalKind: 'id_number' },
    { code: 'insured_since', name: '参保日期', type: 'date', grade: 'L2', authoritative: true },
  ],
  ...over,
});

/** The catalog over HTTP, as CKAN clients and DCAT harvesters read it. */
describe('data catalog API, CKAN and DCAT-AP', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Record<string, string>;
  let openCode = '';
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login();
    const closed = await t.app.inject({
      method: 'POST',
      url: '/api/data/resources',
      headers: admin,
      payload: resource(t.departments.rsj.id),
    });
    expect(closed.statusCode).toBe(201);
    const open = await t.app.inject({
      method: 'POST',
      url: '/api/data/resources',
      headers: admin,
      payload: resource(t.departments.rsj.id, {
        classificationCode: '201003',
        name: '人力资源市场招聘岗位信息',
        abstract: '本区公共就业服务机构发布的招聘岗位、薪资范围与联系方式。',
        openingType: 'open',
        sharingType: 'unconditional',
        sharingCondition: null,
        updateCycle: '每周',
        items: [
          { code: 'post', name: '岗位名称', type: 'string', grade: 'L1' },
          { code: 'salary', name: '薪资范围', type: 'string', grade: 'L1' },
        ],
      }),
    });
    openCode = open.json().code;
    expect(openCode).toBe('201003/000001');
  });
  afterAll(() => t.close());

  it('refuses a bad registration with field errors', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/data/resources',
      headers: admin,
      payload: resource(t.departments.rsj.id, { openingType: 'open' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'data.resource.invalid',
      errors: [expect.objectContaining({ path: '/openingType' })],
    });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/data/resources' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('keeps the systems census over HTTP, refusing a name that breaks the rule', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/data/systems',
      headers: admin,
      payload: { name: '奉化区就业服务平台', departmentId: t.departments.rsj.id, status: 'in_use' },
    });
    expect(ok.statusCode).toBe(201);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/data/systems',
      headers: admin,
      payload: { name: 'jobs app', departmentId: t.departments.rsj.id, status: 'in_use' },
    });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'data.system.invalid']);
    const list = await t.app.inject({ method: 'GET', url: '/api/data/systems', headers: admin });
    expect(list.json().items.map((s: { name: string }) => s.name)).toEqual(['奉化区就业服务平台']);
  });

  it('answers CKAN clients with CKAN shapes; the public sees only the open catalogue', async () => {
    const get = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, headers }).then((r) => ({ status: r.statusCode, body: r.json() }));
    const list = await get('/api/3/action/package_list');
    expect(list.body).toEqual({
      help: expect.stringContaining('package_list'),
      success: true,
      result: ['201003-000001'],
    });
    expect((await get('/api/3/action/package_list', admin)).body.result).toHaveLength(2);
    const show = await get('/api/3/action/package_show?id=201003-000001');
    expect(show.body.result).toMatchObject({
      name: '201003-000001',
      title: '人力资源市场招聘岗位信息',
      private: false,
      organization: { name: 'rsj', is_organization: true },
    });
    const missing = await get('/api/3/action/package_show?id=301012001-000001');
    expect(missing).toMatchObject({
      status: 404,
      body: { success: false, error: { __type: 'Not Found Error' } },
    });
    const search = await get(
      `/api/3/action/package_search?q=${encodeURIComponent('招聘')}&fq=organization:rsj&rows=5`,
    );
    expect(search.body.result).toMatchObject({
      count: 1,
      results: [expect.objectContaining({ name: '201003-000001' })],
    });
    const none = await get(`/api/3/action/package_search?q=${encodeURIComponent('参保')}`);
    expect(none.body.result.count).toBe(0);
    const orgs = await get('/api/3/action/organization_list?all_fields=true');
    expect(orgs.body.result).toEqual([expect.objectContaining({ name: 'rsj', title: '区人社局' })]);
  });

  it('publishes DCAT-AP JSON-LD that a JSON-LD processor expands', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/catalog.jsonld' });
    expect(response.headers['content-type']).toContain('application/ld+json');
    const expanded = await jsonld.expand(response.json());
    const catalog = expanded.find((n) =>
      (n['@type'] as string[] | undefined)?.includes('http://www.w3.org/ns/dcat#Catalog'),
    )!;
    const datasets = catalog['http://www.w3.org/ns/dcat#dataset'] as Record<string, unknown>[];
    expect(datasets).toHaveLength(1);
    expect(datasets[0]['http://purl.org/dc/terms/identifier']).toEqual([{ '@value': openCode }]);
    expect(datasets[0]['http://purl.org/dc/terms/accrualPeriodicity']).toEqual([
      { '@id': 'http://publications.europa.eu/resource/authority/frequency/WEEKLY' },
    ]);
  });
});
