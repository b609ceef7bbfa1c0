import './events';

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
} from './definition';
export { validateCaseData } from './form-data';
export { casesType, casesCase, casesHistory, casesCounter } from './schema';
