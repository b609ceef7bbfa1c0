import type { Kernel } from '@zhizhi/kernel';
import { rankExpression, searchQuery } from '@zhizhi/kernel/search';
import { and, eq, sql } from 'drizzle-orm';
import { type Department, type Item, loadCatalog, type Resource, visible } from './catalog-snapshot';
import { type CkanField, parseFacetFields, parseFilterQuery } from './ckan-query';
import { dataResource } from './schema';

/** The CKAN `package_search` parameters we answer. */
export interface PackageSearchQuery {
  q?: string;
  fq?: string;
  rows?: number;
  start?: number;
  /** JSON list of fields to count, e.g. `["organization","res_format","tags"]`. */
  'facet.field'?: string;
  /** Values per facet, most frequent first (default 50; -1 for all). */
  'facet.limit'?: number;
  /** Leave out values counted fewer times (default 1). */
  'facet.mincount'?: number;
}

function ckanOrganization(d: Department) {
  return {
    id: d.id,
    name: d.code,
    title: d.name,
    type: 'organization',
    is_organization: true,
    state: 'active',
  };
}

const tagNames = (items: Item[]) => [...new Set(items.map((i) => i.name))];

function ckanPackage(r: Resource, items: Item[], department: Department | undefined) {
  return {
    id: r.id,
    name: r.code.replace('/', '-'),
    title: r.name,
    notes: r.abstract,
    type: 'dataset',
    state: 'active',
    private: r.openingType !== 'open',
    metadata_created: r.createdAt.toISOString(),
    metadata_modified: r.updatedAt.toISOString(),
    organization: department ? ckanOrganization(department) : null,
    owner_org: department?.id ?? null,
    num_resources: 0,
    resources: [],
    num_tags: tagNames(items).length,
    tags: tagNames(items).map((name) => ({ name, display_name: name, state: 'active', vocabulary_id: null })),
    extras: [
      { key: 'code', value: r.code },
      { key: 'format', value: r.format },
      { key: 'update_cycle', value: r.updateCycle },
      { key: 'sharing_type', value: r.sharingType },
      { key: 'opening_type', value: r.openingType },
      { key: 'key_items', value: r.keyItems.join(';') },
      { key: 'items', value: items.map((i) => `${i.code}:${i.name}:${i.grade}`).join(';') },
    ],
  };
}

// CKAN's action API over the active catalogue (the public sees open and restricted-open resources).
export function createCkanApi(kernel: Kernel) {
  const { db } = kernel;
  const load = (includeClosed: boolean) => loadCatalog(db, visible(includeClosed));

  /** CKAN `package_list`: the names of all datasets. */
  async function packageList(includeClosed = false) {
    const { resources } = await load(includeClosed);
    return resources.map((r) => r.code.replace('/', '-'));
  }

  /** CKAN `package_show` by id or name (our code with `-` for `/`). */
  async function packageShow(id: string, includeClosed = false) {
    const { resources, itemsOf, departmentOf } = await load(includeClosed);
    const r = resources.find((x) => x.id === id || x.code.replace('/', '-') === id || x.code === id);
    if (!r) return null;
    return ckanPackage(r, itemsOf(r.id), departmentOf(r.providerDepartmentId));
  }

  // Relevance of each resource matching q (Chinese full text, the same as the catalog search).
  async function ranks(q: string | undefined): Promise<Map<string, number> | null> {
    const text = (q ?? '').replace(/\*:\*/g, ' ').trim();
    if (!text) return null;
    const query = searchQuery(text);
    if (!query) return new Map();
    const found = await db
      .select({ id: dataResource.id, rank: rankExpression(dataResource.search, query) })
      .from(dataResource)
      .where(and(eq(dataResource.status, 'active'), sql`${dataResource.search} @@ ${query}`));
    return new Map(found.map((f) => [f.id, f.rank]));
  }

  /**
   * CKAN `package_search`: `q` is Chinese full text over name, items, code and abstract (ranked);
   * `fq` filters on organization, res_format (资源格式), tags (item names), opening_type and
   * sharing_type; `facet.field` counts by the same fields in CKAN's `facets` and `search_facets`
   * shapes; `rows` (≤ 1000) and `start`. Throws CkanSearchError for a query it cannot read.
   */
  async function packageSearch(query: PackageSearchQuery, includeClosed = false) {
    const filters = parseFilterQuery(query.fq ?? '');
    const facetFields = parseFacetFields(query['facet.field']);
    const rank = await ranks(query.q);
    const { resources, itemsOf, departmentOf } = await load(includeClosed);
    const valuesOf = (r: Resource, field: CkanField): string[] => {
      if (field === 'organization') {
        const code = departmentOf(r.providerDepartmentId)?.code;
        return code ? [code] : [];
      }
      if (field === 'res_format') return [r.format];
      if (field === 'tags') return tagNames(itemsOf(r.id));
      return [field === 'opening_type' ? r.openingType : r.sharingType];
    };
    const matching = resources
      .filter((r) => !rank || rank.has(r.id))
      .filter((r) =>
        filters.every((f) => valuesOf(r, f.field).some((v) => f.values.includes(v)) !== f.negate),
      )
      .sort(
        (a, b) =>
          (rank?.get(b.id) ?? 0) - (rank?.get(a.id) ?? 0) ||
          b.updatedAt.getTime() - a.updatedAt.getTime() ||
          a.code.localeCompare(b.code),
      );
    const limit = query['facet.limit'] ?? 50;
    const minCount = query['facet.mincount'] ?? 1;
    const facets: Record<string, Record<string, number>> = {};
    const searchFacets: Record<string, { title: string; items: object[] }> = {};
    for (const field of facetFields) {
      const counts = new Map<string, number>();
      for (const r of matching) for (const v of valuesOf(r, field)) counts.set(v, (counts.get(v) ?? 0) + 1);
      const top = [...counts]
        .filter(([, n]) => n >= minCount)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, limit < 0 ? undefined : limit);
      facets[field] = Object.fromEntries(top);
      const display = (v: string) =>
        field === 'organization'
          ? (resources.map((r) => departmentOf(r.providerDepartmentId)).find((d) => d?.code === v)?.name ?? v)
          : v;
      searchFacets[field] = {
        title: field,
        items: top.map(([name, count]) => ({ name, display_name: display(name), count })),
      };
    }
    const start = Math.max(0, query.start ?? 0);
    const rows = Math.min(Math.max(query.rows ?? 10, 0), 1000);
    return {
      count: matching.length,
      sort: 'score desc, metadata_modified desc',
      facets,
      search_facets: searchFacets,
      results: matching
        .slice(start, start + rows)
        .map((r) => ckanPackage(r, itemsOf(r.id), departmentOf(r.providerDepartmentId))),
    };
  }

  /** CKAN `organization_list`: departments that provide at least one active resource. */
  async function organizationList(allFields: boolean, includeClosed = false) {
    const { resources, departmentOf } = await load(includeClosed);
    const departments = [...new Set(resources.map((r) => r.providerDepartmentId))]
      .map(departmentOf)
      .filter((d): d is Department => !!d)
      .sort((a, b) => a.code.localeCompare(b.code));
    return allFields ? departments.map(ckanOrganization) : departments.map((d) => d.code);
  }

  return { packageList, packageShow, packageSearch, organizationList };
}
