import { liveScenario, type SimulatedDevice } from '@zhizhi/sensing';
import { describe, expect, it } from 'vitest';
import { createSimulator, messageAt, type TelemetryMessage } from './simulate-loop';

const T0 = Date.UTC(2026, 6, 20, 0, 0, 0);
const reservoir = {
  code: 'T-SK-TX',
  kind: 'reservoir' as const,
  attributes: { flood_limit_level: 78, warning_level: 80, guarantee_level: 83.5, normal_level: 79 },
};
const device = (code: string, metrics: string[]): SimulatedDevice => ({
  code,
  token: `token-${code}`,
  metrics,
  station: reservoir,
});
const devices = [device('Z1', ['water_level']), device('P1', ['rain_1h']), device('O1', ['outflow'])];

/** A wall clock that only moves when the simulator sleeps: runs are instant and exact. */
function fakeClock(start = T0) {
  let now = start;
  const sleep = async (ms: number) => {
    now += ms;
  };
  return { now: () => now, sleep };
}

function recorder() {
  const sent: { device: string; messages: TelemetryMessage[] }[] = [];
  const send = async (d: SimulatedDevice, messages: TelemetryMessage[]) => {
    sent.push({ device: d.code, messages });
  };
  return { sent, send };
}

describe('createSimulator', () => {
  it('sends rate × duration messages round-robin over the devices', async () => {
    const { sent, send } = recorder();
    const scenario = liveScenario('normal', T0);
    const simulator = createSimulator({ devices, scenario, speed: 1, rate: 10, send, ...fakeClock() });
    const stats = await simulator.run({ durationMs: 2000 });
    expect(stats).toMatchObject({ sent: 20, acknowledged: 20, errors: 0, skipped: 0, requests: 20 });
    const perDevice = (code: string) => sent.filter((s) => s.device === code).length;
    expect([perDevice('Z1'), perDevice('P1'), perDevice('O1')]).toEqual([7, 7, 6]);
    // Message k is due k / rate seconds after the start.
    expect(sent.map((s) => s.messages[0].ts - T0)).toEqual(Array.from({ length: 20 }, (_, k) => k * 100));
  });

  it('takes values from the scenario at start + elapsed × speed while stamping wall-clock time', async () => {
    const { sent, send } = recorder();
    const scenario = liveScenario('typhoon', T0 - 7 * 86_400_000);
    const speed = 3600; // one wall second = one scenario hour
    const clock = fakeClock();
    const simulator = createSimulator({ devices, scenario, speed, rate: 2, send, ...clock });
    await simulator.run({ durationMs: 30_000 });
    expect(sent.length).toBe(60);
    for (const { device: code, messages } of sent) {
      const [message] = messages;
      const d = devices.find((x) => x.code === code)!;
      const scenarioTime = scenario.start + (message.ts - T0) * speed;
      expect(message.values).toEqual(messageAt(scenario, d, scenarioTime, 0)!.values);
    }
    const levels = sent.filter((s) => s.device === 'Z1').map((s) => s.messages[0].values.water_level);
    const rain = sent.filter((s) => s.device === 'P1').map((s) => s.messages[0].values.rain_1h);
    expect(new Set(levels).size).toBeGreaterThan(5); // the level moves over 30 scenario hours
    expect(Math.max(...rain)).toBeGreaterThan(10); // the typhoon's rain has started by hour 30
  });

  it('stops by itself when the scenario is over', async () => {
    const { send } = recorder();
    const scenario = liveScenario('typhoon', T0);
    const speed = 72 * 3600; // 72 scenario hours per wall second
    const simulator = createSimulator({ devices, scenario, speed, rate: 20, send, ...fakeClock() });
    const stats = await simulator.run();
    expect(stats.scenarioEnded).toBe(true);
    expect(stats.elapsedMs).toBeGreaterThanOrEqual(1000);
    expect(stats.elapsedMs).toBeLessThan(1100);
    expect(stats.sent).toBe(21);
  });

  it('batches B messages per call per device with strictly increasing timestamps', async () => {
    const { sent, send } = recorder();
    const scenario = liveScenario('normal', T0);
    const one = [devices[0]];
    const simulator = createSimulator({
      devices: one,
      scenario,
      speed: 1,
      rate: 1000,
      batch: 4,
      send,
      ...fakeClock(),
    });
    const stats = await simulator.run({ durationMs: 30 });
    expect(stats.sent).toBe(30);
    expect(sent.map((s) => s.messages.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 2]);
    const ts = sent.flatMap((s) => s.messages.map((m) => m.ts));
    expect(ts.every((t, i) => i === 0 || t > ts[i - 1])).toBe(true);
  });

  it('counts failed sends as errors and keeps the last reason', async () => {
    const scenario = liveScenario('normal', T0);
    const send = async (d: SimulatedDevice) => {
      if (d.code === 'P1') throw new Error('HTTP 401 for P1');
    };
    const simulator = createSimulator({ devices, scenario, speed: 1, rate: 30, send, ...fakeClock() });
    const stats = await simulator.run({ durationMs: 1000 });
    expect(stats).toMatchObject({ sent: 30, acknowledged: 20, errors: 10, lastError: 'HTTP 401 for P1' });
  });

  it('skips what a slow transport cannot take instead of bursting later', async () => {
    const scenario = liveScenario('normal', T0);
    const clock = fakeClock();
    // Each call takes 200 ms of (fake) wall time and only one may be in flight: 5 calls fit in 1 s.
    const send = async () => clock.sleep(200);
    const simulator = createSimulator({
      devices,
      scenario,
      speed: 1,
      rate: 100,
      maxInFlight: 1,
      send,
      ...clock,
    });
    const stats = await simulator.run({ durationMs: 1000 });
    expect(stats.sent).toBe(5);
    // At 600 and 800 ms the backlog (61 − 3, 81 − 12 due) is cut to half a second (50): 8 + 19 skipped.
    expect(stats.skipped).toBe(27);
  });

  it('stops when asked and waits for the messages in flight', async () => {
    const scenario = liveScenario('normal', T0);
    let calls = 0;
    const simulator = createSimulator({
      devices,
      scenario,
      speed: 1,
      rate: 10,
      ...fakeClock(),
      send: async () => {
        if (++calls === 5) simulator.stop();
      },
    });
    const stats = await simulator.run();
    expect(stats).toMatchObject({ sent: 5, acknowledged: 5, scenarioEnded: false });
  });
});
