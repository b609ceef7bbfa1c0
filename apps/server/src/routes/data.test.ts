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

  it('lists with facets and paging, comma-separated filters, and refuses a bad filter', async () => {
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: admin });
    const all = (await get('/api/data/resources')).json();
    expect(all).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(all.facets.openingType).toEqual({ open: 1, closed: 1 });
    expect(all.facets.grade).toEqual({ L1: 1, L4: 1 });
    expect(all.facets.providerDepartmentId).toEqual({ [t.departments.rsj.id]: 2 });
    const page = (await get('/api/data/resources?limit=1&offset=1')).json();
    expect(page).toMatchObject({ total: 2, items: [expect.objectContaining({ code: all.items[1].code })] });
    const filtered = (
      await get(`/api/data/resources?grade=L1,L2&format=${encodeURIComponent('数据库')}`)
    ).json();
    expect(filtered.items.map((r: { code: string }) => r.code)).toEqual([openCode]);
    const searched = (await get(`/api/data/resources?q=${encodeURIComponent('招聘岗位')}`)).json();
    expect(searched).toMatchObject({ total: 1, facets: { format: { 数据库: 1 } } });
    const bad = await get('/api/data/resources?openingType=wide');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'data.resource.query_invalid' });
  });

  it('filters and facets CKAN package_search as CKAN does, and refuses a query Solr would refuse', async () => {
    const search = (params: Record<string, string>) =>
      t.app
        .inject({
          method: 'GET',
          url: `/api/3/action/package_search?${new URLSearchParams(params)}`,
          headers: admin,
        })
        .then((r) => ({ status: r.statusCode, body: r.json() }));
    const faceted = await search({ 'facet.field': '["organization","res_format","tags","opening_type"]' });
    expect(faceted.body.result.count).toBe(2);
    expect(faceted.body.result.facets.organization).toEqual({ rsj: 2 });
    expect(faceted.body.result.search_facets.organization).toEqual({
      title: 'organization',
      items: [{ name: 'rsj', display_name: '区人社局', count: 2 }],
    });
    expect(faceted.body.result.facets.tags).toMatchObject({ 岗位名称: 1, 公民身份号码: 1 });
    const byFormat = await search({ fq: 'res_format:"数据库" tags:岗位名称' });
    expect(byFormat.body.result.results.map((p: { name: string }) => p.name)).toEqual(['201003-000001']);
    const negated = await search({ fq: 'organization:rsj AND -opening_type:open' });
    expect(negated.body.result.count).toBe(1);
    const either = await search({ fq: 'tags:(岗位名称 OR 公民身份号码)', rows: '1' });
    expect(either.body.result).toMatchObject({ count: 2, results: [expect.anything()] });
    const bad: Record<string, string>[] = [
      { fq: 'colour:red' },
      { fq: 'organization' },
      { 'facet.field': 'organization' },
    ];
    for (const params of bad) {
      const refused = await search(params);
      expect(refused).toMatchObject({
        status: 409,
        body: { success: false, error: { __type: 'Search Query Error' } },
      });
    }
  });

  it('edits a resource over HTTP, refusing bad edits with problem+json and changing nothing', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/data/resources', headers: admin })).json();
    const target = list.items.find((r: { code: string }) => r.code === openCode);
    const url = `/api/data/resources/${target.id}`;
    const before = (await t.app.inject({ method: 'GET', url, headers: admin })).json();
    const { classificationCode: _c, ...body } = resource(t.departments.rsj.id, {
      name: '人力资源市场招聘岗位信息',
      abstract: '本区公共就业服务机构发布的招聘岗位、薪资范围与联系方式。',
      openingType: 'open',
      sharingType: 'unconditional',
      sharingCondition: null,
      updateCycle: '每周',
      items: [
        { code: 'post', name: '岗位名称', type: 'string', grade: 'L3' },
        { code: 'salary', name: '薪资范围', type: 'string', grade: 'L1' },
      ],
    });
    const graded = await t.app.inject({ method: 'PUT', url, headers: admin, payload: body });
    expect(graded.statusCode).toBe(400);
    expect(graded.headers['content-type']).toContain('application/problem+json');
    expect(graded.json()).toMatchObject({
      code: 'data.resource.invalid',
      errors: [expect.objectContaining({ path: '/openingType' })],
    });
    const unrelated = await t.app.inject({
      method: 'PUT',
      url,
      headers: admin,
      payload: { ...body, items: before.items, relatedCodes: ['301099/000001'] },
    });
    expect([unrelated.statusCode, unrelated.json().code]).toEqual([400, 'data.resource.related_unknown']);
    expect((await t.app.inject({ method: 'GET', url, headers: admin })).json()).toEqual(before);

    const ok = await t.app.inject({
      method: 'PUT',
      url,
      headers: admin,
      payload: { ...body, name: '人力资源市场招聘岗位', items: before.items, keyItems: ['post'] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ code: openCode, changed: ['name', 'keyItems'] });
    const after = (await t.app.inject({ method: 'GET', url, headers: admin })).json();
    expect(after).toMatchObject({ code: openCode, name: '人力资源市场招聘岗位', keyItems: ['post'] });
  });

  it('retires a resource: CKAN and DCAT stop listing it, a second retire is a conflict', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/data/resources', headers: admin })).json();
    const target = list.items.find((r: { code: string }) => r.code === openCode);
    const url = `/api/data/resources/${target.id}/retire`;
    const short = await t.app.inject({ method: 'POST', url, headers: admin, payload: { reason: '' } });
    expect([short.statusCode, short.json().code]).toEqual([400, 'data.resource.retire_invalid']);
    const done = await t.app.inject({
      method: 'POST',
      url,
      headers: admin,
      payload: { reason: '岗位信息改由市级平台发布' },
    });
    expect(done.json()).toMatchObject({ code: openCode, status: 'retired' });
    const again = await t.app.inject({
      method: 'POST',
      url,
      headers: admin,
      payload: { reason: '岗位信息改由市级平台发布' },
    });
    expect([again.statusCode, again.json().code]).toEqual([409, 'data.resource.retired']);
    const packages = (await t.app.inject({ method: 'GET', url: '/api/3/action/package_list' })).json();
    expect(packages.result).toEqual([]);
    const dcat = (await t.app.inject({ method: 'GET', url: '/catalog.jsonld' })).json();
    expect(dcat['dcat:dataset']).toEqual([]);
    const active = (await t.app.inject({ method: 'GET', url: '/api/data/resources', headers: admin })).json();
    expect(active.items.map((r: { code: string }) => r.code)).not.toContain(openCode);
    const retired = (
      await t.app.inject({ method: 'GET', url: '/api/data/resources?status=retired', headers: admin })
    ).json();
    expect(retired.items).toEqual([expect.objectContaining({ code: openCode, status: 'retired' })]);
  });
});
