import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import {
  acquireDataDirLock,
  type Clock,
  type Config,
  createKernel,
  type DataDirLock,
  type Kernel,
  openDatabase,
  startKernel,
} from '@zhizhi/kernel';
import { FENGHUA_DISTRICT_CODE, type SeedFenghuaResult, seedFenghua } from '@zhizhi/pack-fenghua';
import pino, { type Logger } from 'pino';
import { type App, buildApp } from './app';
import { createModules, type Modules, startModules } from './modules';

export const version: string = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8'),
).version;

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface StartServerOptions {
  logger?: Logger;
  clock?: Clock;
  webDist?: string | null;
  /** Called once after a first-start demo seed, with the generated credentials. */
  onDemoSeeded?: (result: SeedFenghuaResult) => void;
  /** Run timers and event dispatch in the background (default true). */
  background?: boolean;
  /** Start MQTT (the embedded broker on MQTT_PORT, or the MQTT_URL subscription); default true. */
  mqtt?: boolean;
}

export interface RunningServer {
  app: App;
  kernel: Kernel;
  modules: Modules;
  url: string;
  close(): Promise<void>;
}

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  // No request bodies, headers or query strings are logged anywhere (they may carry personal data).
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'zhizhi' },
    redact: ['req.headers.cookie', 'req.headers.authorization'],
  });
}

/** Opens the database (locking DATA_DIR in embedded mode), migrates, seeds the demo, listens. */
export async function startServer(config: Config, options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config);
  let lock: DataDirLock | null = null;
  if (!config.DATABASE_URL) lock = acquireDataDirLock(config.DATA_DIR, 'server', config.PORT);
  try {
    const database = await openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.DATABASE_URL ? undefined : config.DATA_DIR,
    });
    const kernel = createKernel({
      database,
      logger,
      clock: options.clock,
      sessionTtlHours: config.SESSION_TTL_HOURS,
      loginMaxFailures: config.LOGIN_MAX_FAILURES,
      loginLockMinutes: config.LOGIN_LOCK_MINUTES,
    });
    const modules = createModules(kernel, {
      publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
      dataLoadAllowedHosts: config.DATA_LOAD_ALLOWED_HOSTS?.split(',')
        .map((h) => h.trim())
        .filter(Boolean),
      smsGateway: config.SERVICES_SMS_URL
        ? { url: config.SERVICES_SMS_URL, token: config.SERVICES_SMS_TOKEN }
        : undefined,
      emailGateway: config.SERVICES_EMAIL_URL
        ? { url: config.SERVICES_EMAIL_URL, token: config.SERVICES_EMAIL_TOKEN }
        : undefined,
    });
    await startKernel(kernel);
    await startModules(modules);
    if (config.DEMO) {
      const result = await seedFenghua(kernel, {
        governance: modules.governance,
        catalog: modules.data.catalog,
        dataCollection: modules.data.collection,
        sensing: modules.sensing,
        places: modules.places,
        services: modules.services,
        sharing: modules.data.sharing,
        regulation: modules.regulation,
      });
      if (result.seeded) options.onDemoSeeded?.(result);
      // The cockpit's warnings and today's snapshot reflect the demo data at once, not a minute later.
      void modules.cockpit.queueTick();
    }
    const app = await buildApp({
      kernel,
      modules,
      logger,
      info: {
        name: '整体智治 Zhizhi',
        version,
        dialect: database.dialect,
        demo: config.DEMO,
        region: { code: FENGHUA_DISTRICT_CODE, name: '奉化区', nameEn: 'Fenghua District' },
      },
      webDist: options.webDist === undefined ? defaultWebDist : options.webDist,
      trustProxy: config.TRUST_PROXY,
      sessionTtlHours: config.SESSION_TTL_HOURS,
    });
    const address = await listenDualStack(app, config);
    lock?.setPort((app.server.address() as { port: number }).port);
    let socketServer: PGLiteSocketServer | null = null;
    if (database.pglite && config.PG_SOCKET_PORT !== undefined) {
      socketServer = new PGLiteSocketServer({
        db: database.pglite,
        port: config.PG_SOCKET_PORT,
        host: '127.0.0.1',
      });
      await socketServer.start();
      logger.info({ port: config.PG_SOCKET_PORT }, 'embedded database open to psql on 127.0.0.1');
    }
    if (options.mqtt !== false)
      await modules.sensing.startMqtt({ url: config.MQTT_URL, port: config.MQTT_PORT }).catch((error) => {
        logger.error({ err: (error as Error).message }, 'MQTT not started; HTTP telemetry still works');
      });
    if (config.HJ212_PORT !== undefined || config.SL651_PORT !== undefined)
      await modules.sensing.startFrameListeners({ hj212: config.HJ212_PORT, sl651: config.SL651_PORT });
    if (config.SIMULATE_SENSORS ?? (config.DEMO && options.background !== false)) {
      await modules.sensing.demoFeed.start();
      logger.info('demo stations fed with simulated readings every minute (SIMULATE_SENSORS=0 turns it off)');
    }
    const background = options.background !== false;
    const dispatcher = background
      ? setInterval(() => kernel.events.dispatch().catch(() => {}), 2000).unref()
      : null;
    // Overrides set on another node reach this one within a minute.
    const calendarRefresh = background
      ? setInterval(() => kernel.calendar.reload().catch(() => {}), 60_000).unref()
      : null;
    if (background) kernel.jobs.start(250);
    let closing: Promise<void> | null = null;
    const close = () => {
      closing ??= (async () => {
        app.state.shuttingDown = true;
        await app.close(); // stops accepting, drains in-flight requests
        if (dispatcher) clearInterval(dispatcher);
        if (calendarRefresh) clearInterval(calendarRefresh);
        await kernel.jobs.stop();
        await modules.sensing.stop();
        modules.cockpit.stop();
        await modules.cockpit.settle();
        await kernel.events.dispatch().catch(() => {});
        await socketServer?.stop();
        await database.close();
        lock?.release();
      })();
      return closing;
    };
    return { app, kernel, modules, url: address, close };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** `::` listens on IPv6 and IPv4 (plan S26); hosts without IPv6 fall back to 0.0.0.0. */
async function listenDualStack(app: App, config: Config): Promise<string> {
  try {
    return await app.listen({ host: config.HOST, port: config.PORT, ipv6Only: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (config.HOST === '::' && (code === 'EAFNOSUPPORT' || code === 'EADDRNOTAVAIL')) {
      return app.listen({ host: '0.0.0.0', port: config.PORT });
    }
    throw error;
  }
}
