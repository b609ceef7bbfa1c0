export { createOpenDataService, type OpenDataService } from './open-data-service';
export { OPEN_APPLICATION_TYPE, OPEN_DATA_PERMISSIONS, openApplicationType } from './case-type';
export { developerView } from './developers';
export { csvField, csvLine, DOWNLOAD_FORMATS } from './downloads';
export { MAX_PAGE } from './open-api';
export {
  ANONYMOUS_DEVELOPER,
  dataOpenAccess,
  dataOpenApplication,
  dataOpenDeveloper,
  dataOpenUsage,
} from './schema';
