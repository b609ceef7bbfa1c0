import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acquireDataDirLock,
  createKernel,
  type Database,
  type Kernel,
  openDatabase,
  startKernel,
  systemActor,
} from '@zhizhi/kernel';
import { rows } from '@zhizhi/kernel/db';
import { createTestDatabase } from '@zhizhi/kernel/testing';
import { createTestApp } from '@zhizhi/server/testing';
import { createSensing, type MetricSeed, type StationSeed } from '@zhizhi/sensing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import type { DeviceListing } from './sensing-devices';

const metrics: MetricSeed[] = [
  { code: 'water_level', nameZh: '水位', nameEn: 'Water level', unit: 'm' },
  { code: 'rain_1h', nameZh: '1小时降雨量', nameEn: 'Hourly rain', unit: 'mm' },
];
const tingxia: StationSeed = {
  code: 'T-SK-TX',
  nameZh: '亭下水库',
  nameEn: 'Tingxia Reservoir',
  kind: 'reservoir',
  lng: 121.21,
  lat: 29.68,
  divisionCode: '330213100000',
  departmentCode: 'slj',
  attributes: { flood_limit_level: 78, warning_level: 80, guarantee_level: 83.5 },
  devices: [
    { code: 'T-SK-TX-Z', name: '坝前水位计', protocol: 'json', metrics: ['water_level'] },
    { code: 'T-SK-TX-P', name: '坝址雨量计', protocol: 'json', metrics: ['rain_1h'] },
    { code: 'T-SK-TX-V', name: '坝顶视频', protocol: 'json', metrics: [] },
  ],
};

/** The 水利局 and 亭下水库 with three devices (one without metrics). */
async function seedTingxia(kernel: Kernel) {
  await kernel.org.createDepartment(systemActor, {
    code: 'slj',
    name: '区水利局',
    nameEn: 'Water Resources Bureau',
    divisionCode: '330213000000',
    kind: 'bureau',
  });
  await createSensing(kernel).registry.seed(systemActor, metrics, [tingxia]);
}

const cliEnv = () => {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'silent' };
  delete env.ZHIZHI_SERVER;
  delete env.ZHIZHI_API_KEY;
  return env;
};

describe('zhizhi device list (local database)', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhizhi-sensing-cli-'));
  const env = cliEnv();
  let postgres: Database | null = null;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      postgres = await createTestDatabase();
      env.DATABASE_URL = postgres.url!;
    } else {
      delete env.DATABASE_URL;
      env.DATA_DIR = join(dir, 'data');
    }
    const database = postgres ?? (await openDatabase({ dataDir: env.DATA_DIR }));
    try {
      const kernel = createKernel({ database });
      await startKernel(kernel);
      await kernel.org.importDivisions(systemActor, [
        {
          code: '330213000000',
          name: '奉化区',
          level: 'district',
          kind: '区',
          parentCode: null,
          validFrom: '2016-09-14',
          validTo: null,
          replacedBy: null,
          lng: null,
          lat: null,
          sort: 0,
        },
      ]);
      await seedTingxia(kernel);
    } finally {
      if (!postgres) await database.close();
    }
  }, 120_000);
  afterAll(() => postgres?.close());

  it('prints devices with tokens, station kind and attributes as JSON, and a table with station names', async () => {
    // One after the other: each run takes the DATA_DIR lock.
    const json = await runCli(env, '--json', 'device', 'list');
    const human = await runCli(env, 'device', 'list');
    expect(json.code, json.stderr).toBe(0);
    const devices = JSON.parse(json.stdout) as DeviceListing[];
    expect(devices.map((d) => d.code)).toEqual(['T-SK-TX-P', 'T-SK-TX-V', 'T-SK-TX-Z']);
    expect(devices[2]).toEqual({
      code: 'T-SK-TX-Z',
      name: '坝前水位计',
      stationCode: 'T-SK-TX',
      stationName: '亭下水库',
      protocol: 'json',
      protocolAddress: null,
      token: expect.stringMatching(/^[A-Za-z0-9_-]{20}$/),
      metrics: ['water_level'],
      lastSeenAt: null,
      stationKind: 'reservoir',
      stationAttributes: tingxia.attributes,
    });
    expect(new Set(devices.map((d) => d.token)).size).toBe(3);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('亭下水库 (T-SK-TX)');
    expect(human.stdout).toContain(devices[0].token);
  });

  it.skipIf(!!process.env.DATABASE_URL)(
    'refuses to read devices while a server holds the embedded database, pointing to --server',
    async () => {
      const lock = acquireDataDirLock(env.DATA_DIR, 'server', 18_080);
      try {
        const args = ['simulate', 'sensors', '--devices', '1', '--rate', '1', '--http', 'http://127.0.0.1:9'];
        const refused = await runCli(env, ...args);
        expect(refused.code).toBe(3);
        expect(refused.stderr).toContain('--server http://localhost:18080');
      } finally {
        lock.release();
      }
    },
  );
});

describe('zhizhi simulate sensors (against a running server)', { timeout: 90_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhizhi-simulate-'));
  const env = cliEnv();
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let url = '';
  let key = '';

  const readings = async () =>
    (await rows<{ n: number }>(t.kernel.db, sql`select count(*)::int as n from sensing_reading`))[0].n;

  beforeAll(async () => {
    t = await createTestApp({ rateLimitPerMinute: 100_000 });
    t.clock.set(new Date());
    await seedTingxia(t.kernel);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/me/api-keys',
      headers: await t.login(),
      payload: { name: 'simulator test' },
    });
    expect(created.statusCode, created.body).toBe(201);
    key = created.json().secret as string;
  }, 120_000);
  afterAll(() => t?.close());

  it('sends readings over HTTP for devices listed by the server; the server stores every one', async () => {
    const before = await readings();
    const run = await runCli(
      env,
      ...['--json', '--server', url, '--api-key', key, 'simulate', 'sensors', '--devices', '5'],
      ...['--rate', '10', '--duration', '2', '--scenario', 'typhoon', '--speed', '600'],
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Only 2 device(s) have metrics; simulating 2.');
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ devices: 2, scenario: 'typhoon', errors: 0 });
    expect(summary.acknowledged).toBe(summary.sent);
    // 10/s for 2 s; a start-up stall on a loaded machine may skip a few, never add any.
    expect(summary.sent + summary.skipped).toBeGreaterThanOrEqual(18);
    expect(summary.sent + summary.skipped).toBeLessThanOrEqual(21);
    expect(summary.sent).toBeGreaterThanOrEqual(10);
    // One metric per device here, so one stored reading per acknowledged message.
    expect((await readings()) - before).toBe(summary.acknowledged);
  });

  it('sends readings over MQTT for the devices in a tokens file', async () => {
    const mqtt = await t.modules.sensing.startMqtt({ port: 0, host: '127.0.0.1' });
    const listed = await createSensing(t.kernel).registry.listDevices(systemActor);
    const file = join(dir, 'tokens.json');
    const attributes = tingxia.attributes;
    const entries = listed.map((d) => ({ ...d, stationKind: 'reservoir', stationAttributes: attributes }));
    writeFileSync(file, JSON.stringify(entries));
    const before = await readings();
    const run = await runCli(
      env,
      ...['--json', 'simulate', 'sensors', '--devices', '2', '--rate', '10', '--duration', '2'],
      ...['--tokens', file, '--mqtt', `mqtt://127.0.0.1:${mqtt!.port}`, '--qos', '1'],
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ devices: 2, errors: 0 });
    expect(summary.acknowledged).toBe(summary.sent);
    expect(summary.sent + summary.skipped).toBeGreaterThanOrEqual(18);
    expect(summary.sent).toBeGreaterThanOrEqual(10);
    expect((await readings()) - before).toBe(summary.acknowledged);
  });

  it('refuses a tokens file without station kinds when no API key is given', async () => {
    const file = join(dir, 'bare.json');
    writeFileSync(
      file,
      JSON.stringify([{ code: 'X1', token: 'abc', stationCode: 'T-SK-TX', metrics: ['rain_1h'] }]),
    );
    const run = await runCli(
      env,
      'simulate',
      'sensors',
      '--devices',
      '1',
      '--rate',
      '1',
      '--tokens',
      file,
      '--http',
      url,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cli.simulate.station_unknown');
  });
});
