import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, loadConfig } from '@zhizhi/kernel';
import { createTestDatabase } from '@zhizhi/kernel/testing';
import type { DemoCredential } from '@zhizhi/pack-fenghua';
import { type RunningServer, startServer } from '@zhizhi/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

/** Logs in through the API; returns the cookie and CSRF token of the session. */
async function login(url: string, username: string, password: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { csrfToken: string };
  return {
    status: response.status,
    cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '',
    ...body,
  };
}

/** A local port nobody listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('zhizhi CLI with --server', { timeout: 60_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhizhi-cli-remote-'));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'silent' };
  delete env.ZHIZHI_SERVER;
  delete env.ZHIZHI_API_KEY;
  delete env.DATABASE_URL; // the CLI must not need the database: DATA_DIR below is the server's, locked
  env.DATA_DIR = dataDir;
  let postgres: Database | null = null;
  let server: RunningServer;
  let credentials: DemoCredential[] = [];
  let key = '';

  const remote = (...args: string[]) => runCli(env, '--server', server.url, '--api-key', key, ...args);
  const api = (path: string) =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.json());

  beforeAll(async () => {
    const serverEnv: Record<string, string> = {
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO: '1',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
    };
    if (process.env.DATABASE_URL) {
      postgres = await createTestDatabase();
      serverEnv.DATABASE_URL = postgres.url!;
    }
    server = await startServer(loadConfig(serverEnv), { onDemoSeeded: (r) => (credentials = r.credentials) });
    const admin = credentials.find((c) => c.username === 'admin')!;
    const session = await login(server.url, 'admin', admin.password);
    const created = await fetch(`${server.url}/api/me/api-keys`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
      },
      body: JSON.stringify({ name: 'cli test' }),
    });
    expect(created.status).toBe(201);
    key = ((await created.json()) as { secret: string }).secret;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await postgres?.close();
  });

  it('verifies the audit chain through the API, with options or environment variables', async () => {
    const verified = await remote('--json', 'audit', 'verify');
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, problems: [] });
    const human = await runCli({ ...env, ZHIZHI_SERVER: server.url, ZHIZHI_API_KEY: key }, 'audit', 'verify');
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('Audit chain intact');
  });

  it('creates a user in the server’s department and resets the password', async () => {
    const added = await remote(
      ...['--json', 'user', 'add', 'li.si', '--name', '李四', '--role', 'auditor@330213000000'],
      ...['--department', 'sjj', '--password', 'first-secret-1'],
    );
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ username: 'li.si', roles: [{ roleCode: 'auditor' }] });
    const departments = (await api('/api/org/departments')) as { items: { id: string; code: string }[] };
    const listed = (await api('/api/admin/staff?q=li.si')) as { items: { departmentId: string }[] };
    expect(listed.items).toEqual([
      expect.objectContaining({ departmentId: departments.items.find((d) => d.code === 'sjj')!.id }),
    ]);

    const taken = await remote('user', 'add', 'li.si', '--name', '李四');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/^zhizhi: .+ \(identity\.staff\.username_taken\)\n$/);
    const unknown = await remote('user', 'add', 'wang.wu', '--name', '王五', '--department', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('org.department.not_found');

    const reset = await remote('user', 'reset-password', 'li.si', '--password', 'new-secret-1');
    expect(reset.code, reset.stderr).toBe(0);
    expect((await login(server.url, 'li.si', 'new-secret-1')).status).toBe(200);
    const missing = await remote('--json', 'user', 'reset-password', 'li');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr).error.code).toBe('identity.staff.not_found');
  });

  it('says the API key is missing or invalid when the server answers 401', async () => {
    const wrongKey = ['--server', server.url, '--api-key', 'zz_bogus_key', 'audit', 'verify'];
    const [wrong, json, none] = await Promise.all([
      runCli(env, ...wrongKey),
      runCli(env, '--json', ...wrongKey),
      runCli(env, '--server', server.url, 'audit', 'verify'),
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('API key is missing or invalid');
    expect(wrong.stderr).toContain('(identity.api_key.invalid)');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr).error).toMatchObject({ code: 'identity.api_key.invalid' });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('cli.api_key.missing');
  });

  it('refuses --server for commands that only work locally, and names an unreachable server', async () => {
    const commands = [['backup', join(dataDir, 'x.jsonl')], ['migrate'], ['serve']];
    const refusals = await Promise.all(commands.map((args) => remote(...args)));
    refusals.forEach((refused, i) => {
      expect(refused.code, commands[i][0]).toBe(1);
      expect(refused.stderr).toContain(`\`${commands[i][0]}\` works on the local database only`);
    });
    const nowhere = `http://127.0.0.1:${await closedPort()}`;
    const down = await runCli(env, '--server', nowhere, '--api-key', key, 'audit', 'verify');
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`Cannot reach the server at ${nowhere} (ECONNREFUSED)`);
  });

  it.skipIf(!!process.env.DATABASE_URL)(
    'refuses a local command on the server’s DATA_DIR, pointing to --server',
    async () => {
      const refused = await runCli(env, 'audit', 'verify');
      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain('in use by process');
      expect(refused.stderr).toContain('--server http://localhost:');
    },
  );
});
