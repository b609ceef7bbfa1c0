import { type Actor, definePermissions, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { grantToRole } from '@zhizhi/kernel/identity';
import type { Kernel } from '@zhizhi/kernel';
import { orgDepartment } from '@zhizhi/kernel/org';
import { rankExpression, searchQuery, toWeightedVector } from '@zhizhi/kernel/search';
import { and, asc, desc, eq, getTableColumns, inArray, max, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { dataItem, dataResource, dataSystem } from './schema';

export const DATA_PERMISSIONS = {
  read: 'data.catalog.read',
  manage: 'data.catalog.manage',
} as const;

definePermissions([
  { code: DATA_PERMISSIONS.read, nameZh: '查看数据资源目录', nameEn: 'View the data catalog' },
  {
    code: DATA_PERMISSIONS.manage,
    nameZh: '编制数据资源目录（本部门）',
    nameEn: 'Maintain the data catalog (own department)',
  },
]);
grantToRole('dept_admin', [DATA_PERMISSIONS.read, DATA_PERMISSIONS.manage]);
grantToRole('leader', [DATA_PERMISSIONS.read]);

export const FORMATS = ['电子表格', '数据库', '文件', '接口', '图形图像', '流媒体'] as const;
export const UPDATE_CYCLES = ['实时', '每日', '每周', '每月', '每季度', '每半年', '每年', '不定期'] as const;
export const GRADES = ['L1', 'L2', 'L3', 'L4'] as const;
export const PERSONAL_KINDS = ['id_number', 'name', 'phone', 'address', 'bank_account', 'other'] as const;

/** 前段码: 类 1 (基础/主题/部门), 项 2, 目 3, optional 细目 3. */
const classification = z
  .string()
  .regex(/^[1-3]\d{2}\d{3}(\d{3})?$/, '类(1–3) + 项(2) + 目(3) [+ 细目(3)] digits');

const itemSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'lower-case letters, digits and _'),
  name: z.string().trim().min(1).max(60),
  type: z.enum(['string', 'integer', 'decimal', 'date', 'datetime', 'boolean']),
  grade: z.enum(GRADES),
  personalKind: z.enum(PERSONAL_KINDS).nullish(),
  authoritative: z.boolean().default(false),
});

export const resourceInputSchema = z
  .object({
    classificationCode: classification,
    name: z.string().trim().min(2).max(100),
    providerDepartmentId: z.uuid(),
    abstract: z.string().trim().min(10).max(2000),
    format: z.enum(FORMATS),
    updateCycle: z.enum(UPDATE_CYCLES),
    publishDate: z.iso.date().nullish(),
    sharingType: z.enum(['unconditional', 'conditional', 'none']),
    sharingCondition: z.string().trim().max(500).nullish(),
    openingType: z.enum(['open', 'restricted', 'closed']),
    relatedCodes: z.array(z.string().max(32)).max(50).default([]),
    items: z.array(itemSchema).min(1).max(500),
  })
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (r.sharingType === 'conditional' && !r.sharingCondition)
      issue('sharingCondition', '受限共享 needs its condition');
    if (new Set(r.items.map((i) => i.code)).size !== r.items.length)
      issue('items', 'item codes must be unique');
    // DB33/T 2350: L4 is never opened; L2/L3 only restricted; an open resource holds only L1 items.
    const top =
      r.items
        .map((i) => i.grade)
        .sort()
        .at(-1) ?? 'L1';
    if (r.openingType === 'open' && top !== 'L1')
      issue('openingType', `an open resource holds only L1 items (has ${top})`);
    if (r.openingType === 'restricted' && top === 'L4')
      issue('openingType', 'L4 items are never opened: the resource must be closed (禁止开放)');
    for (const [i, item] of r.items.entries())
      if (item.personalKind && item.grade === 'L1')
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'grade'],
          message: 'personal data is at least L2',
        });
  });

export type ResourceInput = z.input<typeof resourceInputSchema>;

/** 信息系统 names: a name of 2–50 characters ending in 系统 or 平台, no spaces or ASCII punctuation. */
export const SYSTEM_NAME = /^[\u4e00-\u9fa5A-Za-z0-9（）]{2,48}(系统|平台)$/;

/** The 一数一源 comparison key: the item name without spaces, brackets and common suffixes. */
export function itemNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s()（）【】[\]·・_-]/g, '')
    .replace(/(信息|数据)$/, '')
    .toLowerCase();
}

function invalid(code: string, error: z.ZodError): InputError {
  const errors = error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message }));
  return new InputError(code, `Invalid input: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, {
    errors,
  });
}

/**
 * The data resource catalog (数据资源目录): resources with the national fields and graded items,
 * codes assigned per classification, 一数一源 conflicts flagged, and the systems census.
 */
export function createCatalogService(kernel: Kernel) {
  const { db, clock } = kernel;

  async function department(executor: Executor, id: string) {
    const [row] = await executor.select().from(orgDepartment).where(eq(orgDepartment.id, id));
    if (!row)
      throw new InputError('data.department.unknown', 'Unknown provider department.', {
        errors: [{ path: '/providerDepartmentId', message: 'unknown department' }],
      });
    return row;
  }

  function checkManage(actor: Actor, departmentId: string, divisionCode: string) {
    requirePermission(actor, DATA_PERMISSIONS.manage, { divisionCode, departmentId });
  }

  async function replaceItems(tx: Executor, resourceId: string, items: z.output<typeof itemSchema>[]) {
    await tx.delete(dataItem).where(eq(dataItem.resourceId, resourceId));
    await tx.insert(dataItem).values(
      items.map((item, sort) => ({
        id: newId(),
        resourceId,
        code: item.code,
        name: item.name,
        nameKey: itemNameKey(item.name),
        type: item.type,
        grade: item.grade,
        personalKind: item.personalKind ?? null,
        authoritative: item.authoritative,
        sort,
      })),
    );
  }

  /** Registers a resource: the next code of its classification; audited; `data.resource.registered`. */
  async function registerResource(actor: Actor, input: unknown) {
    const parsed = resourceInputSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.resource.invalid', parsed.error);
    const r = parsed.data;
    return kernel.transaction(async (tx) => {
      const provider = await department(tx, r.providerDepartmentId);
      checkManage(actor, provider.id, provider.divisionCode);
      // One registration per classification at a time: the sequence is the next free one.
      await tx.execute(
        sql`select pg_advisory_xact_lock(727101, ${Number.parseInt(r.classificationCode.slice(0, 9), 10) % 2_000_000_000})`,
      );
      const [last] = await tx
        .select({ n: max(dataResource.sequence) })
        .from(dataResource)
        .where(eq(dataResource.classificationCode, r.classificationCode));
      const sequence = Number(last?.n ?? 0) + 1;
      if (sequence > 999_999)
        throw new ConflictError('data.resource.sequence_exhausted', 'No sequence left.');
      const code = `${r.classificationCode}/${String(sequence).padStart(6, '0')}`;
      const now = clock.now();
      const id = newId();
      await tx.insert(dataResource).values({
        id,
        code,
        classificationCode: r.classificationCode,
        sequence,
        name: r.name,
        providerDepartmentId: r.providerDepartmentId,
        abstract: r.abstract,
        format: r.format,
        updateCycle: r.updateCycle,
        publishDate: r.publishDate ?? null,
        sharingType: r.sharingType,
        sharingCondition: r.sharingCondition ?? null,
        openingType: r.openingType,
        relatedCodes: r.relatedCodes,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      await replaceItems(tx, id, r.items);
      await tx
        .update(dataResource)
        .set({
          search: toWeightedVector([
            { text: r.name, weight: 'A' },
            { text: r.items.map((i) => i.name).join(' '), weight: 'B' },
            { text: `${code} ${r.abstract}`, weight: 'C' },
          ]) as unknown as string,
        })
        .where(eq(dataResource.id, id));
      await recordAudit(tx, clock, {
        actor,
        action: 'data.resource.registered',
        subjectType: 'data_resource',
        subjectId: id,
        data: { code, name: r.name, items: r.items.length },
      });
      await kernel.events.publish(tx, 'data.resource.registered', {
        resourceId: id,
        code,
        providerDepartmentId: r.providerDepartmentId,
      });
      return { id, code };
    });
  }

  /**
   * 一数一源 conflicts: items another department's resource also claims as authoritative
   * (same normalised name). Each pair is named once per resource asked about.
   */
  async function sourceConflicts(executor: Executor, resourceId: string) {
    const mine = await executor
      .select({ code: dataItem.code, nameKey: dataItem.nameKey })
      .from(dataItem)
      .where(and(eq(dataItem.resourceId, resourceId), eq(dataItem.authoritative, true)));
    if (!mine.length) return [];
    const [resource] = await executor.select().from(dataResource).where(eq(dataResource.id, resourceId));
    const others = await executor
      .select({
        nameKey: dataItem.nameKey,
        itemName: dataItem.name,
        resourceId: dataResource.id,
        resourceCode: dataResource.code,
        resourceName: dataResource.name,
        departmentId: dataResource.providerDepartmentId,
      })
      .from(dataItem)
      .innerJoin(dataResource, eq(dataResource.id, dataItem.resourceId))
      .where(
        and(
          eq(dataItem.authoritative, true),
          inArray(
            dataItem.nameKey,
            mine.map((m) => m.nameKey),
          ),
          ne(dataResource.providerDepartmentId, resource.providerDepartmentId),
        ),
      );
    return mine.flatMap((m) =>
      others.filter((o) => o.nameKey === m.nameKey).map((o) => ({ itemCode: m.code, ...o })),
    );
  }

  async function getResource(actor: Actor, id: string) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    const [resource] = /^[0-9a-f-]{36}$/i.test(id)
      ? await db.select().from(dataResource).where(eq(dataResource.id, id))
      : [];
    if (!resource) throw new NotFoundError('data.resource.not_found', 'No such data resource.');
    const items = await db
      .select()
      .from(dataItem)
      .where(eq(dataItem.resourceId, id))
      .orderBy(asc(dataItem.sort));
    const { search: _vector, ...fields } = resource;
    return { ...fields, items, conflicts: await sourceConflicts(db, id) };
  }

  /** Resources, filtered by provider and (Chinese) full-text `q`; ranked by relevance when searching. */
  async function listResources(
    actor: Actor,
    query: { providerDepartmentId?: string; q?: string; limit?: number } = {},
  ) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    const search = query.q ? searchQuery(query.q) : null;
    const { search: _vector, ...columns } = getTableColumns(dataResource);
    return db
      .select(columns)
      .from(dataResource)
      .where(
        and(
          query.providerDepartmentId
            ? eq(dataResource.providerDepartmentId, query.providerDepartmentId)
            : undefined,
          query.q ? (search ? sql`${dataResource.search} @@ ${search}` : sql`false`) : undefined,
        ),
      )
      .orderBy(
        ...(search
          ? [desc(rankExpression(dataResource.search, search)), asc(dataResource.code)]
          : [asc(dataResource.code)]),
      )
      .limit(Math.min(query.limit ?? 200, 1000));
  }

  const systemSchema = z.object({
    name: z.string().trim().regex(SYSTEM_NAME, 'ends in 系统 or 平台; Chinese, letters, digits, （）'),
    departmentId: z.uuid(),
    status: z.enum(['planned', 'in_use', 'retiring', 'retired']),
    resourceIds: z.array(z.uuid()).max(500).default([]),
  });

  /** Registers an information system in the census (naming rule checked), audited. */
  async function registerSystem(actor: Actor, input: unknown) {
    const parsed = systemSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.system.invalid', parsed.error);
    const s = parsed.data;
    return kernel.transaction(async (tx) => {
      const owner = await department(tx, s.departmentId);
      checkManage(actor, owner.id, owner.divisionCode);
      const [taken] = await tx
        .select({ id: dataSystem.id })
        .from(dataSystem)
        .where(eq(dataSystem.name, s.name));
      if (taken) throw new ConflictError('data.system.name_taken', `A system named ${s.name} is registered.`);
      if (s.resourceIds.length) {
        const found = await tx
          .select({ id: dataResource.id })
          .from(dataResource)
          .where(inArray(dataResource.id, s.resourceIds));
        if (found.length !== new Set(s.resourceIds).size)
          throw new InputError('data.resource.unknown', 'A listed data resource does not exist.');
      }
      const now = clock.now();
      const id = newId();
      await tx.insert(dataSystem).values({ id, ...s, createdAt: now, updatedAt: now });
      await recordAudit(tx, clock, {
        actor,
        action: 'data.system.registered',
        subjectType: 'data_system',
        subjectId: id,
        data: { name: s.name, status: s.status },
      });
      return { id };
    });
  }

  async function listSystems(actor: Actor) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    return db.select().from(dataSystem).orderBy(asc(dataSystem.name));
  }

  return { registerResource, getResource, listResources, sourceConflicts, registerSystem, listSystems };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
