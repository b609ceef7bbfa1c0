import './events';

export {
  createCatalogService,
  type CatalogService,
  DATA_PERMISSIONS,
  FORMATS,
  GRADES,
  itemNameKey,
  PERSONAL_KINDS,
  type ResourceInput,
  resourceInputSchema,
  SYSTEM_NAME,
  UPDATE_CYCLES,
} from './catalog-service';
export { createCatalogExports, type CatalogExports } from './exports';
export { dataItem, dataResource, dataSystem } from './schema';
