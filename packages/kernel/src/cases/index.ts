import './events';

export type { CaseClockAlert } from './events';
export { computeClock, type ClockReading, type ClockStep } from './compute-clock';

export {
  createCaseService,
  type CaseService,
  type CaseServiceDeps,
  type OpenCaseInput,
  type TransitionInput,
  type ListCasesQuery,
} from './case-service';
export {
  caseTypeDefinitionSchema,
  parseCaseTypeDefinition,
  type CaseTypeDefinition,
  type CaseTypeDefinitionInput,
  type CaseField,
  type CaseTransition,
  type CaseClock,
  type CaseEffect,
  ENGINE_STEPS,
} from './definition';
export { validateCaseData } from './form-data';
export {
  createDispatchCatalogue,
  dispatchRuleSchema,
  type DispatchCatalogue,
  type DispatchRule,
  type RouteInput,
} from './dispatch-catalogue';
export type { CaseMeta, HistoryMeta } from './schema';
export { casesType, casesCase, casesHistory, casesCounter, casesClockAlert, casesCatalogue } from './schema';
