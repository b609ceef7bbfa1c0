export { buildApp, type App, type BuildAppOptions, BODY_LIMIT } from './app';
export {
  startServer,
  createLogger,
  version,
  defaultWebDist,
  type RunningServer,
  type StartServerOptions,
} from './server';
export { problem, type Problem } from './plugins/problem';
export { createModules, startModules, type Modules, type ModulesOptions } from './modules';
