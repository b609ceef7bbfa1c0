import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@zhizhi/kernel';
import { createTestDatabase } from '@zhizhi/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliWithInput } from './run-cli';

describe('zhizhi address parse', () => {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'silent' };
  delete env.ZHIZHI_SERVER;
  delete env.ZHIZHI_API_KEY;
  let postgres: Database | null = null;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      postgres = await createTestDatabase();
      env.DATABASE_URL = postgres.url as string;
    } else {
      delete env.DATABASE_URL;
      env.DATA_DIR = join(mkdtempSync(join(tmpdir(), 'zhizhi-address-')), 'data');
    }
    // The region's divisions (with the historic 奉化市, 莼湖镇) are the gazetteer here.
    const seeded = await runCli(env, '--json', 'seed');
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 120_000);
  afterAll(() => postgres?.close());

  it('reads one address per line from stdin and writes one JSON object per line', async () => {
    const input = [
      '\uFEFF奉化市莼湖镇三组十五号',
      '',
      '宁波奉化锦屏南门社区2-1-301 门卫代收',
      '路'.repeat(501),
    ].join('\n');
    const run = await runCliWithInput(env, input, 'address', 'parse');
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);

    const [historic, compact, tooLong] = lines;
    expect(
      historic.elements.map((e: { label: string; normalized: string }) => `${e.label}:${e.normalized}`),
    ).toEqual(['district:奉化区', 'town:莼湖街道', 'village_group:3组', 'roadno:15号']);
    expect(historic.divisionCode).toBe('330213008000');
    expect(historic.standard).toBe('浙江省宁波市奉化区莼湖街道3组15号');
    for (const e of historic.elements) expect(historic.input.slice(e.start, e.end)).toBe(e.value);

    expect(compact.elements.map((e: { label: string }) => e.label)).toEqual([
      'city',
      'district',
      'town',
      'community',
      'houseno',
      'cellno',
      'roomno',
      'otherinfo',
    ]);
    expect(compact.divisionCode).toBe('330213001005');
    expect(tooLong.error.code).toBe('places.address.too_long');
  });
});
