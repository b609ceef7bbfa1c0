// Child process of bench/sensing.bench.ts: the devices. Runs the HTTP and MQTT load in its own
// process (as real devices are elsewhere), so the server's figures are not paid for by the client's
// JSON building. Line protocol on stdin/stdout:
//   in:  {"kind":"http"|"mqtt","n":…,"from":…}   out: {"ms":…,"readings":…}
// Args: <http base url> <mqtt port> <tokens file>
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import mqtt from 'mqtt';

const [base, mqttPort, file] = process.argv.slice(2);
const tokens = JSON.parse(readFileSync(file!, 'utf8')) as string[];
const HTTP_BATCH = 1000;
const HTTP_CONCURRENCY = 8;
const MQTT_BATCH = 100;
const MQTT_WINDOW = 4;

const entries = (t0: number, n: number) => {
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = { ts: t0 + i, values: { water_level: 70 + (i % 100) / 100 } };
  return JSON.stringify(out);
};

async function http(n: number, from: number) {
  const requests = Math.ceil(n / HTTP_BATCH);
  const bodies = Array.from({ length: requests }, (_, r) => entries(from + r * HTTP_BATCH, HTTP_BATCH));
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: HTTP_CONCURRENCY }, async () => {
      for (let r = next++; r < requests; r = next++) {
        const response = await fetch(`${base}/api/v1/${tokens[r % tokens.length]}/telemetry`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: bodies[r],
        });
        if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
      }
    }),
  );
  return { ms: performance.now() - start, readings: requests * HTTP_BATCH };
}

const clients = await Promise.all(
  tokens.map((token) =>
    mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort}`, { username: token, reconnectPeriod: 0 }),
  ),
);

async function viaMqtt(n: number, from: number) {
  const messages = Math.ceil(n / MQTT_BATCH);
  const payloads = Array.from({ length: messages }, (_, m) => entries(from + m * MQTT_BATCH, MQTT_BATCH));
  let next = 0;
  const start = performance.now();
  await Promise.all(
    clients.flatMap((client) =>
      Array.from({ length: MQTT_WINDOW }, async () => {
        for (let m = next++; m < messages; m = next++)
          await client.publishAsync('v1/devices/me/telemetry', payloads[m]!, { qos: 1 });
      }),
    ),
  );
  return { ms: performance.now() - start, readings: messages * MQTT_BATCH };
}

process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const { kind, n, from } = JSON.parse(line) as { kind: 'http' | 'mqtt' | 'quit'; n: number; from: number };
  if (kind === 'quit') break;
  const result = kind === 'http' ? await http(n, from) : await viaMqtt(n, from);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
await Promise.all(clients.map((c) => c.endAsync(true)));
process.exit(0);
