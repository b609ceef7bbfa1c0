// Child process of bench/sensing.bench.ts: opens one MQTT connection per token (its own process, so
// 10,000 client sockets and the broker's 10,000 do not share one file-descriptor limit), publishes
// one QoS 1 reading from each, and reports on stdout as JSON.
// Args: <port> <tokens file> <ts>
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import mqtt from 'mqtt';

const [port, file, tsArg] = process.argv.slice(2);
const tokens = JSON.parse(readFileSync(file!, 'utf8')) as string[];
const ts = Number(tsArg);
const WAVE = 250;
/** A client the broker never answered (e.g. closed before CONNACK) must not hang the run. */
const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

const clients: mqtt.MqttClient[] = [];
const start = performance.now();
let failed = 0;
for (let i = 0; i < tokens.length; i += WAVE) {
  const wave = tokens.slice(i, i + WAVE);
  const connected = await Promise.all(
    wave.map((token) =>
      within(
        mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
          username: token,
          reconnectPeriod: 0,
          keepalive: 600,
        }),
        60_000,
      ).catch(() => {
        failed++;
        return null;
      }),
    ),
  );
  for (const c of connected) if (c) clients.push(c);
}
const connectMs = performance.now() - start;
const publishStart = performance.now();
let unacknowledged = 0;
await Promise.all(
  clients.map((c, i) =>
    within(
      c.publishAsync(
        'v1/devices/me/telemetry',
        JSON.stringify({ ts, values: { water_level: 70 + (i % 100) / 100 } }),
        {
          qos: 1,
        },
      ),
      60_000,
    ).catch(() => {
      unacknowledged++;
    }),
  ),
);
const publishMs = performance.now() - publishStart;
process.stdout.write(
  `${JSON.stringify({ connected: clients.length, failed, unacknowledged, connectMs, publishMs, rssMiB: process.memoryUsage().rss / 2 ** 20 })}\n`,
);
// Stay connected until told to go (the parent measures the broker side meanwhile).
process.stdin.once('data', async () => {
  await Promise.all(clients.map((c) => c.endAsync(true)));
  process.exit(0);
});
