// Sensing ingestion: sustained readings/s over HTTP batches and over MQTT (QoS 1, acknowledged after
// storage) with alarm rules on, against COPY into the same table as the ceiling; reading-to-alarm
// latency p99 under load against the reading's own acknowledgement; 10,000 devices connected over
// MQTT against a bare aedes broker. One run, PGlite (on disk) and PostgreSQL. Writes
// bench/results/sensing.json. Never a pass/fail test.
// Run: npx tsx bench/sensing.bench.ts — BENCH_READINGS (per side, 200000), BENCH_DEVICES_CONNECTED
// (10000), BENCH_TRIALS (alarm latency trials, 200), BENCH_DATABASE_URL (PostgreSQL server).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  createKernel,
  type Database,
  newId,
  openDatabase,
  runMigrations,
  startKernel,
  systemActor,
} from '@zhizhi/kernel';
import { rows } from '@zhizhi/kernel/db';
import { type AlarmChange, sensingDevice } from '@zhizhi/sensing';
import { Aedes } from 'aedes';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { createModules, startModules } from '../apps/server/src/modules';
import {
  type BenchResult,
  describeLoad,
  describeMachine,
  envInt,
  formatTable,
  interleave,
  onScratchPostgres,
  ratioSpread,
  resultsFor,
  type Timing,
  timing,
  writeResults,
} from './lib';

const RESULTS_PATH = fileURLToPath(new URL('results/sensing.json', import.meta.url));
const LOAD_PATH = fileURLToPath(new URL('sensing-load.ts', import.meta.url));
const POSTGRES_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const READINGS = envInt('BENCH_READINGS', 200_000);
const CONNECTED = envInt('BENCH_DEVICES_CONNECTED', 10_000);
const TRIALS = envInt('BENCH_TRIALS', 200);
const ROUNDS = 4;
const HTTP_BATCH = 1000;
const HTTP_CONCURRENCY = 8;
const MQTT_BATCH = 100;
const log = (line: string) => console.log(line);

import { connectMany, copyReadings, csvOf, freePort, percentile, stations } from './sensing-setup';

async function benchDatabase(
  database: Database,
  label: string,
  machine: string,
  date: string,
): Promise<BenchResult[]> {
  const figure = resultsFor(label, machine, date);
  await runMigrations(database);
  const kernel = createKernel({ database });
  await startKernel(kernel, { migrate: false });
  const division = (code: string, name: string, level: 'district' | 'town', parentCode: string | null) => ({
    code,
    name,
    level,
    kind: level === 'district' ? '区' : '镇',
    parentCode,
    validFrom: '2016-09-14',
    validTo: null,
    replacedBy: null,
    lng: null,
    lat: null,
    sort: 0,
  });
  await kernel.org.importDivisions(systemActor, [
    division('330213000000', '奉化区', 'district', null),
    division('330213100000', '溪口镇', 'town', '330213000000'),
  ]);
  await kernel.org.createDepartment(systemActor, {
    code: 'slj',
    name: '区水利局',
    nameEn: 'Water',
    divisionCode: '330213000000',
    kind: 'bureau',
  });
  const modules = createModules(kernel);
  await startModules(modules);
  const sensing = modules.sensing;
  await sensing.registry.seed(
    systemActor,
    [{ code: 'water_level', nameZh: '水位', nameEn: 'Water level', unit: 'm' }],
    stations(),
  );
  await sensing.engine.reload();
  const devices = await sensing.registry.listDevices(systemActor);
  const load = devices.filter((d) => /^B-\d+-\d+$/.test(d.code)).map((d) => d.token);
  const alarmTokens = devices.filter((d) => d.code.startsWith('B-ALARM-')).map((d) => d.token);
  // The COPY ceiling writes to series of its own (no rules, no rollups: the bare table).
  const [copySeries] = await rows<{ id: number }>(
    database.db,
    sql`insert into sensing_series (device_id, metric) values (${newId()}, 'copy') returning id`,
  );

  const app = await buildApp({
    kernel,
    modules,
    info: {
      name: 'bench',
      version: 'bench',
      dialect: database.dialect,
      demo: false,
      region: { code: '330213000000', name: '奉化区', nameEn: 'Fenghua' },
    },
    webDist: null,
    rateLimitPerMinute: 1_000_000_000,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const broker = (await sensing.startMqtt({ port: 0, host: '127.0.0.1' }))!;
  const results: BenchResult[] = [];

  // Timestamps never repeat: each side takes the next block of milliseconds of a past day.
  let clockMs = Date.now() - 20 * 86_400_000;
  const take = (n: number) => {
    const from = clockMs;
    clockMs += n;
    return from;
  };

  const copySide = async (n: number): Promise<Timing> => {
    const csv = csvOf(copySeries!.id, take(n), n);
    const start = performance.now();
    await copyReadings(database, csv);
    return timing(n, performance.now() - start);
  };

  // The devices run in a child process, as real ones are elsewhere (bench/sensing-load.ts).
  const tokensFile = join(mkdtempSync(join(tmpdir(), 'zz-bench-')), 'load.json');
  writeFileSync(tokensFile, JSON.stringify(load));
  const loader = spawn(
    process.execPath,
    ['--import', 'tsx', LOAD_PATH, base, String(broker.port), tokensFile],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const replies = createInterface({ input: loader.stdout })[Symbol.asyncIterator]();
  if ((await replies.next()).value !== 'ready') throw new Error('load generator did not start');
  const drive = async (kind: 'http' | 'mqtt', n: number): Promise<Timing> => {
    loader.stdin.write(`${JSON.stringify({ kind, n, from: take(n + HTTP_BATCH) })}\n`);
    const reply = JSON.parse((await replies.next()).value as string) as { ms: number; readings: number };
    return timing(reply.readings, reply.ms);
  };
  const httpSide = (n: number) => drive('http', n);
  const mqttSide = (n: number) => drive('mqtt', n);

  // Warm up each path.
  await copySide(5000);
  await httpSide(5000);
  await mqttSide(5000);

  const http = await interleave(READINGS, ROUNDS, copySide, httpSide);
  log(
    `${label}: HTTP ${Math.round(http.subject.perSecond)}/s vs COPY ${Math.round(http.baseline.perSecond)}/s (${ratioSpread(http)})`,
  );
  results.push(
    figure({
      name: `readings/s, HTTP batches of ${HTTP_BATCH}, ${HTTP_CONCURRENCY} clients, rules on`,
      unit: 'readings/s',
      value: http.subject.perSecond,
      baseline: 'COPY into sensing_reading (CSV, same row count)',
      baselineValue: http.baseline.perSecond,
      target: database.pglite ? '≥ 50,000/s' : '≥ 100,000/s',
    }),
  );
  const mq = await interleave(READINGS, ROUNDS, copySide, mqttSide);
  log(
    `${label}: MQTT ${Math.round(mq.subject.perSecond)}/s vs COPY ${Math.round(mq.baseline.perSecond)}/s (${ratioSpread(mq)})`,
  );
  results.push(
    figure({
      name: `readings/s, MQTT QoS 1 messages of ${MQTT_BATCH}, ${load.length} devices, rules on`,
      unit: 'readings/s',
      value: mq.subject.perSecond,
      baseline: 'COPY into sensing_reading (CSV, same row count)',
      baselineValue: mq.baseline.perSecond,
      target: database.pglite ? '≥ 50,000/s' : '≥ 100,000/s',
    }),
  );

  // Reading-to-alarm latency under a background HTTP load.
  const raised = new Map<string, (at: number) => void>();
  const off = sensing.alarms.onChange((change: AlarmChange) => {
    if (change.kind === 'raised') raised.get(change.alarm.originatorId)?.(performance.now());
  });
  const idOf = new Map(devices.filter((d) => d.code.startsWith('B-ALARM-')).map((d) => [d.token, d.id]));
  let loading = true;
  const background = (async () => {
    while (loading) await httpSide(HTTP_BATCH * HTTP_CONCURRENCY);
  })();
  const alarmLatency: number[] = [];
  const ackLatency: number[] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const token = alarmTokens[trial % alarmTokens.length]!;
    const deviceId = idOf.get(token)!;
    const post = async (value: number) => {
      const t0 = performance.now();
      const response = await fetch(`${base}/api/v1/${token}/telemetry`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ts: Date.now(), values: { water_level: value } }),
      });
      await response.arrayBuffer();
      return { t0, acked: performance.now() };
    };
    const got = new Promise<number>((resolve) => raised.set(deviceId, resolve));
    const { t0, acked } = await post(86.5);
    ackLatency.push(acked - t0);
    alarmLatency.push((await got) - t0);
    raised.delete(deviceId);
    await new Promise((r) => setTimeout(r, 2));
    await post(80); // clears it, ready for the next trial
  }
  loading = false;
  await background;
  off();
  await sensing.engine.settle();
  log(
    `${label}: alarm p50 ${percentile(alarmLatency, 50).toFixed(1)} ms, p99 ${percentile(alarmLatency, 99).toFixed(1)} ms; ack p99 ${percentile(ackLatency, 99).toFixed(1)} ms`,
  );
  results.push(
    figure({
      name: `reading-to-alarm latency p99 (${TRIALS} trials under HTTP load)`,
      unit: 'ms',
      value: percentile(alarmLatency, 99),
      baseline: 'the same reading’s HTTP acknowledgement p99',
      baselineValue: percentile(ackLatency, 99),
      target: '< 1,000 ms',
    }),
  );
  results.push(
    figure({
      name: 'reading-to-alarm latency p50',
      unit: 'ms',
      value: percentile(alarmLatency, 50),
      baseline: 'HTTP acknowledgement p50',
      baselineValue: percentile(ackLatency, 50),
      target: '—',
    }),
  );

  // 10,000 devices connected: tokens issued in bulk, then one connection and one QoS 1 reading each.
  const [{ id: stationId } = { id: '' }] = await rows<{ id: string }>(
    database.db,
    sql`select id from sensing_station where code = 'B-0'`,
  );
  const many: string[] = [];
  for (let start = 0; start < CONNECTED; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, CONNECTED - start) }, (_, k) => {
      const token = randomBytes(15).toString('base64url');
      many.push(token);
      return {
        id: newId(),
        code: `B-MANY-${start + k}`,
        name: `设备${start + k}`,
        stationId,
        protocol: 'json',
        token,
        metrics: ['water_level'],
        createdAt: new Date(),
      };
    });
    await database.db.insert(sensingDevice).values(batch);
  }
  const rssBefore = process.memoryUsage().rss;
  const ts = Date.now();
  const ours = await connectMany(broker.port!, many, ts);
  const rssAfter = process.memoryUsage().rss;
  const connectedNow = broker.connectedClients();
  await sensing.writer.drain();
  const [stored] = await rows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from sensing_reading r join sensing_series s on s.id = r.series_id
         join sensing_device d on d.id = s.device_id where d.code like 'B-MANY-%'`,
  );
  await ours.done();
  // The bare broker: aedes with no authentication, no storage.
  const bare = await Aedes.createBroker();
  const barePort = await freePort();
  const bareServer = createServer(bare.handle as unknown as (s: import('node:net').Socket) => void);
  await new Promise<void>((r) => bareServer.listen(barePort, '127.0.0.1', () => r()));
  const plain = await connectMany(barePort, many, ts);
  await plain.done();
  await new Promise<void>((r) => bareServer.close(() => r()));
  await new Promise<void>((r) => bare.close(() => r()));
  log(
    `${label}: ${ours.report.connected} devices connected (${connectedNow} on the broker at once, ${ours.report.failed} failed, ${ours.report.unacknowledged} unacknowledged) in ${Math.round(ours.report.connectMs)} ms; ${stored!.n} readings stored; broker RSS +${Math.round((rssAfter - rssBefore) / 2 ** 20)} MiB; bare aedes ${Math.round(plain.report.connectMs)} ms`,
  );
  results.push(
    figure({
      name: `${CONNECTED} MQTT devices: connections/s (token checked per device), all connected at once`,
      unit: 'connections/s',
      value: (ours.report.connected * 1000) / ours.report.connectMs,
      baseline: 'bare aedes broker without authentication',
      baselineValue: (plain.report.connected * 1000) / plain.report.connectMs,
      target: `${CONNECTED} connected`,
    }),
  );
  results.push(
    figure({
      name: `${CONNECTED} MQTT devices: one QoS 1 reading each, readings/s to acknowledgement`,
      unit: 'readings/s',
      value: (stored!.n * 1000) / ours.report.publishMs,
      baseline: 'bare aedes broker (publish acknowledged, nothing stored)',
      baselineValue: (plain.report.connected * 1000) / plain.report.publishMs,
      target: '—',
    }),
  );

  loader.stdin.write(`${JSON.stringify({ kind: 'quit' })}\n`);
  await new Promise((r) => loader.once('exit', r));
  rmSync(tokensFile, { force: true });
  await sensing.stop();
  await app.close();
  return results;
}

async function main() {
  const machine = describeMachine();
  const date = new Date().toISOString();
  log(`sensing bench on ${machine}, ${describeLoad()}, ${date}`);
  log(
    `${READINGS} readings per side, ${ROUNDS} rounds, ${CONNECTED} devices connected, ${TRIALS} alarm trials`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'zz-bench-sensing-'));
  const embedded = await openDatabase({ dataDir: dir });
  const results = await benchDatabase(embedded, 'PGlite (on disk)', machine, date).finally(async () => {
    await embedded.close();
    rmSync(dir, { recursive: true, force: true });
  });
  results.push(
    ...(await onScratchPostgres(POSTGRES_URL, 'zhizhi_bench_sensing', (database) =>
      benchDatabase(database, 'PostgreSQL', machine, date),
    )),
  );
  log(formatTable(results));
  writeResults(RESULTS_PATH, results);
  log(
    '\nwrote bench/results/sensing.json. Ratios compare figures from this run only; benchmarks never pass or fail.',
  );
  process.exit(0);
}

await main();
