import type { Kernel } from '@zhizhi/kernel';
import { InputError } from '@zhizhi/kernel/errors';
import { orgDepartment } from '@zhizhi/kernel/org';
import { rankExpression, searchQuery } from '@zhizhi/kernel/search';
import { and, asc, count, desc, eq, inArray, max, type SQL, sql, sum } from 'drizzle-orm';
import { z } from 'zod';
import { FORMATS, UPDATE_CYCLES } from '../catalog/resource-schema';
import { dataResource } from '../catalog/schema';
import { dataLoad, dataRow } from '../collection/schema';
import { maskModeFor } from '../sharing/mask';
import { findPublicResource, publicResource, urlCode } from './resources';
import { dataOpenUsage } from './schema';

const browseSchema = z.object({
  q: z.string().trim().max(100).optional(),
  departmentId: z.uuid().optional(),
  updateCycle: z.enum(UPDATE_CYCLES).optional(),
  format: z.enum(FORMATS).optional(),
  openingType: z.enum(['open', 'restricted']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export type BrowseQuery = z.input<typeof browseSchema>;

const DOWNLOAD_KINDS = ['download_csv', 'download_json', 'download_xlsx'] as const;

/** The public face of the catalog: search with facets, and one resource's page. */
export function createOpenPortal(kernel: Kernel) {
  const { db } = kernel;

  async function departmentNames(ids: string[]) {
    if (!ids.length) return new Map<string, { name: string; nameEn: string }>();
    const rows = await db
      .select({ id: orgDepartment.id, name: orgDepartment.name, nameEn: orgDepartment.nameEn })
      .from(orgDepartment)
      .where(inArray(orgDepartment.id, ids));
    return new Map(rows.map((r) => [r.id, { name: r.name, nameEn: r.nameEn }]));
  }

  /** Per resource: current row count, last finished load, downloads and API calls so far. */
  async function figures(ids: string[]) {
    const result = new Map<
      string,
      { rowCount: number; lastLoadedAt: Date | null; downloads: number; apiCalls: number }
    >();
    if (!ids.length) return result;
    for (const id of ids) result.set(id, { rowCount: 0, lastLoadedAt: null, downloads: 0, apiCalls: 0 });
    const rows = await db
      .select({ id: dataRow.resourceId, n: count() })
      .from(dataRow)
      .where(inArray(dataRow.resourceId, ids))
      .groupBy(dataRow.resourceId);
    for (const r of rows) result.get(r.id)!.rowCount = Number(r.n);
    const loads = await db
      .select({ id: dataLoad.resourceId, at: max(dataLoad.finishedAt) })
      .from(dataLoad)
      .where(and(inArray(dataLoad.resourceId, ids), eq(dataLoad.status, 'done')))
      .groupBy(dataLoad.resourceId);
    for (const l of loads) result.get(l.id)!.lastLoadedAt = l.at ? new Date(l.at) : null;
    const usage = await db
      .select({ id: dataOpenUsage.resourceId, kind: dataOpenUsage.kind, n: sum(dataOpenUsage.count) })
      .from(dataOpenUsage)
      .where(inArray(dataOpenUsage.resourceId, ids))
      .groupBy(dataOpenUsage.resourceId, dataOpenUsage.kind);
    for (const u of usage) {
      const entry = result.get(u.id)!;
      if ((DOWNLOAD_KINDS as readonly string[]).includes(u.kind)) entry.downloads += Number(u.n ?? 0);
      else entry.apiCalls += Number(u.n ?? 0);
    }
    return result;
  }

  async function facet(column: SQL | typeof dataResource.providerDepartmentId, where: SQL | undefined) {
    return db
      .select({ value: sql<string>`${column}`, count: count() })
      .from(dataResource)
      .where(where)
      .groupBy(column)
      .orderBy(desc(count()), asc(column));
  }

  /**
   * Open and restricted-open resources, searched in Chinese (the catalog's vector) and filtered by
   * department, update cycle, format and opening type; facets count each dimension with the other
   * filters applied.
   */
  async function browse(input: BrowseQuery = {}) {
    const parsed = browseSchema.safeParse(input);
    if (!parsed.success)
      throw new InputError('data.open.query_invalid', 'Invalid search.', {
        errors: parsed.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })),
      });
    const q = parsed.data;
    const search = q.q ? searchQuery(q.q) : null;
    const text = q.q ? (search ? sql`${dataResource.search} @@ ${search}` : sql`false`) : undefined;
    const filters = {
      department: q.departmentId ? eq(dataResource.providerDepartmentId, q.departmentId) : undefined,
      cycle: q.updateCycle ? eq(dataResource.updateCycle, q.updateCycle) : undefined,
      format: q.format ? eq(dataResource.format, q.format) : undefined,
      opening: q.openingType ? eq(dataResource.openingType, q.openingType) : undefined,
    };
    const except = (skip: keyof typeof filters) =>
      and(
        publicResource,
        text,
        ...Object.entries(filters)
          .filter(([k]) => k !== skip)
          .map(([, v]) => v),
      );
    const where = and(publicResource, text, ...Object.values(filters));
    const [total] = await db.select({ n: count() }).from(dataResource).where(where);
    const rows = await db
      .select({
        id: dataResource.id,
        code: dataResource.code,
        name: dataResource.name,
        abstract: dataResource.abstract,
        providerDepartmentId: dataResource.providerDepartmentId,
        format: dataResource.format,
        updateCycle: dataResource.updateCycle,
        openingType: dataResource.openingType,
        publishDate: dataResource.publishDate,
        updatedAt: dataResource.updatedAt,
      })
      .from(dataResource)
      .where(where)
      .orderBy(
        ...(search
          ? [desc(rankExpression(dataResource.search, search)), asc(dataResource.code)]
          : [asc(dataResource.code)]),
      )
      .limit(q.limit)
      .offset(q.offset);
    const [departments, cycles, formats] = await Promise.all([
      facet(dataResource.providerDepartmentId, except('department')),
      facet(sql`${dataResource.updateCycle}`, except('cycle')),
      facet(sql`${dataResource.format}`, except('format')),
    ]);
    const names = await departmentNames([
      ...new Set([...departments.map((d) => d.value), ...rows.map((r) => r.providerDepartmentId)]),
    ]);
    const numbers = await figures(rows.map((r) => r.id));
    const department = (id: string) => ({
      id,
      name: names.get(id)?.name ?? '',
      nameEn: names.get(id)?.nameEn ?? '',
    });
    return {
      total: Number(total?.n ?? 0),
      items: rows.map(({ id, ...r }) => {
        const n = numbers.get(id)!;
        return {
          ...r,
          openingType: r.openingType as 'open' | 'restricted',
          urlCode: urlCode(r.code),
          department: department(r.providerDepartmentId),
          rowCount: n.rowCount,
          lastUpdatedAt: n.lastLoadedAt ?? r.updatedAt,
          downloads: n.downloads,
          apiCalls: n.apiCalls,
        };
      }),
      facets: {
        departments: departments.map((d) => ({ ...department(d.value), count: Number(d.count) })),
        updateCycles: cycles.map((c) => ({ value: c.value, count: Number(c.count) })),
        formats: formats.map((f) => ({ value: f.value, count: Number(f.count) })),
      },
    };
  }

  /** One public resource: catalog fields, items (name, type — nothing internal), figures. */
  async function detail(code: string) {
    const { resource, items } = await findPublicResource(db, code);
    const names = await departmentNames([resource.providerDepartmentId]);
    const n = (await figures([resource.id])).get(resource.id)!;
    return {
      code: resource.code,
      urlCode: urlCode(resource.code),
      name: resource.name,
      abstract: resource.abstract,
      department: {
        id: resource.providerDepartmentId,
        name: names.get(resource.providerDepartmentId)?.name ?? '',
        nameEn: names.get(resource.providerDepartmentId)?.nameEn ?? '',
      },
      format: resource.format,
      updateCycle: resource.updateCycle,
      openingType: resource.openingType as 'open' | 'restricted',
      publishDate: resource.publishDate,
      lastUpdatedAt: n.lastLoadedAt ?? resource.updatedAt,
      rowCount: n.rowCount,
      downloads: n.downloads,
      apiCalls: n.apiCalls,
      // Name and type only: grades, rules and sources stay inside government; `masked` says a value
      // reaches developers masked.
      items: items.map((i) => ({
        code: i.code,
        name: i.name,
        type: i.type,
        masked: maskModeFor(i) !== 'clear',
      })),
    };
  }

  return { browse, detail };
}
