import { type Actor, systemActor } from '@zhizhi/kernel/access';
import { auditEntry } from '@zhizhi/kernel/audit';
import { eventsOutbox } from '@zhizhi/kernel/events';
import { actorFor, createTestKernel } from '@zhizhi/kernel/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogService, createCatalogService, type ResourceInput } from '.';
import { dataItem, dataResource } from './schema';

describe('catalog edits, retirement and facets', () => {
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
    keyItems: ['id_number'],
    items: [
      { code: 'id_number', name: '公民身份号码', type: 'string', grade: 'L4', personalKind: 'id_number' },
      { code: 'insured_since', name: '参保日期', type: 'date', grade: 'L2', authoritative: true },
    ],
    ...over,
  });
  const edit = (over: Partial<ResourceInput> = {}) => {
    const { classificationCode: _c, ...fields } = insured(over);
    return fields;
  };

  it('edits every field keeping the code and the quality rules of kept items, audited with a diff', async () => {
    const other = await catalog.registerResource(rsjAdmin, insured({ name: '失业保险金领取人员' }));
    const { id, code } = await catalog.registerResource(rsjAdmin, insured());
    const rules = [{ kind: 'required' }, { kind: 'format', format: 'id_number' }];
    await t.kernel.db
      .update(dataItem)
      .set({ rules })
      .where(and(eq(dataItem.resourceId, id), eq(dataItem.code, 'id_number')));
    const { id: idBefore } = (await catalog.getResource(rsjAdmin, id)).items[0];

    const result = await catalog.updateResource(
      rsjAdmin,
      id,
      edit({
        name: '社会保险参保登记信息',
        updateCycle: '每周',
        relatedCodes: [other.code],
        keyItems: ['id_number', 'insured_place'],
        items: [
          { code: 'id_number', name: '公民身份号码', type: 'string', grade: 'L3', personalKind: 'id_number' },
          { code: 'insured_place', name: '缴费地区', type: 'string', grade: 'L2' },
        ],
      }),
    );
    expect(result).toMatchObject({
      id,
      code,
      changed: expect.arrayContaining(['name', 'keyItems', 'items']),
    });
    const read = await catalog.getResource(rsjAdmin, id);
    expect(read).toMatchObject({
      code,
      name: '社会保险参保登记信息',
      updateCycle: '每周',
      relatedCodes: [other.code],
    });
    expect(read.items.map((i) => [i.code, i.grade, i.rules])).toEqual([
      ['id_number', 'L3', rules],
      ['insured_place', 'L2', []],
    ]);
    expect(read.items[0].id).toBe(idBefore);
    // The search vector follows the new name and items.
    expect((await catalog.listResources(rsjAdmin, { q: '缴费地区' })).items.map((r) => r.id)).toEqual([id]);

    const [audit] = await t.kernel.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.subjectId, id), eq(auditEntry.action, 'data.resource.updated')));
    expect(audit.data).toMatchObject({
      code,
      fields: {
        name: { from: '社会保险参保人员信息', to: '社会保险参保登记信息' },
        updateCycle: { from: '每日', to: '每周' },
      },
      items: {
        added: ['insured_place'],
        removed: ['insured_since'],
        changed: { id_number: { grade: { from: 'L4', to: 'L3' } } },
      },
    });
    const events = await t.kernel.db
      .select()
      .from(eventsOutbox)
      .where(eq(eventsOutbox.type, 'data.resource.updated'));
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ resourceId: id, code }));

    // The same edit again changes nothing and writes nothing.
    const again = await catalog.updateResource(rsjAdmin, id, {
      ...read,
      keyItems: read.keyItems,
      items: read.items,
    });
    expect(again.changed).toEqual([]);
  });

  it('refuses bad edits with field paths and changes nothing', async () => {
    const { id } = await catalog.registerResource(rsjAdmin, insured({ name: '工伤认定信息' }));
    const before = await catalog.getResource(rsjAdmin, id);
    const refused = async (over: Partial<ResourceInput>, code: string, path?: string) => {
      const attempt = catalog.updateResource(rsjAdmin, id, edit(over));
      await expect(attempt).rejects.toMatchObject({ code });
      if (path)
        await expect(attempt).rejects.toMatchObject({
          details: { errors: expect.arrayContaining([expect.objectContaining({ path })]) },
        });
    };
    await refused({ openingType: 'open' }, 'data.resource.invalid', '/openingType');
    await refused({ keyItems: ['nope'] }, 'data.resource.invalid', '/keyItems/0');
    await refused({ relatedCodes: ['301012001/999999'] }, 'data.resource.related_unknown', '/relatedCodes/0');
    await refused({ relatedCodes: [before.code] }, 'data.resource.related_unknown', '/relatedCodes/0');
    await refused({ providerDepartmentId: t.departments.xikou.id }, 'access.denied');
    await expect(
      catalog.updateResource(rsjAdmin, '00000000-0000-7000-8000-000000000000', edit()),
    ).rejects.toMatchObject({
      code: 'data.resource.not_found',
    });
    const after = await catalog.getResource(rsjAdmin, id);
    expect(after).toEqual(before);
  });

  it('retires with a reason: hidden from the default list, listed as retired, no longer editable', async () => {
    const { id, code } = await catalog.registerResource(rsjAdmin, insured({ name: '待撤销的参保台账' }));
    await expect(catalog.retireResource(rsjAdmin, id, { reason: '' })).rejects.toMatchObject({
      code: 'data.resource.retire_invalid',
    });
    const retired = await catalog.retireResource(rsjAdmin, id, { reason: '已并入社会保险参保登记信息' });
    expect(retired).toMatchObject({ id, code, status: 'retired' });
    const active = await catalog.listResources(rsjAdmin, { limit: 1000 });
    expect(active.items.map((r) => r.id)).not.toContain(id);
    const gone = await catalog.listResources(rsjAdmin, { status: 'retired' });
    expect(gone.items.map((r) => r.id)).toEqual([id]);
    expect(active.facets.status).toMatchObject({ retired: 1 });
    await expect(catalog.retireResource(rsjAdmin, id, { reason: '再次撤销一下' })).rejects.toMatchObject({
      code: 'data.resource.retired',
    });
    await expect(catalog.updateResource(rsjAdmin, id, edit())).rejects.toMatchObject({
      code: 'data.resource.retired',
    });
    const [audit] = await t.kernel.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.subjectId, id), eq(auditEntry.action, 'data.resource.retired')));
    expect(audit.data).toMatchObject({ code, reason: '已并入社会保险参保登记信息' });
    const [row] = await t.kernel.db.select().from(dataResource).where(eq(dataResource.id, id));
    expect(row.retiredAt).toBeInstanceOf(Date);
  });

  it('counts facets with every filter but their own, honouring q, and pages with a total', async () => {
    await catalog.registerResource(systemActor, {
      ...insured(),
      classificationCode: '201003',
      name: '溪口镇公共停车场名录',
      providerDepartmentId: t.departments.xikou.id,
      abstract: '溪口镇公共停车场的名称、位置与泊位数，供公众查询。',
      format: '电子表格',
      sharingType: 'unconditional',
      sharingCondition: null,
      openingType: 'open',
      keyItems: [],
      items: [
        { code: 'lot', name: '停车场名称', type: 'string', grade: 'L1' },
        { code: 'spaces', name: '泊位数', type: 'integer', grade: 'L1' },
      ],
    });
    const all = await catalog.listResources(rsjAdmin);
    expect(all.total).toBe(all.items.length);
    expect(all.facets.providerDepartmentId).toEqual({
      [t.departments.rsj.id]: all.total - 1,
      [t.departments.xikou.id]: 1,
    });
    expect(all.facets.grade).toMatchObject({ L1: 1 });
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(all.facets.grade)).toBe(all.total);

    const open = await catalog.listResources(rsjAdmin, { openingType: ['open'] });
    expect(open.items.map((r) => r.name)).toEqual(['溪口镇公共停车场名录']);
    expect(open.items[0].topGrade).toBe('L1');
    // Its own facet still counts every opening type; the others count only open resources.
    expect(open.facets.openingType).toEqual({ open: 1, closed: all.total - 1 });
    expect(open.facets.format).toEqual({ 电子表格: 1 });
    expect((await catalog.listResources(rsjAdmin, { grade: 'L3,L4', format: '数据库' })).total).toBe(
      all.total - 1,
    );

    const searched = await catalog.listResources(rsjAdmin, { q: '停车场' });
    expect(searched.total).toBe(1);
    expect(searched.facets.providerDepartmentId).toEqual({ [t.departments.xikou.id]: 1 });

    const page = await catalog.listResources(rsjAdmin, { limit: 2, offset: 1 });
    expect(page).toMatchObject({ total: all.total, limit: 2, offset: 1 });
    expect(page.items.map((r) => r.code)).toEqual(all.items.slice(1, 3).map((r) => r.code));
    await expect(catalog.listResources(rsjAdmin, { grade: 'L9' })).rejects.toMatchObject({
      code: 'data.resource.query_invalid',
    });
  });
});
