export * from './kernel';
export * from './errors';
export * from './clock';
export * from './ids';
export * from './access';
export * from './db';
export { loadConfig, configSchema, type Config } from './config';
