export { createSensing, type MqttOptions, type Sensing, type SensingOptions } from './create-sensing';
export { SENSING_PERMISSIONS } from './permissions';
export { SEVERITIES, type Severity, type RuleParams, ruleParams } from './alarms/rule-types';
export { defaultCategoryFor, SEVERITY_ZH, type AlarmChange } from './alarms/alarm-service';
export { parseTelemetry, parseGatewayTelemetry, PayloadError, type IncomingReading } from './ingest/payload';
export {
  assessTownships,
  DEFAULT_WARNING_RULES,
  LEVEL_ZH,
  LEVEL_EN,
  type WarningRules,
  type WarningLevel,
} from './warning/warning';
export { resolutionFor, ONLINE_MS } from './queries';
export { newDeviceToken, townshipOf, type DeviceInfo } from './registry/registry';
export {
  STATION_KINDS,
  type DeviceSeed,
  type MetricSeed,
  type RuleSeed,
  type StationKind,
  type StationSeed,
} from './registry/types';
export * from './schema';
export {
  createScenario,
  deviceNoise,
  SIMULATED_METRICS,
  type Scenario,
  type ScenarioKind,
  type SimulatedStation,
} from './simulate/curves';
export { liveScenario, readingsAt, type SimulatedDevice } from './simulate/simulator';
export { encodeHj212, encodeSl651, decodeHj212, decodeSl651 } from './protocols';
