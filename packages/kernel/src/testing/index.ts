import { readFileSync } from 'node:fs';
export { createTestKernel, actorFor, takeStep } from './test-kernel';
export { encodeGbk, utf8 } from './encodings';
export {
  cloneTestDatabase,
  createNamedTestDatabase,
  dropTestDatabase,
  listTestDatabases,
} from './template-database';
import pg from 'pg';
import { type Database, openDatabase } from '../db/driver';
import { runMigrations } from '../db/migrate';
import { newId } from '../ids';

let counter = 0;

/**
 * A fresh, migrated database for one test file: a clone of the run's template.
 * PGlite unless DATABASE_URL is set, then a new PostgreSQL database made from the template.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = process.env.ZHIZHI_TEST_TEMPLATE_DB;
    const name = `zt_${process.pid}_${++counter}_${newId().slice(-8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(
        template ? `create database ${name} template ${template}` : `create database ${name}`,
      );
    } finally {
      await admin.end();
    }
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openDatabase({ url: u.toString(), poolSize: 4 });
    if (!template) await runMigrations(database);
    const close = database.close;
    database.close = async () => {
      await close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await cleanup.end();
    };
    return database;
  }
  const dump = process.env.ZHIZHI_TEST_PGLITE_DUMP;
  if (dump) return openDatabase({ loadDataDir: new Blob([readFileSync(dump)]) });
  const database = await openDatabase();
  await runMigrations(database);
  return database;
}
