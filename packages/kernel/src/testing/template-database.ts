import pg from 'pg';
import { type Database, openDatabase } from '../db/driver';
import { runMigrations } from '../db/migrate';
import { newId } from '../ids';

// PostgreSQL only (DATABASE_URL): named databases that outlive one test file, e.g. a seeded
// template that many files clone. The caller drops them with dropTestDatabase.

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** "source database is being accessed by other users": a closed pool's backends are still exiting. */
const OBJECT_IN_USE = '55006';

function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Named test databases need DATABASE_URL (PostgreSQL).');
  return url;
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`Not a test database name: ${name}`);
  return name;
}

function urlOf(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** `create database name template source`, retried while the source's last connections close. */
async function createFrom(name: string, source: string | undefined) {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin((c) => c.query(`create database ${name}${source ? ` template ${source}` : ''}`));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/**
 * Creates the migrated database `name` (a copy of the run's template when the global setup made
 * one) and returns its URL. It stays until dropTestDatabase.
 */
export async function createNamedTestDatabase(name: string): Promise<string> {
  checkName(name);
  const template = process.env.ZHIZHI_TEST_TEMPLATE_DB;
  await createFrom(name, template);
  if (!template) {
    const database = await openDatabase({ url: urlOf(name), poolSize: 1 });
    try {
      await runMigrations(database);
    } finally {
      await database.close();
    }
  }
  return urlOf(name);
}

/**
 * A fresh database for one test file, cloned from `template` (nobody may be connected to it);
 * dropped on close, like createTestDatabase.
 */
export async function cloneTestDatabase(template: string): Promise<Database> {
  checkName(template);
  const name = `zt_${process.pid}_c_${newId().slice(-8).toLowerCase()}`;
  await createFrom(name, template);
  const database = await openDatabase({ url: urlOf(name), poolSize: 4 });
  const close = database.close;
  database.close = async () => {
    await close();
    await dropTestDatabase(name).catch(() => {});
  };
  return database;
}

/** Drops `name` (closing its connections); nothing happens when it does not exist. */
export async function dropTestDatabase(name: string): Promise<void> {
  checkName(name);
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
}

/** Names of the existing databases starting with `prefix` (for cleaning up after a run). */
export async function listTestDatabases(prefix: string): Promise<string[]> {
  checkName(prefix);
  const { rows } = await admin((c) =>
    c.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [prefix]),
  );
  return rows.map((r) => r.datname);
}
