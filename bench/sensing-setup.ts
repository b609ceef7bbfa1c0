// Building blocks of bench/sensing.bench.ts: the bench stations, COPY (the ceiling), the child
// process that connects many MQTT devices, and small helpers.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '@zhizhi/kernel';
import type { StationSeed } from '@zhizhi/sensing';
import { from as copyFrom } from 'pg-copy-streams';

const CLIENTS_PATH = fileURLToPath(new URL('sensing-clients.ts', import.meta.url));
/** Devices the throughput runs spread their load over (10 stations of 10). */
export const LOAD_DEVICES = 100;

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export function stations(): StationSeed[] {
  const out: StationSeed[] = [];
  for (let s = 0; s < LOAD_DEVICES / 10; s++)
    out.push({
      code: `B-${s}`,
      nameZh: `基准站${s}`,
      nameEn: `Bench ${s}`,
      kind: 'river_section',
      lng: 121.25,
      lat: 29.68,
      divisionCode: '330213100000',
      departmentCode: 'slj',
      attributes: { warning_level: 1000 },
      devices: Array.from({ length: 10 }, (_, d) => ({
        code: `B-${s}-${d}`,
        name: `水位计${s}-${d}`,
        protocol: 'json' as const,
        metrics: ['water_level'],
      })),
      // Rules are on: every reading is checked against 警戒水位 (never crossed by the load).
      rules: [
        {
          code: `B-${s}.warning`,
          nameZh: '超警戒水位',
          nameEn: 'Above warning',
          alarmType: 'water_level.over_warning',
          severity: 'major',
          kind: 'threshold',
          metric: 'water_level',
          op: '>',
          value: 'warning_level',
          durationSeconds: 600,
        },
      ],
    });
  out.push({
    code: 'B-ALARM',
    nameZh: '告警时延站',
    nameEn: 'Alarm latency station',
    kind: 'reservoir',
    lng: 121.25,
    lat: 29.68,
    divisionCode: '330213100000',
    departmentCode: 'slj',
    attributes: { guarantee_level: 86 },
    devices: Array.from({ length: 20 }, (_, d) => ({
      code: `B-ALARM-${d}`,
      name: `水位计${d}`,
      protocol: 'json' as const,
      metrics: ['water_level'],
    })),
    rules: [
      {
        code: 'B-ALARM.guarantee',
        nameZh: '超保证水位',
        nameEn: 'Above guarantee',
        alarmType: 'water_level.over_guarantee',
        severity: 'major',
        kind: 'threshold',
        metric: 'water_level',
        op: '>',
        value: 'guarantee_level',
        hysteresis: 0.1,
      },
    ],
  });
  return out;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The CSV a COPY of `n` readings of one series sends. */
export function csvOf(seriesId: number, from: number, n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++)
    lines.push(`${seriesId},${new Date(from + i).toISOString()},${70 + (i % 100) / 100}`);
  return `${lines.join('\n')}\n`;
}

/** COPY of prepared CSV into sensing_reading (the ceiling). */
export async function copyReadings(database: Database, csv: string): Promise<void> {
  if (database.pglite) {
    await database.pglite.query(
      `copy sensing_reading (series_id, ts, value) from '/dev/blob' with (format csv)`,
      [],
      {
        blob: new Blob([csv]),
      },
    );
    return;
  }
  const client = await database.pool!.connect();
  try {
    await new Promise<void>((resolve, reject) => {
      const stream = client.query(
        copyFrom('copy sensing_reading (series_id, ts, value) from stdin with (format csv)'),
      );
      stream.on('finish', () => resolve());
      stream.on('error', reject);
      stream.end(csv);
    });
  } finally {
    client.release();
  }
}

/** 10,000 MQTT devices connect (in a child process) and each publishes one reading. */
export async function connectMany(port: number, tokens: string[], ts: number) {
  const file = join(mkdtempSync(join(tmpdir(), 'zz-bench-')), 'tokens.json');
  writeFileSync(file, JSON.stringify(tokens));
  const child = spawn(process.execPath, ['--import', 'tsx', CLIENTS_PATH, String(port), file, String(ts)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const report = await new Promise<{
    connected: number;
    failed: number;
    unacknowledged: number;
    connectMs: number;
    publishMs: number;
    rssMiB: number;
  }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(JSON.parse(out));
    });
    child.on('exit', (code) => reject(new Error(`clients exited ${code}`)));
  });
  return {
    report,
    done: async () => {
      const exit = new Promise((r) => child.once('exit', r));
      child.stdin.write('go\n');
      await exit;
      rmSync(file, { force: true });
    },
  };
}
