import { readingsAt, type Scenario, type SimulatedDevice } from '@zhizhi/sensing';

/** One device message as ThingsBoard devices send it: all metrics at one timestamp. */
export interface TelemetryMessage {
  /** Epoch ms: wall-clock time of sending, so the platform treats the reading as live. */
  ts: number;
  values: Record<string, number>;
}

/** The transport: resolves once the platform acknowledged the messages (HTTP 200, MQTT PUBACK). */
export type SendTelemetry = (device: SimulatedDevice, messages: TelemetryMessage[]) => Promise<void>;

/** Counters of a run, in messages (one message = one device at one timestamp). */
export interface SimulatorStats {
  /** Handed to the transport. */
  sent: number;
  acknowledged: number;
  /** Messages whose request failed or was refused. */
  errors: number;
  /** Not generated because the transport fell more than 0.5 s behind the rate. */
  skipped: number;
  /** Transport calls (requests or publishes); fewer than `sent` when batching. */
  requests: number;
  lastError: string | null;
  /** Wall time since the run started, ms. */
  elapsedMs: number;
  /** Where the scenario is, epoch ms of scenario time. */
  scenarioTime: number;
  /** True when the run stopped because the scenario is over. */
  scenarioEnded: boolean;
}

export interface CreateSimulatorOptions {
  devices: readonly SimulatedDevice[];
  scenario: Scenario;
  /** Scenario ms per wall ms (120: a 72-hour typhoon in 36 minutes). */
  speed: number;
  /** Messages per second across all devices. */
  rate: number;
  send: SendTelemetry;
  /** Messages per transport call per device (default 1). */
  batch?: number;
  /** Transport calls allowed in flight at once (default 256). */
  maxInFlight?: number;
  /** Wall clock and sleep, replaceable in tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The message a device sends at scenario time `t`, or null when the scenario models none of its metrics. */
export function messageAt(scenario: Scenario, device: SimulatedDevice, t: number, ts: number) {
  const readings = readingsAt(scenario, device, t);
  if (!readings.length) return null;
  const values: Record<string, number> = {};
  for (const r of readings) values[r.metric] = r.value;
  return { ts, values } satisfies TelemetryMessage;
}

/**
 * A paced sensor simulator: message k is due `k / rate` seconds after the start and goes to device
 * `k mod n`, so each device reports every `n / rate` seconds. Values come from the scenario at
 * `start + elapsed × speed`; the timestamp sent is the wall clock. Reusable by benchmarks.
 */
export function createSimulator(options: CreateSimulatorOptions) {
  const { devices, scenario, speed, rate, send } = options;
  const batch = Math.max(1, Math.floor(options.batch ?? 1));
  const maxInFlight = options.maxInFlight ?? 256;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const stats: SimulatorStats = {
    sent: 0,
    acknowledged: 0,
    errors: 0,
    skipped: 0,
    requests: 0,
    lastError: null,
    elapsedMs: 0,
    scenarioTime: scenario.start,
    scenarioEnded: false,
  };
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let wake: (() => void) | null = null;

  function dispatch(device: SimulatedDevice, messages: TelemetryMessage[]) {
    stats.sent += messages.length;
    stats.requests++;
    const pending = send(device, messages).then(
      () => {
        stats.acknowledged += messages.length;
      },
      (error: unknown) => {
        stats.errors += messages.length;
        stats.lastError = error instanceof Error ? error.message : String(error);
      },
    );
    inFlight.add(pending);
    void pending.finally(() => inFlight.delete(pending));
  }

  /** Runs until `durationMs` of wall time has passed, `stop()` is called or the scenario ends. */
  async function run(runOptions: { durationMs?: number } = {}): Promise<SimulatorStats> {
    if (!devices.length || !(rate > 0) || !(speed > 0)) return { ...stats };
    const started = now();
    const buffers = devices.map((): TelemetryMessage[] => []);
    const lastTs = devices.map(() => 0);
    let next = 0; // index of the next message due
    const flush = (i: number) => {
      if (buffers[i].length) dispatch(devices[i], buffers[i].splice(0));
    };
    while (!stopped) {
      const wall = now();
      stats.elapsedMs = wall - started;
      if (runOptions.durationMs !== undefined && stats.elapsedMs >= runOptions.durationMs) break;
      stats.scenarioTime = scenario.start + stats.elapsedMs * speed;
      if (stats.scenarioTime > scenario.end) {
        stats.scenarioEnded = true;
        break;
      }
      const due = Math.floor((stats.elapsedMs * rate) / 1000) + 1;
      // A transport that cannot keep up must not cause a burst later: lag beyond 0.5 s is dropped
      // (less would drop messages at start-up, while the first connections open).
      const behind = due - next - Math.max(1, Math.ceil(rate / 2));
      if (behind > 0) {
        stats.skipped += behind;
        next += behind;
      }
      while (next < due && inFlight.size < maxInFlight) {
        const i = next % devices.length;
        next++;
        const ts = Math.max(wall, lastTs[i] + 1); // a device never sends two messages with one timestamp
        const message = messageAt(scenario, devices[i], stats.scenarioTime, ts);
        if (!message) continue;
        lastTs[i] = ts;
        buffers[i].push(message);
        if (buffers[i].length >= batch) flush(i);
      }
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
      else {
        const untilNext = Math.ceil(started + (next * 1000) / rate - now());
        await Promise.race([
          sleep(Math.min(50, Math.max(1, untilNext))),
          new Promise<void>((resolve) => {
            wake = resolve;
          }),
        ]);
        wake = null;
      }
    }
    for (let i = 0; i < devices.length; i++) flush(i);
    await Promise.allSettled([...inFlight]);
    stats.elapsedMs = now() - started;
    return { ...stats };
  }

  return {
    run,
    /** Ends the run: no new messages; the run resolves once those in flight are answered. */
    stop() {
      stopped = true;
      wake?.();
    },
    /** A snapshot of the counters (for progress lines). */
    stats: (): SimulatorStats => ({ ...stats }),
  };
}

export type Simulator = ReturnType<typeof createSimulator>;
