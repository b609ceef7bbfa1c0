import type { Kernel } from '@zhizhi/kernel';
import { orgDepartment } from '@zhizhi/kernel/org';
import { asc, inArray } from 'drizzle-orm';
import { dataItem, dataResource } from './schema';

type Resource = typeof dataResource.$inferSelect;
type Item = typeof dataItem.$inferSelect;
type Department = typeof orgDepartment.$inferSelect;

const CYCLE_TO_EU_FREQUENCY: Record<string, string> = {
  实时: 'CONT',
  每日: 'DAILY',
  每周: 'WEEKLY',
  每月: 'MONTHLY',
  每季度: 'QUARTERLY',
  每半年: 'BIANNUAL',
  每年: 'ANNUAL',
  不定期: 'IRREG',
};

const OPENING_TO_ACCESS: Record<string, string> = {
  open: 'PUBLIC',
  restricted: 'RESTRICTED',
  closed: 'NON_PUBLIC',
};

/**
 * Read-only views of the catalog in other ecosystems' shapes: DCAT-AP 3 (JSON-LD) for harvesters,
 * and CKAN's action API so CKAN clients can list, show and search our resources.
 */
export function createCatalogExports(kernel: Kernel, options: { baseUrl: string; publisher: string }) {
  const { db } = kernel;

  /** The public sees the open catalogue (无条件/受限开放); staff with catalog access see it all. */
  const visible = (includeClosed: boolean) => (r: Resource) => includeClosed || r.openingType !== 'closed';

  async function load(filter?: (r: Resource) => boolean) {
    const resources = (await db.select().from(dataResource).orderBy(asc(dataResource.code))).filter(
      (r) => !filter || filter(r),
    );
    const ids = resources.map((r) => r.id);
    const items = ids.length
      ? await db.select().from(dataItem).where(inArray(dataItem.resourceId, ids)).orderBy(asc(dataItem.sort))
      : [];
    const departmentIds = [...new Set(resources.map((r) => r.providerDepartmentId))];
    const departments = departmentIds.length
      ? await db.select().from(orgDepartment).where(inArray(orgDepartment.id, departmentIds))
      : [];
    return {
      resources,
      itemsOf: (id: string) => items.filter((i) => i.resourceId === id),
      departmentOf: (id: string) => departments.find((d) => d.id === id),
    };
  }

  /** DCAT-AP 3 catalogue as JSON-LD: one dcat:Dataset per resource, items as its columns. */
  async function dcat(includeClosed = false) {
    const { resources, itemsOf, departmentOf } = await load(visible(includeClosed));
    const base = options.baseUrl.replace(/\/$/, '');
    return {
      '@context': {
        dcat: 'http://www.w3.org/ns/dcat#',
        dct: 'http://purl.org/dc/terms/',
        foaf: 'http://xmlns.com/foaf/0.1/',
        xsd: 'http://www.w3.org/2001/XMLSchema#',
        csvw: 'http://www.w3.org/ns/csvw#',
        'dct:issued': { '@type': 'xsd:date' },
        'dct:modified': { '@type': 'xsd:dateTime' },
      },
      '@id': `${base}/catalog.jsonld`,
      '@type': 'dcat:Catalog',
      'dct:title': [
        { '@value': `${options.publisher}公共数据资源目录`, '@language': 'zh' },
        { '@value': `${options.publisher} public data catalog`, '@language': 'en' },
      ],
      'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': options.publisher },
      'dcat:dataset': resources.map((r) =>
        datasetNode(base, r, itemsOf(r.id), departmentOf(r.providerDepartmentId)),
      ),
    };
  }

  function datasetNode(base: string, r: Resource, items: Item[], department: Department | undefined) {
    return {
      '@id': `${base}/data/resources/${encodeURIComponent(r.code)}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': r.code,
      'dct:title': { '@value': r.name, '@language': 'zh' },
      'dct:description': { '@value': r.abstract, '@language': 'zh' },
      'dct:publisher': department
        ? { '@type': 'foaf:Agent', 'foaf:name': department.name, 'dct:identifier': department.code }
        : undefined,
      'dct:accrualPeriodicity': {
        '@id': `http://publications.europa.eu/resource/authority/frequency/${CYCLE_TO_EU_FREQUENCY[r.updateCycle] ?? 'UNKNOWN'}`,
      },
      'dct:accessRights': {
        '@id': `http://publications.europa.eu/resource/authority/access-right/${OPENING_TO_ACCESS[r.openingType]}`,
      },
      ...(r.publishDate ? { 'dct:issued': r.publishDate } : {}),
      'dct:modified': r.updatedAt.toISOString(),
      'dct:relation': r.relatedCodes.map((c) => ({
        '@id': `${base}/data/resources/${encodeURIComponent(c)}`,
      })),
      'csvw:tableSchema': {
        'csvw:column': items.map((i) => ({
          'csvw:name': i.code,
          'csvw:title': i.name,
          'csvw:datatype': i.type,
        })),
      },
    };
  }

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
      tags: [],
      extras: [
        { key: 'code', value: r.code },
        { key: 'format', value: r.format },
        { key: 'update_cycle', value: r.updateCycle },
        { key: 'sharing_type', value: r.sharingType },
        { key: 'opening_type', value: r.openingType },
        { key: 'items', value: items.map((i) => `${i.code}:${i.name}:${i.grade}`).join(';') },
      ],
    };
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

  /** CKAN `package_list`: the names of all datasets. */
  async function packageList(includeClosed = false) {
    const { resources } = await load(visible(includeClosed));
    return resources.map((r) => r.code.replace('/', '-'));
  }

  /** CKAN `package_show` by id or name (our code with `-` for `/`). */
  async function packageShow(id: string, includeClosed = false) {
    const { resources, itemsOf, departmentOf } = await load(visible(includeClosed));
    const r = resources.find((x) => x.id === id || x.code.replace('/', '-') === id || x.code === id);
    if (!r) return null;
    return ckanPackage(r, itemsOf(r.id), departmentOf(r.providerDepartmentId));
  }

  /**
   * CKAN `package_search`: `q` matches name, abstract and item names (all words);
   * `fq` supports `organization:<code>` and `opening_type:<type>`; `rows` (≤ 1000) and `start`.
   */
  async function packageSearch(
    query: { q?: string; fq?: string; rows?: number; start?: number },
    includeClosed = false,
  ) {
    const words = (query.q ?? '').split(/\s+/).filter((w) => w && w !== '*:*');
    const filters = [...(query.fq ?? '').matchAll(/(\w+):"?([^"\s]+)"?/g)].map((m) => [m[1], m[2]] as const);
    const { resources, itemsOf, departmentOf } = await load(visible(includeClosed));
    const matching = resources.filter((r) => {
      const text = [r.name, r.abstract, r.code, ...itemsOf(r.id).map((i) => i.name)].join(' ');
      if (!words.every((w) => text.includes(w))) return false;
      return filters.every(([key, value]) =>
        key === 'organization'
          ? departmentOf(r.providerDepartmentId)?.code === value
          : key === 'opening_type'
            ? r.openingType === value
            : true,
      );
    });
    const start = Math.max(0, query.start ?? 0);
    const rows = Math.min(Math.max(query.rows ?? 10, 0), 1000);
    return {
      count: matching.length,
      sort: 'score desc, metadata_modified desc',
      facets: {},
      search_facets: {},
      results: matching
        .slice(start, start + rows)
        .map((r) => ckanPackage(r, itemsOf(r.id), departmentOf(r.providerDepartmentId))),
    };
  }

  /** CKAN `organization_list`: departments that provide at least one resource. */
  async function organizationList(allFields: boolean, includeClosed = false) {
    const { resources, departmentOf } = await load(visible(includeClosed));
    const departments = [...new Set(resources.map((r) => r.providerDepartmentId))]
      .map(departmentOf)
      .filter((d): d is Department => !!d)
      .sort((a, b) => a.code.localeCompare(b.code));
    return allFields ? departments.map(ckanOrganization) : departments.map((d) => d.code);
  }

  return { dcat, packageList, packageShow, packageSearch, organizationList };
}

export type CatalogExports = ReturnType<typeof createCatalogExports>;
