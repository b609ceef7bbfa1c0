export {
  createIndicatorRegistry,
  indicatorDefinitionSchema,
  periodBounds,
  type IndicatorRegistry,
  type IndicatorDefinition,
  type IndicatorComputer,
  type IndicatorCount,
  type Period,
} from './indicator-registry';
export { indicatorsIndicator, indicatorsSnapshot } from './schema';
