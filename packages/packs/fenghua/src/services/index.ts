export { fenghuaBundles } from './bundles';
export { fenghuaCertificateTypes, fenghuaFieldDictionary } from './dictionary';
export { fenghuaMatters, fenghuaMattersByArea } from './matters';
export { type DemoApplicant, prefillPairs, seedServicesDemo } from './seed';
