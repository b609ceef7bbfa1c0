export {
  idNumberCheckDigit,
  isRealDate,
  isValidIdNumber,
  isValidOrganisationCode,
  isValidUscc,
  organisationCodeCheckChar,
  USCC_ALPHABET,
  usccCheckChar,
} from './check-digits';
export type { DemoRoleCode, DemoRoleGrant, DemoStaffSeed } from './demo-staff';
export { fenghuaDemoStaff } from './demo-staff';
export type { DepartmentSeed } from './departments';
export {
  fenghuaDepartments,
  GOVERNANCE_PLATFORMS,
  type GovernancePlatform,
  townOfficeCode,
  townUnitCode,
} from './departments';
export type { DivisionSeed, TownshipSeed, VillageRow } from './divisions';
export {
  currentTownshipCode,
  FENGHUA_DISTRICT_CODE,
  fenghuaDivisions,
  fenghuaTownships,
  fenghuaVillageRows,
  RENAMED_TOWNSHIP_CODES,
  villageDisplayName,
  villageDivisions,
  villageKind,
} from './divisions';
export type { GridSeed } from './grids';
export { fenghuaGrids, gridCountFor } from './grids';
export {
  seedFenghua,
  MAX_SYNTHETIC_CITIZENS,
  type SeedFenghuaOptions,
  type SeedFenghuaResult,
  type DemoCredential,
} from './seed';
export { type SeedScaleActivityOptions, type SeedScaleActivityResult, seedScaleActivity } from './scale-seed';
export type { SyntheticIdNumberOptions, SyntheticUsccOptions } from './people';
export {
  SYNTHETIC_ID_SEQUENCES,
  syntheticIdNumber,
  syntheticName,
  syntheticPhone,
  syntheticUscc,
} from './people';
export type { FenghuaBoundaryProperties, NearestTown, TownSeat } from './geo';
export { fenghuaBoundary, insideFenghua, nearestTown, townSeats } from './geo';
export { demoPhoto, fenghuaDispatchRules, fenghuaRegion, seedGovernanceDemo } from './governance';
export { type DemoResource, type DemoSystem, fenghuaDemoCatalog, fenghuaDemoSystems } from './data-catalog';
export { type SeedDataCatalogResult, seedDataCatalog } from './data-catalog-seed';
export { fenghuaMetrics, fenghuaStations } from './sensing-stations';
export { fenghuaPlaceAreas, gridPoint, villagePoint } from './places/areas';
export { POI_CATEGORIES, type PoiCategory } from './places/builder';
export { fenghuaPlaceLibrary } from './places/library';
export {
  fenghuaBundles,
  fenghuaCertificateTypes,
  fenghuaFieldDictionary,
  fenghuaMatters,
  fenghuaMattersByArea,
  prefillPairs,
  seedServicesDemo,
  type DemoApplicant,
} from './services';
export {
  DEMO_SHOP_NAME,
  demoSubjects,
  fenghuaInspectionItems,
  fenghuaInspectors,
  type RegulationDemoResult,
  seedRegulationDemo,
} from './regulation';
export { fenghuaPlanTargets } from './cockpit-targets';
