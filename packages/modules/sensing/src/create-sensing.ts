import type { Kernel } from '@zhizhi/kernel';
import { type AlarmOptions, createAlarmService, ESCALATE_JOB } from './alarms/alarm-service';
import { createRuleEngine } from './alarms/engine';
import { createFrameIngest, type FrameProtocol } from './ingest/frames';
import { createIngest } from './ingest/ingest';
import { createWriter, type StoredReading } from './ingest/writer';
import { type MqttHandle, startEmbeddedBroker, startExternalSubscriber } from './mqtt/mqtt';
import { createQueries } from './queries';
import { createRegistry } from './registry/registry';
import { createDemoFeed } from './simulate/simulator';
import { createStorage } from './storage';
import { createWarnings, type WarningRules } from './warning/warning';
import './events';
import './permissions';

export interface SensingOptions {
  alarms?: AlarmOptions;
  warning?: { rules?: WarningRules; regionName?: string };
  /** Flush size of the group-commit writer. */
  maxBatch?: number;
}

export interface MqttOptions {
  /** External broker (`MQTT_URL`); when set the embedded broker is not started. */
  url?: string;
  /** Port of the embedded broker (`MQTT_PORT`, 1883); 0 = any free port. */
  port?: number;
  host?: string;
  clientId?: string;
  /** Shared-subscription group on the external broker (nodes of one deployment share it). */
  shareGroup?: string;
  /** How long the broker keeps this node's session while it is away (default a day). */
  sessionExpirySeconds?: number;
}

const NODATA_JOB = 'sensing.nodata.check';
const WARNING_JOB = 'sensing.warning.refresh';
const PARTITIONS_JOB = 'sensing.partitions';
const RETENTION_JOB = 'sensing.retention';

/** The sensing module: registry, ingestion (HTTP, MQTT), storage, alarm rules, multi-hazard warning. */
export function createSensing(kernel: Kernel, options: SensingOptions = {}) {
  const registry = createRegistry(kernel);
  const alarms = createAlarmService(kernel, options.alarms);
  const engine = createRuleEngine(kernel, alarms);
  registry.onChanged(() => engine.invalidate());
  const readingListeners = new Set<(readings: StoredReading[]) => void>();
  const writer = createWriter(kernel, registry, {
    maxBatch: options.maxBatch,
    onStored: (readings) => {
      engine.onStored(readings);
      for (const listener of readingListeners) listener(readings);
    },
  });
  const ingest = createIngest(kernel, registry, writer);
  const storage = createStorage(kernel);
  const warnings = createWarnings(kernel, options.warning);
  const queries = createQueries(kernel);
  const demoFeed = createDemoFeed(kernel, registry, ingest);
  const frames = createFrameIngest(registry, ingest);
  const listeners: { close(): Promise<void> }[] = [];
  let mqtt: MqttHandle | null = null;
  let rejectTimer: NodeJS.Timeout | null = null;
  let warningTimer: NodeJS.Timeout | null = null;

  kernel.jobs.register(ESCALATE_JOB, async (payload, { tx }) => {
    await alarms.escalate(tx, (payload as { alarmId: string }).alarmId);
  });
  // Job handlers run inside the job's transaction and must use it: on PGlite a second transaction
  // would wait for this one to end.
  kernel.jobs.register(NODATA_JOB, async (_payload, { tx }) => {
    await engine.checkNoData(kernel.clock.now().getTime(), tx);
  });
  kernel.jobs.register(WARNING_JOB, async (_payload, { tx }) => {
    await warnings.refresh(tx);
  });
  kernel.jobs.register(PARTITIONS_JOB, async (_payload, { tx }) => {
    await storage.ensurePartitions(tx);
  });
  kernel.jobs.register(RETENTION_JOB, async (_payload, { tx }) => {
    await storage.sweepRetention(tx);
  });

  // The case an alarm became: governance tells us its number.
  kernel.events.subscribe('governance.report.accepted', async (event) => {
    const { externalId, caseId, number } = event.payload;
    if (externalId?.startsWith('sensing.alarm:')) await alarms.linkCase(externalId, caseId, number);
  });

  /** Installs partitions and the periodic jobs (idempotent; at every start). */
  async function start() {
    await storage.ensurePartitions();
    const schedules = [
      { name: NODATA_JOB, kind: NODATA_JOB, cron: '* * * * *' },
      { name: WARNING_JOB, kind: WARNING_JOB, cron: '* * * * *' },
      { name: PARTITIONS_JOB, kind: PARTITIONS_JOB, cron: '17 3 * * *' },
      { name: RETENTION_JOB, kind: RETENTION_JOB, cron: '37 3 * * *' },
    ];
    for (const s of schedules) await kernel.jobs.schedule(kernel.db, s);
    await engine.reload();
    rejectTimer = setInterval(() => {
      ingest.flushRejects().catch(() => {});
    }, 1000);
    rejectTimer.unref();
  }

  /**
   * Warnings follow readings within seconds: a refresh 5 s after the first reading of a burst
   * (the minute job is the floor when nothing arrives).
   */
  function refreshSoon() {
    if (warningTimer) return;
    warningTimer = setTimeout(() => {
      warningTimer = null;
      warnings
        .refresh()
        .catch((error) => kernel.logger?.warn({ err: (error as Error).message }, 'warning refresh failed'));
    }, 5000);
    warningTimer.unref();
  }
  alarms.onChange(() => refreshSoon());

  /** Starts MQTT: the external subscription when `url` is set, else the embedded broker. */
  async function startMqtt(mqttOptions: MqttOptions) {
    if (mqttOptions.url)
      mqtt = await startExternalSubscriber(registry, ingest, {
        url: mqttOptions.url,
        clientId: mqttOptions.clientId,
        shareGroup: mqttOptions.shareGroup,
        sessionExpirySeconds: mqttOptions.sessionExpirySeconds,
        logger: kernel.logger,
      });
    else
      mqtt = await startEmbeddedBroker(registry, ingest, {
        port: mqttOptions.port ?? 1883,
        host: mqttOptions.host,
        logger: kernel.logger,
      });
    return mqtt;
  }

  /** TCP listeners for HJ 212 / SL 651 devices (`HJ212_PORT`, `SL651_PORT`); returns the bound ports. */
  async function startFrameListeners(ports: Partial<Record<FrameProtocol, number>>, host?: string) {
    const bound: Partial<Record<FrameProtocol, number>> = {};
    for (const protocol of ['hj212', 'sl651'] as const) {
      const port = ports[protocol];
      if (port === undefined) continue;
      const listener = await frames.listen(protocol, port, { host, logger: kernel.logger });
      if (listener) {
        listeners.push(listener);
        bound[protocol] = listener.port;
      }
    }
    return bound;
  }

  async function stop() {
    for (const l of listeners.splice(0)) await l.close();
    if (rejectTimer) clearInterval(rejectTimer);
    if (warningTimer) clearTimeout(warningTimer);
    await demoFeed.stop();
    await mqtt?.close();
    mqtt = null;
    await writer.drain();
    await engine.settle();
    await ingest.flushRejects();
  }

  return {
    registry,
    alarms,
    engine,
    writer,
    ingest,
    storage,
    warnings,
    queries,
    /** The demo installation's simulated sensors (SIMULATE_SENSORS). */
    demoFeed,
    frames,
    startFrameListeners,
    start,
    startMqtt,
    stop,
    /** Every committed batch of new readings (the live stream). Returns the unsubscribe function. */
    onReadings(listener: (readings: StoredReading[]) => void) {
      readingListeners.add(listener);
      return () => readingListeners.delete(listener);
    },
    get mqtt() {
      return mqtt;
    },
  };
}

export type Sensing = ReturnType<typeof createSensing>;
