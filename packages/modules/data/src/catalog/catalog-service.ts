import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import type { Kernel } from '@zhizhi/kernel';
import { toWeightedVector } from '@zhizhi/kernel/search';
import { and, asc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import { createCatalogSearch } from './catalog-search';
import { departmentOrFail } from './departments';
import { DATA_PERMISSIONS } from './permissions';
import { diffResource, isEmptyDiff } from './resource-diff';
import {
  type GRADES,
  type ItemInput,
  invalid,
  resourceInputSchema,
  resourceUpdateSchema,
  retireSchema,
} from './resource-schema';
import { dataItem, dataResource } from './schema';
import { createSystemCensus } from './system-census';

/** The 一数一源 comparison key: the item name without spaces, brackets and common suffixes. */
export function itemNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s()（）【】[\]·・_-]/g, '')
    .replace(/(信息|数据)$/, '')
    .toLowerCase();
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

// Name (A), item names (B), code and abstract (C): what catalog search ranks on.
/** The highest item grade ('L1' < 'L2' < 'L3' < 'L4' sort as strings). */
const topGrade = (items: readonly { grade: (typeof GRADES)[number] }[]) =>
  items
    .map((i) => i.grade)
    .sort()
    .at(-1) ?? 'L1';

const searchVector = (code: string, r: { name: string; abstract: string; items: { name: string }[] }) =>
  toWeightedVector([
    { text: r.name, weight: 'A' },
    { text: r.items.map((i) => i.name).join(' '), weight: 'B' },
    { text: `${code} ${r.abstract}`, weight: 'C' },
  ]) as unknown as string;

/**
 * The data resource catalog (数据资源目录): resources with the national fields and graded items,
 * codes assigned per classification, edits and retirement (撤销) audited field by field,
 * 一数一源 conflicts flagged, faceted Chinese search, and the systems census.
 */
export function createCatalogService(kernel: Kernel) {
  const { db, clock } = kernel;

  async function provider(actor: Actor, executor: Executor, departmentId: string) {
    const row = await departmentOrFail(executor, departmentId);
    requirePermission(actor, DATA_PERMISSIONS.manage, {
      divisionCode: row.divisionCode,
      departmentId: row.id,
    });
    return row;
  }

  // Related codes must name other catalogued resources.
  async function checkRelated(executor: Executor, codes: string[], ownCode?: string) {
    if (!codes.length) return;
    const found = new Set(
      (
        await executor
          .select({ code: dataResource.code })
          .from(dataResource)
          .where(inArray(dataResource.code, codes))
      ).map((r) => r.code),
    );
    const errors = codes.flatMap((code, i) =>
      !found.has(code) || code === ownCode
        ? [
            {
              path: `/relatedCodes/${i}`,
              message: code === ownCode ? 'a resource is not related to itself' : `no resource ${code}`,
            },
          ]
        : [],
    );
    if (errors.length)
      throw new InputError(
        'data.resource.related_unknown',
        'A related resource code is not in the catalog.',
        {
          errors,
        },
      );
  }

  // Writes the items of a resource in order. Items whose code stays keep their id and quality rules.
  async function writeItems(tx: Executor, resourceId: string, items: ItemInput[]) {
    const existing = new Map(
      (await tx.select().from(dataItem).where(eq(dataItem.resourceId, resourceId))).map((i) => [i.code, i]),
    );
    const gone = [...existing.keys()].filter((code) => !items.some((i) => i.code === code));
    if (gone.length)
      await tx.delete(dataItem).where(and(eq(dataItem.resourceId, resourceId), inArray(dataItem.code, gone)));
    for (const [sort, item] of items.entries()) {
      const fields = {
        name: item.name,
        nameKey: itemNameKey(item.name),
        type: item.type,
        grade: item.grade,
        personalKind: item.personalKind ?? null,
        authoritative: item.authoritative,
        sort,
      };
      const kept = existing.get(item.code);
      if (kept) await tx.update(dataItem).set(fields).where(eq(dataItem.id, kept.id));
      else await tx.insert(dataItem).values({ id: newId(), resourceId, code: item.code, ...fields });
    }
  }

  /** Registers a resource: the next code of its classification; audited; `data.resource.registered`. */
  async function registerResource(actor: Actor, input: unknown) {
    const parsed = resourceInputSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.resource.invalid', parsed.error);
    const r = parsed.data;
    return kernel.transaction(async (tx) => {
      await provider(actor, tx, r.providerDepartmentId);
      await checkRelated(tx, r.relatedCodes);
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
        sharingCondition: r.sharingType === 'conditional' ? (r.sharingCondition ?? null) : null,
        openingType: r.openingType,
        relatedCodes: r.relatedCodes,
        keyItems: r.keyItems,
        topGrade: topGrade(r.items),
        search: searchVector(code, r),
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      await writeItems(tx, id, r.items);
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

  // The resource, locked for a write; a 404 when there is none.
  async function lockResource(tx: Executor, id: string) {
    const [row] = isUuid(id)
      ? await tx.select().from(dataResource).where(eq(dataResource.id, id)).for('update')
      : [];
    if (!row) throw new NotFoundError('data.resource.not_found', 'No such data resource.');
    return row;
  }

  /**
   * Edits a resource, keeping its code: every catalog field, the items (quality rules kept by item
   * code), key items and related codes. Grading re-checked, search vector rebuilt, 一数一源
   * re-evaluated; audited with a field-level diff; `data.resource.updated`. A change of provider
   * needs the right in both departments. An edit that changes nothing writes nothing.
   */
  async function updateResource(actor: Actor, id: string, input: unknown) {
    const parsed = resourceUpdateSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.resource.invalid', parsed.error);
    const r = parsed.data;
    const result = await kernel.transaction(async (tx) => {
      const before = await lockResource(tx, id);
      await provider(actor, tx, before.providerDepartmentId);
      if (before.status === 'retired')
        throw new ConflictError('data.resource.retired', 'A retired resource cannot be edited.');
      if (r.providerDepartmentId !== before.providerDepartmentId)
        await provider(actor, tx, r.providerDepartmentId);
      await checkRelated(tx, r.relatedCodes, before.code);
      const beforeItems = await tx
        .select()
        .from(dataItem)
        .where(eq(dataItem.resourceId, id))
        .orderBy(asc(dataItem.sort));
      const after = {
        name: r.name,
        providerDepartmentId: r.providerDepartmentId,
        abstract: r.abstract,
        format: r.format,
        updateCycle: r.updateCycle,
        publishDate: r.publishDate ?? null,
        sharingType: r.sharingType,
        sharingCondition: r.sharingType === 'conditional' ? (r.sharingCondition ?? null) : null,
        openingType: r.openingType,
        relatedCodes: r.relatedCodes,
        keyItems: r.keyItems,
      };
      const items = r.items.map((i) => ({ ...i, personalKind: i.personalKind ?? null }));
      const diff = diffResource(before, beforeItems, after, items);
      if (isEmptyDiff(diff)) return { id, code: before.code, changed: [] as string[] };
      await tx
        .update(dataResource)
        .set({
          ...after,
          topGrade: topGrade(r.items),
          search: searchVector(before.code, r),
          updatedAt: clock.now(),
        })
        .where(eq(dataResource.id, id));
      await writeItems(tx, id, r.items);
      const changed = [
        ...Object.keys(diff.fields),
        ...(diff.items.added.length || diff.items.removed.length || Object.keys(diff.items.changed).length
          ? ['items']
          : []),
      ];
      await recordAudit(tx, clock, {
        actor,
        action: 'data.resource.updated',
        subjectType: 'data_resource',
        subjectId: id,
        data: { code: before.code, fields: diff.fields, items: diff.items },
      });
      await kernel.events.publish(tx, 'data.resource.updated', {
        resourceId: id,
        code: before.code,
        providerDepartmentId: r.providerDepartmentId,
        changed,
      });
      return { id, code: before.code, changed };
    });
    return { ...result, conflicts: await sourceConflicts(db, id) };
  }

  /**
   * 撤销: withdraws a resource from the catalog with a reason. It stays for history (its code is
   * never reused) but leaves the default lists, CKAN and DCAT; audited; `data.resource.retired`.
   */
  async function retireResource(actor: Actor, id: string, input: unknown) {
    const parsed = retireSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.resource.retire_invalid', parsed.error);
    return kernel.transaction(async (tx) => {
      const before = await lockResource(tx, id);
      await provider(actor, tx, before.providerDepartmentId);
      if (before.status === 'retired')
        throw new ConflictError('data.resource.retired', 'The resource is already retired.');
      const now = clock.now();
      await tx
        .update(dataResource)
        .set({ status: 'retired', retiredAt: now, updatedAt: now })
        .where(eq(dataResource.id, id));
      await recordAudit(tx, clock, {
        actor,
        action: 'data.resource.retired',
        subjectType: 'data_resource',
        subjectId: id,
        data: { code: before.code, reason: parsed.data.reason },
      });
      await kernel.events.publish(tx, 'data.resource.retired', {
        resourceId: id,
        code: before.code,
        providerDepartmentId: before.providerDepartmentId,
        reason: parsed.data.reason,
      });
      return { id, code: before.code, status: 'retired' as const, retiredAt: now };
    });
  }

  /**
   * 一数一源 conflicts: items another department's active resource also claims as authoritative
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
          eq(dataResource.status, 'active'),
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
    const [resource] = isUuid(id) ? await db.select().from(dataResource).where(eq(dataResource.id, id)) : [];
    if (!resource) throw new NotFoundError('data.resource.not_found', 'No such data resource.');
    const items = await db
      .select()
      .from(dataItem)
      .where(eq(dataItem.resourceId, id))
      .orderBy(asc(dataItem.sort));
    const { search: _vector, ...fields } = resource;
    return { ...fields, items, conflicts: await sourceConflicts(db, id) };
  }

  return {
    registerResource,
    updateResource,
    retireResource,
    getResource,
    sourceConflicts,
    ...createCatalogSearch(kernel),
    ...createSystemCensus(kernel),
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;

// Kept where they were first exported: other parts of the module import them from here.
export { DATA_PERMISSIONS } from './permissions';
export {
  FORMATS,
  GRADES,
  PERSONAL_KINDS,
  type ResourceInput,
  resourceInputSchema,
  UPDATE_CYCLES,
} from './resource-schema';
export { SYSTEM_NAME } from './system-census';
