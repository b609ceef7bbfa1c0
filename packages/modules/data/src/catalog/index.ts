import './events';

export { createCatalogService, type CatalogService, itemNameKey } from './catalog-service';
export {
  FACETS,
  type Facet,
  type FacetCounts,
  type ListResourcesQuery,
  listQuerySchema,
} from './catalog-search';
export { DATA_PERMISSIONS } from './permissions';
export {
  FORMATS,
  GRADES,
  OPENING_TYPES,
  PERSONAL_KINDS,
  RESOURCE_STATUSES,
  type ResourceInput,
  type ResourceUpdate,
  resourceInputSchema,
  resourceUpdateSchema,
  SHARING_TYPES,
  topGrade,
  UPDATE_CYCLES,
} from './resource-schema';
export { SYSTEM_NAME } from './system-census';
export { createCatalogExports, type CatalogExports } from './exports';
export { dataItem, dataResource, dataSystem } from './schema';
export { CKAN_FIELDS, CkanSearchError } from './ckan-query';
