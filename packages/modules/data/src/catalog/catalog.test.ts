import { type Actor, systemActor } from '@zhizhi/kernel/access';
import { actorFor, createTestKernel } from '@zhizhi/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogService, createCatalogService, itemNameKey, type ResourceInput } from '.';

describe('data catalog', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  let catalog: CatalogService;
  let rsjAdmin: Actor;
  beforeAll(async () => {
    t = await createTestKernel();
    catalog = createCatalogService(t.kernel);
    await t.kernel.staff.createStaff(systemActor, {
      username: 'rsj.admin',
      displayName: '人社局管理员',
      password: 'secret-123',
      departmentId: t.departments.rsj.id,
      roles: [{ roleCode: 'dept_admin', divisionCode: '330213000000', departmentId: t.departments.rsj.id }],
      mustChangePassword: false,
    });
    rsjAdmin = await actorFor(t.kernel, 'rsj.admin', 'secret-123');
  });
  afterAll(() => t.close());

  const insured = (over: Partial<ResourceInput> = {}): ResourceInput => ({
    classificationCode: '301012001',
    name: '社会保险参保人员信息',
    providerDepartmentId: t.departments.rsj.id,
    abstract: '本区职工基本养老保险、失业保险、工伤保险参保人员的参保登记信息。',
    format: '数据库',
    updateCycle: '每日',
    sharingType: 'conditional',
    sharingCondition: '用于社保待遇资格认证等政务服务事项',
    openingType: 'closed',
    items: [
      {
        code: 'id_number',
        name: '公民身份号码',
        type: 'string',
        grade: 'L4',
        personalKind: 'id_number',
        authoritative: false,
      },
      { code: 'name', name: '姓名', type: 'string', grade: 'L3', personalKind: 'name' },
      { code: 'insured_since', name: '参保日期', type: 'date', grade: 'L2', authoritative: true },
    ],
    ...over,
  });

  it('registers a resource with the next code of its classification, and its graded items', async () => {
    const first = await catalog.registerResource(rsjAdmin, insured());
    expect(first.code).toBe('301012001/000001');
    const second = await catalog.registerResource(rsjAdmin, insured({ name: '失业保险待遇发放信息' }));
    expect(second.code).toBe('301012001/000002');
    const other = await catalog.registerResource(rsjAdmin, insured({ classificationCode: '102001' }));
    expect(other.code).toBe('102001/000001');
    const read = await catalog.getResource(rsjAdmin, first.id);
    expect(read.items.map((i) => [i.code, i.grade, i.personalKind])).toEqual([
      ['id_number', 'L4', 'id_number'],
      ['name', 'L3', 'name'],
      ['insured_since', 'L2', null],
    ]);
  });

  it('refuses what the grading rules forbid, and registers nothing', async () => {
    const before = (await catalog.listResources(rsjAdmin)).total;
    const open = catalog.registerResource(rsjAdmin, insured({ openingType: 'open' }));
    await expect(open).rejects.toMatchObject({ code: 'data.resource.invalid' });
    await expect(
      catalog.registerResource(rsjAdmin, insured({ openingType: 'restricted' })),
    ).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: '/openingType' })] },
    });
    await expect(
      catalog.registerResource(rsjAdmin, insured({ sharingType: 'conditional', sharingCondition: null })),
    ).rejects.toMatchObject({ code: 'data.resource.invalid' });
    await expect(
      catalog.registerResource(
        rsjAdmin,
        insured({
          items: [{ code: 'phone', name: '联系电话', type: 'string', grade: 'L1', personalKind: 'phone' }],
        }),
      ),
    ).rejects.toMatchObject({ details: { errors: [expect.objectContaining({ path: '/items/0/grade' })] } });
    await expect(
      catalog.registerResource(rsjAdmin, insured({ classificationCode: '4010' })),
    ).rejects.toMatchObject({
      code: 'data.resource.invalid',
    });
    // Only for one's own department.
    await expect(
      catalog.registerResource(rsjAdmin, insured({ providerDepartmentId: t.departments.xikou.id })),
    ).rejects.toMatchObject({ code: 'access.denied' });
    expect((await catalog.listResources(rsjAdmin)).total).toBe(before);
  });

  it('flags a second department claiming the same item as its one source (一数一源)', async () => {
    const mine = await catalog.registerResource(rsjAdmin, insured({ name: '参保登记信息' }));
    const theirs = await catalog.registerResource(systemActor, {
      ...insured(),
      name: '镇级参保台账',
      classificationCode: '301012002',
      providerDepartmentId: t.departments.xikou.id,
      items: [{ code: 'since', name: '参保日期（信息）', type: 'date', grade: 'L2', authoritative: true }],
    });
    const conflicts = (await catalog.getResource(rsjAdmin, mine.id)).conflicts;
    expect(conflicts).toContainEqual(
      expect.objectContaining({
        itemCode: 'insured_since',
        resourceId: theirs.id,
        departmentId: t.departments.xikou.id,
      }),
    );
    expect(itemNameKey(' 参保日期（信息） ')).toBe(itemNameKey('参保日期'));
  });

  it('finds resources by Chinese words in their name, items and abstract, best match first', async () => {
    const found = (await catalog.listResources(rsjAdmin, { q: '参保' })).items;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => /参保/.test(r.name) || /参保/.test(r.abstract))).toBe(true);
    expect((await catalog.listResources(rsjAdmin, { q: '身份号码' })).items).not.toHaveLength(0);
    expect((await catalog.listResources(rsjAdmin, { q: '不存在的词语' })).items).toEqual([]);
    expect((await catalog.listResources(rsjAdmin, { q: '!!!' })).total).toBe(0);
    expect(found[0]).not.toHaveProperty('search');
  });

  it('keeps a census of information systems named by the rule', async () => {
    const [resource] = (await catalog.listResources(rsjAdmin)).items;
    await catalog.registerSystem(rsjAdmin, {
      name: '奉化区社会保险经办系统',
      departmentId: t.departments.rsj.id,
      status: 'in_use',
      resourceIds: [resource.id],
    });
    await expect(
      catalog.registerSystem(rsjAdmin, {
        name: '社保 app',
        departmentId: t.departments.rsj.id,
        status: 'in_use',
      }),
    ).rejects.toMatchObject({ code: 'data.system.invalid' });
    await expect(
      catalog.registerSystem(rsjAdmin, {
        name: '奉化区社会保险经办系统',
        departmentId: t.departments.rsj.id,
        status: 'planned',
      }),
    ).rejects.toMatchObject({ code: 'data.system.name_taken' });
    expect((await catalog.listSystems(rsjAdmin)).map((s) => s.name)).toEqual(['奉化区社会保险经办系统']);
  });
});
