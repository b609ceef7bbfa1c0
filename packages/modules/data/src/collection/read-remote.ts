import { InputError } from '@zhizhi/kernel/errors';
import pg from 'pg';
import { jsonRowsSource, type SourceRow, scalar, type TabularSource } from './read-file';

/** Why a remote source failed: a stable code, never the remote's own message (it may hold names). */
export class SourceError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export interface HttpSourceOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * Checks a department's endpoint URL: http(s) only, no user or password in it. Returns the
 * label kept on the load (origin and path: the query may carry tokens).
 */
export function httpLabel(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError('data.load.url_invalid', 'The endpoint is not a valid URL.');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new InputError('data.load.url_invalid', 'The endpoint must be an http or https URL.');
  if (parsed.username || parsed.password)
    throw new InputError('data.load.url_credentials', 'Put no user name or password in the URL.');
  return `${parsed.origin}${parsed.pathname}`;
}

/**
 * Whether `host` may be reached by a load: with no allowlist every host may; otherwise the host
 * must equal an entry or end in a `*.suffix` entry's suffix (case-insensitive).
 */
export function hostAllowed(host: string, allowed: readonly string[] | undefined): boolean {
  if (!allowed?.length) return true;
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return allowed.some((entry) => {
    const rule = entry.trim().toLowerCase();
    return rule.startsWith('*.') ? name.endsWith(rule.slice(1)) : name === rule;
  });
}

/** The host name of a load source URL (http(s) or postgres), for the allowlist. */
export function sourceHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Fetches a JSON array (or `{ rows }`) with a time limit and a size cap. */
export async function httpSource(url: string, options: HttpSourceOptions = {}): Promise<TabularSource> {
  const label = httpLabel(url);
  const maxBytes = options.maxBytes ?? 50 * 1024 * 1024;
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      headers: { accept: 'application/json' },
      redirect: 'error',
    });
  } catch (error) {
    throw new SourceError(
      (error as Error).name === 'TimeoutError' ? 'data.load.http_timeout' : 'data.load.http_failed',
    );
  }
  if (!response.ok || !response.body) throw new SourceError('data.load.http_status');
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new SourceError('data.load.too_large');
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > maxBytes) throw new SourceError('data.load.too_large');
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(
      (error as Error).name === 'TimeoutError' ? 'data.load.http_timeout' : 'data.load.http_failed',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new SourceError('data.load.json_invalid');
  }
  try {
    return jsonRowsSource(label, parsed);
  } catch {
    throw new SourceError('data.load.json_shape');
  }
}

const TABLE = /^([a-z_][a-z0-9_]{0,62})\.([a-z_][a-z0-9_]{0,62})$/i;

/** `schema.table`, checked (plain identifiers only), quoted for SQL. */
export function tableName(table: string): { schema: string; table: string; sql: string } {
  const m = TABLE.exec(table.trim());
  if (!m)
    throw new InputError('data.load.table_invalid', 'Give the table as schema.table (letters, digits, _).');
  return { schema: m[1], table: m[2], sql: `"${m[1]}"."${m[2]}"` };
}

/** `host:port/database schema.table` — the label kept on the load, never user or password. */
export function postgresLabel(connectionString: string, table: string): string {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new InputError('data.load.connection_invalid', 'The connection string is not a postgres:// URL.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new InputError('data.load.connection_invalid', 'The connection string is not a postgres:// URL.');
  return `${url.host}${url.pathname} ${tableName(table).schema}.${tableName(table).table}`;
}

/**
 * A table of a department's PostgreSQL database, read through a cursor in batches inside one
 * read-only transaction (a consistent snapshot). The connection string lives only in this
 * closure; errors become codes without the server's message.
 */
export async function postgresSource(
  connectionString: string,
  table: string,
  options: { timeoutMs?: number } = {},
): Promise<TabularSource> {
  const label = postgresLabel(connectionString, table);
  const name = tableName(table);
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: options.timeoutMs ?? 10_000,
    query_timeout: options.timeoutMs ?? 60_000,
  });
  client.on('error', () => {}); // a dropped connection surfaces on the next query
  const fail = async (code: string): Promise<never> => {
    await client.end().catch(() => {});
    throw new SourceError(code);
  };
  await client.connect().catch(() => fail('data.load.pg_connect'));
  let total = 0;
  let columns: string[] = [];
  try {
    await client.query('begin transaction isolation level repeatable read read only');
    const head = await client.query(`select * from ${name.sql} limit 0`);
    columns = head.fields.map((f) => f.name);
    const counted = await client.query<{ n: string }>(`select count(*) as n from ${name.sql}`);
    total = Number(counted.rows[0].n);
    await client.query(`declare zz_load no scroll cursor for select * from ${name.sql}`);
  } catch {
    await fail('data.load.pg_table');
  }
  return {
    label,
    columns,
    total,
    async *batches(size) {
      for (;;) {
        const result = await client
          .query(`fetch ${Math.floor(size)} from zz_load`)
          .catch(() => fail('data.load.pg_read'));
        if (result.rows.length === 0) return;
        yield result.rows.map((row: Record<string, unknown>) => {
          const out: SourceRow = {};
          for (const c of columns) out[c] = scalar(row[c]);
          return out;
        });
      }
    },
    async close() {
      await client.query('rollback').catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
