import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { ConflictError, InputError } from '../errors';
import type { Database } from './driver';
import { rows } from './raw';

/** First line of a backup file. */
export interface BackupHeader {
  format: 'zhizhi-backup';
  version: 1;
  createdAt: string;
  dialect: string;
  /** Applied migrations (a backup restores only into the same schema version or newer). */
  migrations: number;
  tables: { name: string; rows: number }[];
}

const MIGRATIONS_TABLE = 'drizzle.__drizzle_migrations';

async function listTables(database: Database): Promise<string[]> {
  const found = await rows<{ name: string }>(
    database.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return found.map((t) => t.name);
}

async function migrationCount(database: Database): Promise<number> {
  const [r] = await rows<{ n: number }>(
    database.db,
    sql.raw(`select count(*) as n from ${MIGRATIONS_TABLE}`),
  );
  return Number(r.n);
}

const CHUNK = 1000;

/**
 * Logical backup of every table as JSON lines (one jsonb per row, so values round-trip exactly
 * and a backup moves between PGlite and PostgreSQL). Read in one repeatable-read snapshot on PostgreSQL.
 */
export async function backupDatabase(
  database: Database,
  file: string,
  now = new Date(),
): Promise<BackupHeader> {
  const tables = await listTables(database);
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  const header: BackupHeader = {
    format: 'zhizhi-backup',
    version: 1,
    createdAt: now.toISOString(),
    dialect: database.dialect,
    migrations: await migrationCount(database),
    tables: [],
  };
  await database.db.transaction(
    async (tx) => {
      for (const table of tables) {
        const [{ n }] = await rows<{ n: number }>(tx, sql.raw(`select count(*) as n from "${table}"`));
        header.tables.push({ name: table, rows: Number(n) });
      }
      await write(JSON.stringify(header));
      for (const table of tables) {
        // Order by every column's text so the file is deterministic (identical data → identical file).
        for (let offset = 0; ; offset += CHUNK) {
          const batch = await rows<{ r: string }>(
            tx,
            sql.raw(
              `select to_jsonb(t)::text as r from "${table}" t order by to_jsonb(t)::text limit ${CHUNK} offset ${offset}`,
            ),
          );
          for (const b of batch) await write(`${JSON.stringify(table)}\t${b.r}`);
          if (batch.length < CHUNK) break;
        }
      }
    },
    database.dialect === 'postgres'
      ? { isolationLevel: 'repeatable read', accessMode: 'read only' }
      : undefined,
  );
  out.end();
  await once(out, 'finish');
  return header;
}

/** Replaces all data with a backup's, in one transaction; serial sequences continue after the restored maxima. */
export async function restoreDatabase(database: Database, file: string): Promise<BackupHeader> {
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  let header: BackupHeader;
  try {
    header = JSON.parse(first.value ?? '') as BackupHeader;
  } catch {
    throw new InputError('db.backup.invalid', 'Not a Zhizhi backup file.');
  }
  if (header.format !== 'zhizhi-backup' || header.version !== 1)
    throw new InputError('db.backup.invalid', 'Not a Zhizhi backup file (format/version).');
  const current = await migrationCount(database);
  if (header.migrations > current)
    throw new ConflictError(
      'db.backup.newer_schema',
      `The backup has ${header.migrations} migrations; this database has ${current}. Upgrade first.`,
    );
  const tables = new Set(await listTables(database));
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate ${[...tables].map((t) => `"${t}"`).join(', ')}`));
    let table = '';
    let batch: string[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await tx.execute(
        sql`insert into ${sql.identifier(table)} select * from jsonb_populate_recordset(null::${sql.identifier(table)}, ${`[${batch.join(',')}]`}::jsonb)`,
      );
      batch = [];
    };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const tab = next.value.indexOf('\t');
      const name = JSON.parse(next.value.slice(0, tab)) as string;
      if (!tables.has(name))
        throw new InputError(
          'db.backup.unknown_table',
          `The backup has a table this version does not know: ${name}.`,
        );
      if (name !== table || batch.length >= 500) {
        await flush();
        table = name;
      }
      batch.push(next.value.slice(tab + 1));
    }
    await flush();
    const serials = await rows<{ tab: string; col: string; seq: string }>(
      tx,
      sql`select c.table_name as tab, c.column_name as col, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq from information_schema.columns c where c.table_schema = 'public' and c.column_default like 'nextval%'`,
    );
    for (const s of serials) {
      await tx.execute(
        sql.raw(
          `select setval('${s.seq}', coalesce((select max("${s.col}") from "${s.tab}"), 0) + 1, false)`,
        ),
      );
    }
  });
  return header;
}
