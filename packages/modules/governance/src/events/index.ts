import './permissions';

export {
  createGovernance,
  genericEventIntake,
  type EventIntakeMapper,
  type Governance,
  type GovernanceOptions,
} from './create-governance';
export {
  channelActor,
  intakeSchema,
  maskName,
  maskPhone,
  type GovernanceService,
  type IntakeInput,
  type RegionGeo,
} from './governance-service';
export {
  CHANNELS,
  CO_TYPE,
  EVENT_TYPE,
  GOOD_RATINGS,
  governanceCoType,
  governanceEventType,
  governanceRectificationType,
  RATINGS,
  RECTIFICATION_TYPE,
  type Channel,
  type Rating,
} from './case-types';
export { DEFAULT_CATEGORIES, DEFAULT_PLATFORMS, type CategorySeed } from './default-categories';
export { categoryForOrder, HOTLINE_IMPORT_JOB, type HotlineImport } from './hotline-import';
export { GOVERNANCE_INDICATORS } from './indicators';
export { open311PostSchema, open311QuerySchema, type Open311, type Open311Options } from './open311';
export { P as GOVERNANCE_PERMISSIONS } from './permissions';
export {
  governanceCategory,
  governanceImport,
  governancePlatform,
  governanceReport,
  type ImportRowError,
} from './schema';
