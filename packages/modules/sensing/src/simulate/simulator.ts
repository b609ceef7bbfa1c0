import type { Kernel } from '@zhizhi/kernel';
import { rows } from '@zhizhi/kernel/db';
import { eq, sql } from 'drizzle-orm';
import type { Ingest } from '../ingest/ingest';
import type { IncomingReading } from '../ingest/payload';
import type { DeviceInfo, Registry } from '../registry/registry';
import { sensingDevice, sensingStation } from '../schema';
import { createScenario, type Scenario, type ScenarioKind, type SimulatedStation } from './curves';

/** A device the simulator speaks for, with what the curves need of its station. */
export interface SimulatedDevice {
  code: string;
  token: string;
  metrics: readonly string[];
  station: SimulatedStation;
}

/** The readings a device would send at time `t` (metrics the scenario cannot model are left out). */
export function readingsAt(scenario: Scenario, device: SimulatedDevice, t: number): IncomingReading[] {
  const out: IncomingReading[] = [];
  for (const metric of device.metrics) {
    const value = scenario.valueAt(device.station, metric, t, device.code);
    if (value !== null) out.push({ metric, ts: t, value });
  }
  return out;
}

/** A scenario that runs for a long time (a live demo, a simulator left on). */
export function liveScenario(kind: ScenarioKind, start: number, seed = 20_260_801): Scenario {
  return createScenario(kind, { start, seed, durationHours: kind === 'typhoon' ? 72 : 24 * 400 });
}

/**
 * The demo's live feed: every minute each demo device "sends" what the normal scenario says,
 * through the same ingestion (storage, rollups, rules, alarms) as a real device. On first start it
 * back-fills the last `historyHours` at 10-minute steps so charts have a history. Only for demo
 * installations (`SIMULATE_SENSORS`); the README says so.
 */
export function createDemoFeed(kernel: Kernel, registry: Registry, ingest: Ingest) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  async function devices(): Promise<(SimulatedDevice & { info: DeviceInfo })[]> {
    const rows = await kernel.db
      .select({
        code: sensingDevice.code,
        token: sensingDevice.token,
        metrics: sensingDevice.metrics,
        stationCode: sensingStation.code,
        kind: sensingStation.kind,
        attributes: sensingStation.attributes,
      })
      .from(sensingDevice)
      .innerJoin(sensingStation, eq(sensingStation.id, sensingDevice.stationId))
      .where(eq(sensingDevice.active, true));
    const out: (SimulatedDevice & { info: DeviceInfo })[] = [];
    for (const r of rows) {
      const info = await registry.deviceByToken(r.token);
      if (info && r.metrics.length)
        out.push({
          code: r.code,
          token: r.token,
          metrics: r.metrics,
          station: { code: r.stationCode, kind: r.kind, attributes: r.attributes },
          info,
        });
    }
    return out;
  }

  async function send(scenario: Scenario, list: Awaited<ReturnType<typeof devices>>, times: number[]) {
    for (const d of list) {
      const readings = times.flatMap((t) => readingsAt(scenario, d, t));
      if (readings.length) await ingest.protocolReadings(d.info, readings);
    }
  }

  /** Starts the feed; returns once the history (if any was needed) is stored. */
  async function start(options: { historyHours?: number; intervalMs?: number; seed?: number } = {}) {
    const historyHours = options.historyHours ?? 24;
    const now = Date.now();
    const scenario = liveScenario('normal', now - (historyHours + 1) * 3_600_000, options.seed);
    const list = await devices();
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(
      kernel.db,
      sql`select count(*)::int as n from (select 1 from sensing_reading limit 1) x`,
    );
    if (n === 0 && historyHours > 0) {
      const step = 10 * 60_000;
      const from = Math.ceil((now - historyHours * 3_600_000) / step) * step;
      const times: number[] = [];
      for (let t = from; t < now; t += step) times.push(t);
      await send(scenario, list, times);
    }
    const tick = () => {
      running ??= send(scenario, list, [Math.floor(Date.now() / 1000) * 1000])
        .catch((error) => kernel.logger?.warn({ err: (error as Error).message }, 'demo sensor feed failed'))
        .finally(() => {
          running = null;
        });
    };
    tick();
    timer = setInterval(tick, options.intervalMs ?? 60_000);
    timer.unref();
  }

  async function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    await running;
  }

  return { start, stop, devices };
}
