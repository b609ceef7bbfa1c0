import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConflictError } from '../errors';

/** What the lock file records about its holder. */
export interface DataDirLockHolder {
  pid: number;
  purpose: string;
  port?: number;
  since: string;
}

export interface DataDirLock {
  readonly path: string;
  /** Records the port once the server listens (PORT=0 picks one at listen time). */
  setPort(port: number): void;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Directories this process holds. A lock file naming our own pid that we do not hold is stale
// (a container restarted with the same pid, e.g. pid 1).
const held = new Set<string>();

/** Reads the current holder of `dataDir`, or undefined when free (a dead holder counts as free). */
export function readDataDirLock(dataDir: string): DataDirLockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(join(dataDir, 'zhizhi.lock'), 'utf8')) as DataDirLockHolder;
    if (holder.pid === process.pid) return held.has(resolve(dataDir)) ? holder : undefined;
    return isAlive(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

/**
 * PGlite has no lock of its own: two processes on one directory corrupt it.
 * Take this exclusive lock before opening the embedded database.
 */
export function acquireDataDirLock(dataDir: string, purpose: string, port?: number): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'zhizhi.lock');
  const holder = readDataDirLock(dataDir);
  if (holder) {
    throw new ConflictError(
      'db.data_dir.locked',
      `The embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.purpose}${
        holder.port ? ` on port ${holder.port}` : ''
      }). Stop it first, or use the running server's API.`,
      { pid: holder.pid, purpose: holder.purpose },
    );
  }
  rmSync(path, { force: true }); // stale lock of a dead process
  const fd = openSync(path, 'wx');
  const me: DataDirLockHolder = { pid: process.pid, purpose, port, since: new Date().toISOString() };
  writeSync(fd, JSON.stringify(me));
  closeSync(fd);
  held.add(resolve(dataDir));
  return {
    path,
    setPort: (port) => writeFileSync(path, JSON.stringify({ ...me, port })),
    release: () => {
      held.delete(resolve(dataDir));
      try {
        const current = JSON.parse(readFileSync(path, 'utf8')) as DataDirLockHolder;
        if (current.pid === process.pid) rmSync(path, { force: true });
      } catch {
        // already gone
      }
    },
  };
}
