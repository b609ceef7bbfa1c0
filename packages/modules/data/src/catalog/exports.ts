import type { Kernel } from '@zhizhi/kernel';
import { createCkanApi } from './ckan';
import { type Department, type Item, loadCatalog, type Resource, visible } from './catalog-snapshot';

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

  /** DCAT-AP 3 catalogue as JSON-LD: one dcat:Dataset per resource, items as its columns. */
  async function dcat(includeClosed = false) {
    const { resources, itemsOf, departmentOf } = await loadCatalog(db, visible(includeClosed));
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

  return { dcat, ...createCkanApi(kernel) };
}

export type CatalogExports = ReturnType<typeof createCatalogExports>;
