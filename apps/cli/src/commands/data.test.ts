import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalogService } from '@zhizhi/data';
import { createKernel, type Database, openDatabase, startKernel, systemActor } from '@zhizhi/kernel';
import { createTestDatabase } from '@zhizhi/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';

/** `zhizhi data load` on the local database, as an operator runs it. */
describe('zhizhi data load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhizhi-data-cli-'));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'silent' };
  delete env.ZHIZHI_SERVER;
  delete env.ZHIZHI_API_KEY;
  let postgres: Database | null = null;
  let code = '';

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
      const department = await kernel.org.createDepartment(systemActor, {
        code: 'rsj',
        name: '区人社局',
        nameEn: 'HR bureau',
        divisionCode: '330213000000',
        kind: 'bureau',
      });
      const registered = await createCatalogService(kernel).registerResource(systemActor, {
        classificationCode: '301012001',
        name: '社会保险参保人员信息',
        providerDepartmentId: department.id,
        abstract: '本区职工基本养老保险参保人员的参保登记信息。',
        format: '电子表格',
        updateCycle: '每月',
        sharingType: 'unconditional',
        openingType: 'closed',
        items: [
          { code: 'serial', name: '序号', type: 'string', grade: 'L1' },
          { code: 'birth', name: '出生日期', type: 'date', grade: 'L2' },
        ],
      });
      code = registered.code;
    } finally {
      if (!postgres) await database.close();
    }
  }, 120_000);
  afterAll(() => postgres?.close());

  it('loads a CSV with a column mapping and prints the diff and pass rate as JSON', async () => {
    const file = join(dir, 'people.csv');
    writeFileSync(file, '编号,出生日期\n1,1980-01-01\n2,1990-02-30\n');
    const run = await runCli(env, '--json', 'data', 'load', code, file, '--map', '编号=serial');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'done',
      version: 1,
      added: 2,
      sourceLabel: 'people.csv',
    });
  }, 60_000);

  it('says why a load cannot start, with its code, and exits non-zero', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'x,y\n1,2\n');
    const run = await runCli(env, 'data', 'load', code, file);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('data.load.mapping_empty');
  }, 60_000);
});
