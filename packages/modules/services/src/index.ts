export { type BundlePlan, type PlannedField, type PlannedMaterial, planBundle } from './bundles/plan';
export { compressionRatio, dueAt } from './catalogue/limits';
export * from './catalogue/types';
export { checkValue, type FieldError, validateForm } from './catalogue/validate-form';
