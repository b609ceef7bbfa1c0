export { type BundlePlan, type PlannedField, type PlannedMaterial, planBundle } from './bundles/plan';
export { type Catalogue, createCatalogue, type SeedCatalogue } from './catalogue/catalogue-service';
export { compressionRatio, dueAt } from './catalogue/limits';
export * from './catalogue/types';
export { checkValue, type FieldError, validateForm } from './catalogue/validate-form';
export { SERVICES_PERMISSIONS } from './permissions';
