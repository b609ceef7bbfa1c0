import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor } from '@zhizhi/kernel';
import { type Database, openDatabase, rows, runMigrations } from '@zhizhi/kernel/db';
import { createKernel } from '@zhizhi/kernel/kernel';
import { createTestDatabase } from '@zhizhi/kernel/testing';
import { createSensing } from '@zhizhi/sensing';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

// The CLI as users run it: its bundle (rebuilt by the test run's global setup), tsx only without one.
const bundle = fileURLToPath(new URL('../../cli/dist/zhizhi.mjs', import.meta.url));
const main = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url));
const cli = existsSync(bundle) ? [bundle] : ['--import', 'tsx', main];
const root = fileURLToPath(new URL('../../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** One station and device in a fresh database; returns the device token. */
async function prepare(database: Database): Promise<string> {
  const kernel = createKernel({ database });
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
  await kernel.org.createDepartment(systemActor, {
    code: 'slj',
    name: '区水利局',
    nameEn: 'Water',
    divisionCode: '330213000000',
    kind: 'bureau',
  });
  const sensing = createSensing(kernel);
  await sensing.registry.seed(
    systemActor,
    [{ code: 'water_level', nameZh: '水位', nameEn: 'Water level', unit: 'm' }],
    [
      {
        code: 'CRASH',
        nameZh: '测试水位站',
        nameEn: 'Crash test gauge',
        kind: 'river_section',
        lng: 121.4,
        lat: 29.66,
        divisionCode: '330213000000',
        departmentCode: 'slj',
        attributes: {},
        devices: [{ code: 'CRASH-Z', name: '水位计', protocol: 'json', metrics: ['water_level'] }],
      },
    ],
  );
  const [device] = await sensing.registry.listDevices(systemActor);
  return device!.token;
}

function startServer(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // One process (no tsx CLI wrapper), so SIGKILL hits the server itself.
    const child = spawn(process.execPath, [...cli, 'serve'], {
      cwd: root,
      env: { ...process.env, ...env, LOG_LEVEL: 'warn', DEMO: '0', SIMULATE_SENSORS: '0', MQTT_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('is serving at')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out.slice(-500)}`)));
    setTimeout(() => reject(new Error(`server did not start: ${out.slice(-500)}`)), 60_000);
  });
}

describe('crash: kill -9 during a sustained ingest', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('keeps every acknowledged reading, and the store opens clean', async () => {
    const env: Record<string, string> = { HOST: '127.0.0.1' };
    let reopen: () => Promise<Database>;
    let token: string;
    if (process.env.DATABASE_URL) {
      const database = await createTestDatabase();
      cleanups.push(() => database.close());
      env.DATABASE_URL = database.url!;
      reopen = () => openDatabase({ url: database.url! });
      token = await prepare(database);
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'zhizhi-crash-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env.DATA_DIR = dir;
      reopen = () => openDatabase({ dataDir: dir });
      const database = await reopen();
      await runMigrations(database);
      token = await prepare(database);
      await database.close();
    }
    env.PORT = String(await freePort());
    const child = await startServer(env);
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });

    // Four writers post batches of 200 readings as fast as they are acknowledged.
    const base = Date.now() - 24 * 3_600_000;
    const acked: number[] = [];
    let stop = false;
    let failures = 0;
    const writer = async (w: number) => {
      for (let batch = 0; !stop; batch++) {
        const ts = Array.from({ length: 200 }, (_, i) => base + w * 5_000_000 + batch * 200 + i);
        try {
          const response = await fetch(`http://127.0.0.1:${env.PORT}/api/v1/${token}/telemetry`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(ts.map((t) => ({ ts: t, values: { water_level: 80 + (t % 100) / 100 } }))),
          });
          if (response.status === 200) acked.push(...ts);
          else failures++;
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await new Promise((r) => setTimeout(r, 3000));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    stop = true;
    await Promise.all(writers);
    expect(failures).toBe(0);
    expect(acked.length).toBeGreaterThan(1000);

    const database = await reopen(); // recovery runs here; it must not throw
    cleanups.push(() => database.close());
    const [stored] = await rows<{ n: number; acked: number; m: number }>(
      database.db,
      sql`select count(*)::int as n,
                 count(*) filter (where r.ts = any(${sql.param(acked.map((t) => new Date(t).toISOString()))}::timestamptz[]))::int as acked,
                 (select coalesce(sum(count), 0)::int from sensing_rollup_1m) as m
            from sensing_reading r`,
    );
    expect(stored!.acked).toBe(acked.length); // every acknowledged reading is there
    expect(stored!.m).toBe(stored!.n); // rollups moved in the same transactions as the rows
    // The server starts again on the same store (a dead process's lock is taken over).
    await database.close();
    cleanups.pop();
    const again = await startServer(env);
    const health = await fetch(`http://127.0.0.1:${env.PORT}/readyz`);
    expect(health.status).toBe(200);
    const exit = new Promise((r) => again.once('exit', r));
    again.kill('SIGTERM');
    await exit;
  }, 120_000);
});
