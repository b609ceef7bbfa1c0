import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/driver';
import { runMigrations } from '../db/migrate';

// Migrate once per test run; every test file then clones this template (fast fixture).
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `zhizhi_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const tplUrl = withDatabase(url, template);
    const database = await openDatabase({ url: tplUrl, poolSize: 1 });
    await runMigrations(database);
    await database.close();
    process.env.ZHIZHI_TEST_TEMPLATE_DB = template;
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`).catch(() => {});
      await admin.end();
    };
  }
  const database = await openDatabase();
  await runMigrations(database);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.ZHIZHI_TEST_PGLITE_DUMP = file;
  return async () => rmSync(file, { force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
