import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock, type Database, openDatabase } from '@zhizhi/kernel';
import { createTestDatabase } from '@zhizhi/kernel/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

describe('zhizhi CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhizhi-cli-'));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'silent' };
  delete env.ZHIZHI_SERVER; // these tests run every command on the local database
  delete env.ZHIZHI_API_KEY;
  let postgres: Database | null = null;

  const run = (...args: string[]) => runCli(env, ...args);

  /** Opens the same database the CLI uses (only while no CLI command runs). */
  async function direct<T>(work: (database: Database) => Promise<T>): Promise<T> {
    if (postgres) return work(postgres);
    const database = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      postgres = await createTestDatabase();
      env.DATABASE_URL = postgres.url!;
    } else {
      delete env.DATABASE_URL;
      env.DATA_DIR = join(dir, 'data');
    }
    const seeded = await run('--json', 'seed', '--scale', '200');
    expect(seeded.code, seeded.stderr).toBe(0);
    const result = JSON.parse(seeded.stdout);
    expect(result.seeded).toBe(true);
    expect(result.credentials.map((c: { username: string }) => c.username)).toContain('admin');
    expect(result.synthetic).toEqual({ citizens: 200, enterprises: 20 });
  }, 120_000);
  afterAll(() => postgres?.close());

  it('verifies an intact audit chain', async () => {
    const verified = await run('--json', 'audit', 'verify');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, problems: [] });
  });

  it('creates a user and resets a password', async () => {
    const added = await run(
      '--json',
      'user',
      'add',
      'zhang.san',
      '--name',
      '张三',
      '--role',
      'auditor@330213000000',
      '--department',
      'sjj',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      username: 'zhang.san',
      roles: [{ roleCode: 'auditor' }],
    });
    const reset = await run('user', 'reset-password', 'zhang.san', '--password', 'new-secret-1');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('zhang.san');
    const missing = await run('user', 'reset-password', 'nobody');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('identity.staff.not_found');
  });

  it('round-trips backup → restore → backup exactly', async () => {
    const first = join(dir, 'first.jsonl');
    const second = join(dir, 'second.jsonl');
    expect((await run('backup', first)).code).toBe(0);
    expect((await run('restore', first)).code).toBe(1); // needs --yes
    expect((await run('restore', first, '--yes')).code).toBe(0);
    expect((await run('backup', second)).code).toBe(0);
    const body = (file: string) => readFileSync(file, 'utf8').split('\n').slice(1).join('\n');
    expect(body(second)).toBe(body(first));
  });

  it('reports a row edited directly in the database, naming it', async () => {
    const seq = await direct(async (database) => {
      const result = (await database.db.execute(
        sql`select max(seq) - 1 as seq from audit_entry`,
      )) as unknown as { rows: { seq: number }[] };
      const target = Number(result.rows[0].seq);
      await database.db.execute(
        sql`update audit_entry set actor_name = 'someone else' where seq = ${target}`,
      );
      return target;
    });
    const verified = await run('--json', 'audit', 'verify');
    expect(verified.code).toBe(2);
    expect(JSON.parse(verified.stdout).problems).toEqual([expect.objectContaining({ seq, kind: 'edited' })]);
    const human = await run('audit', 'verify');
    expect(human.stdout).toContain(`#${seq} edited`);
  });

  it.skipIf(!!process.env.DATABASE_URL)(
    'refuses to open the embedded database while a server holds it',
    async () => {
      const lock = acquireDataDirLock(env.DATA_DIR, 'server', 8080);
      try {
        const refused = await run('audit', 'verify');
        expect(refused.code).toBe(3);
        expect(refused.stderr).toContain('in use by process');
        expect(refused.stderr).toContain('--server http://localhost:8080 --api-key');
        const backup = await run('backup', join(dir, 'locked.jsonl'));
        expect(backup.code).toBe(3);
        expect(backup.stderr).toContain('stop the server first');
        expect(backup.stderr).not.toContain('--server');
      } finally {
        lock.release();
      }
    },
  );
});
