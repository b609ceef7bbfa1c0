import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { rows } from '@zhizhi/kernel/db';
import type { Kernel } from '@zhizhi/kernel';
import { rankExpression, searchQuery } from '@zhizhi/kernel/search';
import { and, asc, desc, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DATA_PERMISSIONS } from './permissions';
import { FORMATS, GRADES, invalid, OPENING_TYPES, RESOURCE_STATUSES, SHARING_TYPES } from './resource-schema';
import { dataResource } from './schema';

/** A list filter: one value, several values, or a comma-separated string of them. */
const many = <T extends z.ZodType<string>>(value: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
    z.array(value).max(100).optional(),
  );

export const listQuerySchema = z.object({
  q: z.string().max(200).optional(),
  providerDepartmentId: many(z.uuid()),
  grade: many(z.enum(GRADES)),
  format: many(z.enum(FORMATS)),
  sharingType: many(z.enum(SHARING_TYPES)),
  openingType: many(z.enum(OPENING_TYPES)),
  /** active (default), retired, or all. */
  status: z.enum([...RESOURCE_STATUSES, 'all']).default('active'),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export type ListResourcesQuery = z.input<typeof listQuerySchema>;

/** The facets, each filterable with the list parameter of the same name. */
export const FACETS = [
  'providerDepartmentId',
  'grade',
  'format',
  'sharingType',
  'openingType',
  'status',
] as const;
export type Facet = (typeof FACETS)[number];

/** Counts per value of each facet: `{ format: { 电子表格: 3 } }`. */
export type FacetCounts = Record<Facet, Record<string, number>>;

/**
 * The resource's grade is its top item grade (the highest of its items): it decides what the
 * resource may be opened as, and each resource counts once, so a facet's counts add up.
 */
const topGradeOf = () => sql<(typeof GRADES)[number]>`${dataResource.topGrade}`;

const inList = (column: SQL, values: readonly string[]) =>
  sql`${column} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

// Catalog search and faceted browsing: Chinese full text (ranked), filters, facet counts, paging.
export function createCatalogSearch(kernel: Kernel) {
  const { db } = kernel;

  /**
   * Resources matching `q` and the filters, a page of them (ranked by relevance when searching, else
   * by code), the total, and facet counts. Each facet's counts honour `q`, status and every other
   * filter but its own, so several values of one facet can be ticked at once (OR within a facet,
   * AND across facets).
   */
  async function listResources(actor: Actor, input: ListResourcesQuery = {}) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    const parsed = listQuerySchema.safeParse(input);
    if (!parsed.success) throw invalid('data.resource.query_invalid', parsed.error);
    const query = parsed.data;
    const search = query.q ? searchQuery(query.q) : null;
    // Nothing searchable in q (only punctuation or stop words) finds nothing, not everything.
    const matches = query.q ? (search ? sql`${dataResource.search} @@ ${search}` : sql`false`) : sql`true`;

    // Each facet's filter over a column expression, so the same filter works on the table and the CTE.
    const filterOf = (facet: Facet, column: SQL): SQL | undefined => {
      if (facet === 'status') return query.status === 'all' ? undefined : sql`${column} = ${query.status}`;
      const values = query[facet];
      return values?.length ? inList(column, values) : undefined;
    };
    const tableColumn: Record<Facet, SQL> = {
      providerDepartmentId: sql`${dataResource.providerDepartmentId}::text`,
      grade: topGradeOf(),
      format: sql`${dataResource.format}`,
      sharingType: sql`${dataResource.sharingType}`,
      openingType: sql`${dataResource.openingType}`,
      status: sql`${dataResource.status}`,
    };
    const allFilters = and(matches, ...FACETS.map((f) => filterOf(f, tableColumn[f])));

    const { search: _vector, ...columns } = getTableColumns(dataResource);
    const page = await db
      .select({ ...columns, topGrade: topGradeOf() })
      .from(dataResource)
      .where(allFilters)
      .orderBy(
        ...(search
          ? [desc(rankExpression(dataResource.search, search)), asc(dataResource.code)]
          : [asc(dataResource.code)]),
      )
      .limit(query.limit)
      .offset(query.offset);

    // One round trip for the total and every facet: the matching set once, grouped per facet.
    const cte = (facet: Facet) => sql.raw(`"${facet}"`);
    const except = (skip?: Facet) =>
      and(sql`true`, ...FACETS.filter((f) => f !== skip).map((f) => filterOf(f, cte(f))));
    const groups = FACETS.map(
      (facet) =>
        sql`select ${facet}::text as facet, ${cte(facet)} as value, count(*)::int as n
            from matching where ${except(facet)} group by ${cte(facet)}`,
    );
    const counted = await rows<{ facet: string; value: string | null; n: number }>(
      db,
      sql`with matching as (
            select ${tableColumn.providerDepartmentId} as "providerDepartmentId",
                   ${tableColumn.grade} as "grade", ${tableColumn.format} as "format",
                   ${tableColumn.sharingType} as "sharingType", ${tableColumn.openingType} as "openingType",
                   ${tableColumn.status} as "status"
            from ${dataResource} where ${matches})
          select 'total' as facet, null as value, count(*)::int as n from matching where ${except()}
          union all ${sql.join(groups, sql` union all `)}`,
    );
    const facets = Object.fromEntries(FACETS.map((f) => [f, {}])) as FacetCounts;
    let total = 0;
    for (const row of counted) {
      if (row.facet === 'total') total = Number(row.n);
      else if (row.value !== null) facets[row.facet as Facet][row.value] = Number(row.n);
    }
    return { items: page, total, limit: query.limit, offset: query.offset, facets };
  }

  return { listResources };
}
