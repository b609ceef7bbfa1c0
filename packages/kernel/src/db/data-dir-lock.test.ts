import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, readDataDirLock } from './data-dir-lock';

describe('data directory lock', () => {
  it('refuses a second holder, naming the first, until released', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhizhi-lock-'));
    const lock = acquireDataDirLock(dir, 'server', 8080);
    expect(() => acquireDataDirLock(dir, 'cli migrate')).toThrow(
      expect.objectContaining({ code: 'db.data_dir.locked' }),
    );
    expect(readDataDirLock(dir)).toMatchObject({ pid: process.pid, purpose: 'server', port: 8080 });
    lock.setPort(18080);
    expect(readDataDirLock(dir)?.port).toBe(18080);
    lock.release();
    expect(readDataDirLock(dir)).toBeUndefined();
    acquireDataDirLock(dir, 'cli migrate').release();
  });

  it('takes over a stale lock: a dead process, or our own pid from a previous run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhizhi-lock-'));
    writeFileSync(
      join(dir, 'zhizhi.lock'),
      JSON.stringify({ pid: 2 ** 22 + 7, purpose: 'server', since: '2026-01-01' }),
    );
    acquireDataDirLock(dir, 'server').release();
    writeFileSync(
      join(dir, 'zhizhi.lock'),
      JSON.stringify({ pid: process.pid, purpose: 'server', since: '2026-01-01' }),
    );
    acquireDataDirLock(dir, 'server').release();
  });
});
