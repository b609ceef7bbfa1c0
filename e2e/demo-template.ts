import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@zhizhi/kernel';
import { createNamedTestDatabase, dropTestDatabase } from '@zhizhi/kernel/testing';
import type { DemoCredential } from '@zhizhi/pack-fenghua';
import { startServer } from '@zhizhi/server';
import { DATABASE_PREFIX, TEMPLATE_DIR_ENV, TEMPLATE_TAG_ENV } from './global-setup';

/**
 * The Fenghua demo, seeded once per test run and database kind, that every e2e file copies instead
 * of seeding its own (15–28 s each). The run's directory comes from the e2e global setup
 * (e2e/global-setup.ts), which also removes it, and the PostgreSQL templates, at the end of the run.
 */
export interface DemoTemplate {
  /** The seeded server's DATA_DIR (embedded database, and whatever else the server keeps there). */
  dataDir: string;
  /** The accounts printed at the first seed. */
  credentials: DemoCredential[];
  /** PostgreSQL: the seeded database to clone (nobody stays connected to it). */
  database?: string;
}

const repo = fileURLToPath(new URL('..', import.meta.url));
const WAIT_MS = 250;
const WAIT_LIMIT_MS = 5 * 60_000;

/**
 * The run's demo template for this database kind, built on first use. Null outside a run that
 * set it up (then the caller seeds its own demo, as before).
 */
export async function demoTemplate(): Promise<DemoTemplate | null> {
  const root = process.env[TEMPLATE_DIR_ENV];
  const tag = process.env[TEMPLATE_TAG_ENV];
  if (!root || !tag) return null;
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const hash = sourceHash();
  const final = join(root, `${kind}-${hash}`);
  const lock = `${final}.lock`;
  // One name per builder: a builder that loses a race drops only its own database.
  const database = kind === 'postgres' ? `${DATABASE_PREFIX}${tag}_${hash}_${process.pid}` : null;
  mkdirSync(root, { recursive: true });
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const ready = readTemplate(final);
    if (ready) return ready;
    if (takeLock(lock)) {
      try {
        if (!readTemplate(final)) await build(final, database);
      } finally {
        rmSync(lock, { force: true });
      }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`The e2e demo template in ${final} was not ready in time.`);
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
}

function readTemplate(dir: string): DemoTemplate | null {
  const file = join(dir, 'template.json');
  if (!existsSync(file)) return null;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Omit<DemoTemplate, 'dataDir'>;
  return { ...saved, dataDir: join(dir, 'data') };
}

/**
 * Another worker may be building: the lock names its pid (written before the lock appears, by a
 * hard link, so it is never read empty); a dead holder's lock is removed and taken next round.
 */
function takeLock(path: string): boolean {
  const mine = `${path}.${process.pid}`;
  writeFileSync(mine, String(process.pid));
  try {
    linkSync(mine, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(mine, { force: true });
  }
  let holder: number;
  try {
    holder = Number(readFileSync(path, 'utf8'));
  } catch {
    return false; // released meanwhile
  }
  if (!Number.isInteger(holder) || !isAlive(holder)) rmSync(path, { force: true });
  return false;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Starts a demo server exactly as startDemoServer used to (so the seed, the sensor history and the
 * first jobs are the same), stops it, and publishes the directory only once it is complete.
 */
async function build(final: string, database: string | null) {
  const work = `${final}.building-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  const dataDir = join(work, 'data');
  mkdirSync(dataDir, { recursive: true });
  try {
    const env: Record<string, string> = {
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO: '1',
      LOG_LEVEL: 'silent',
      MQTT_PORT: '0',
      DATA_DIR: dataDir,
    };
    if (database) {
      await dropTestDatabase(database); // this process's build that died half-way
      env.DATABASE_URL = await createNamedTestDatabase(database);
    }
    let credentials: DemoCredential[] = [];
    const server = await startServer(loadConfig(env), { onDemoSeeded: (r) => (credentials = r.credentials) });
    await server.close();
    if (!credentials.some((c) => c.username === 'admin'))
      throw new Error('The e2e demo template was not seeded (no admin account was printed).');
    const saved: Omit<DemoTemplate, 'dataDir'> = { credentials, ...(database ? { database } : {}) };
    const fd = openSync(join(work, 'template.json'), 'wx');
    writeSync(fd, JSON.stringify(saved));
    closeSync(fd);
    try {
      renameSync(work, final);
    } catch (error) {
      // Another builder (one that took over a lock it thought stale) published first: use theirs.
      if (!readTemplate(final)) throw error;
      rmSync(work, { recursive: true, force: true });
      if (database) await dropTestDatabase(database);
    }
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    if (database) await dropTestDatabase(database).catch(() => {});
    throw error;
  }
}

const HASHED = ['migrations', 'packages/packs/fenghua'];
const SKIPPED = new Set(['node_modules', 'dist']);

let hashed: string | undefined;

/**
 * What the template is keyed by: the migrations, the demo pack and the PGlite version (its data
 * directory format); 12 hex digits. A template lives for one run only (the global setup removes
 * it), so the key only has to notice a seed or schema change made while the run goes on.
 */
export function sourceHash(): string {
  if (hashed) return hashed;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(path);
      } else if (!/\.(test\.ts|md)$/.test(entry.name)) {
        hash.update(relative(repo, path)).update('\0').update(readFileSync(path)).update('\0');
      }
    }
  };
  for (const dir of HASHED) walk(join(repo, dir));
  const pglite = join(repo, 'node_modules/@electric-sql/pglite/package.json');
  if (existsSync(pglite)) hash.update(JSON.parse(readFileSync(pglite, 'utf8')).version);
  hashed = hash.digest('hex').slice(0, 12);
  return hashed;
}
