export * from './catalog';
export * from './quality';
export * from './collection';
export * from './opendata';
export * from './sharing';
export { DATA_INDICATORS, registerDataIndicators } from './indicators';
