import './events';

export type { CaseClockAlert } from './events';
export { computeClock, type ClockReading, type ClockStep } from './compute-clock';

export {
  createCaseService,
  type CaseService,
  type CaseServiceDeps,
  type OpenCaseInput,
  type TransitionInput,
} from './case-service';
export {
  caseTypeDefinitionSchema,
  parseCaseTypeDefinition,
  type CaseTypeDefinition,
  type CaseTypeDefinitionInput,
  type CaseField,
  type CaseTransition,
  type CaseClock,
} from './definition';
export { validateCaseData } from './form-data';
export {
  createDispatchCatalogue,
  dispatchRuleSchema,
  type DispatchCatalogue,
  type DispatchRule,
  type RouteInput,
} from './dispatch-catalogue';
export { casesType, casesCase, casesHistory, casesCounter, casesClockAlert, casesCatalogue } from './schema';
