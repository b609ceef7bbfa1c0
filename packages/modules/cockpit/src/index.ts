export { createCockpit, type Cockpit, type CockpitOptions } from './create-cockpit';
export type { Figure, CockpitService } from './cockpit-service';
export {
  formulaSchema,
  targetDefinitionSchema,
  MEASURES,
  LEVELS,
  PROMISES,
  expectedAt,
  statusOf,
  progressOf,
  type TargetInput,
  type TargetDefinition,
  type Formula,
  type MeasureName,
} from './definitions';
export { PANELS, reportedInputSchema } from './admin';
export { dispatchInputSchema, type DispatchTask } from './warnings';
export { COCKPIT_PERMISSIONS } from './permissions';
export { parseScope, scopeKey, type ScopeRef } from './scope';
export { recomputeFromSource, storedTallies, refreshFact, rebuildTallies } from './tallies';
export type { IndicatorValue } from './values';
export { mondayOf } from './weekly';
export * from './schema';
