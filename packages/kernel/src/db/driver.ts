import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db, Dialect } from './types';

/** An open database: the Drizzle handle plus what is needed to close or inspect it. */
export interface Database {
  db: Db;
  dialect: Dialect;
  /** The PGlite instance, in embedded mode. */
  pglite?: PGlite;
  /** The connection pool, on PostgreSQL. */
  pool?: pg.Pool;
  /** The connection string, on PostgreSQL. */
  url?: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; absent = in memory. */
  dataDir?: string;
  /** PGlite: start from this dump (test fixture cloning). */
  loadDataDir?: Blob;
  /** Pool size on PostgreSQL. */
  poolSize?: number;
}

const INT8 = 20;
const NUMERIC = 1700;

// Both drivers must hand the same JS types to the code above them:
// int8 -> number (counts and sequences stay far below 2^53), numeric -> number.
// Timestamps and dates are left to Drizzle's column mappers (it passes them through as text on both).
const toNumber = (value: string) => (value === null ? null : Number(value));
let pgParsersSet = false;
function setPgParsers() {
  if (pgParsersSet) return;
  pg.types.setTypeParser(INT8, toNumber);
  pg.types.setTypeParser(NUMERIC, toNumber);
  pgParsersSet = true;
}
const pgliteParsers = { [pgliteTypes.INT8]: toNumber, [pgliteTypes.NUMERIC]: toNumber };

/** Opens PostgreSQL when `url` is given, otherwise PGlite (persisted in `dataDir`, or in memory). */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.url) {
    setPgParsers();
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client's network error must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = drizzlePg(pool) as unknown as Db;
    await pool.query('select 1');
    return { db, dialect: 'postgres', pool, url: options.url, close: () => pool.end() };
  }
  let dir: string | undefined;
  if (options.dataDir) {
    dir = join(options.dataDir, 'pg');
    mkdirSync(dir, { recursive: true });
  }
  const pglite = new PGlite({ dataDir: dir, parsers: pgliteParsers, loadDataDir: options.loadDataDir });
  await pglite.waitReady;
  const db = drizzlePglite(pglite) as unknown as Db;
  return { db, dialect: 'pglite', pglite, close: () => pglite.close() };
}
