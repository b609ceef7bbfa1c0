export * from './credit';
export * from './draw';
export * from './subjects';
export { createRegulation, type Regulation, type RegulationOptions } from './create-regulation';
export { REGULATION_PERMISSIONS } from './permissions';
export { REGULATION_CASE_TYPES, SHOP_CODE_KIND, PUBLICATION_DAYS } from './inspection/case-types';
export {
  itemSchema,
  inspectorSchema,
  itemApplies,
  type ItemInput,
  type InspectorInput,
} from './inspection/roster';
export type { SubjectRow, AddressMatcher } from './registry/subject-service';
export type { NewRecord, RecordRow } from './credit/credit-service';
export { REGULATION_INDICATORS } from './indicators';
export * from './schema';
