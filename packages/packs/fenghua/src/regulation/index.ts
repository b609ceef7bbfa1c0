export { fenghuaInspectionItems, fenghuaInspectors } from './roster-data';
export { type RegulationDemoResult, seedRegulationDemo } from './seed';
export { DEMO_SHOP_NAME, demoSubjects } from './subjects-data';
