import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@zhizhi/kernel';
import { createTestDatabase } from '@zhizhi/kernel/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startServer } from './server';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const embedded = !process.env.DATABASE_URL;

describe('server lifecycle', () => {
  it.runIf(embedded)(
    'locks DATA_DIR, opens psql access on request, and releases everything on close',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'zhizhi-server-'));
      const socketPort = await freePort();
      const config = loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        PG_SOCKET_PORT: String(socketPort),
      });
      const server = await startServer(config, { webDist: null, background: false });
      try {
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
        await expect(
          startServer({ ...config, PG_SOCKET_PORT: undefined }, { webDist: null }),
        ).rejects.toMatchObject({ code: 'db.data_dir.locked' });
        const client = new pg.Client({
          host: '127.0.0.1',
          port: socketPort,
          user: 'postgres',
          database: 'postgres',
        });
        await client.connect();
        const result = await client.query('select count(*)::int as n from identity_role where builtin');
        expect(result.rows[0].n).toBeGreaterThan(0);
        await client.end();
      } finally {
        await server.close();
      }
      // The lock is gone: a second server can start on the same directory and sees the same data.
      const again = await startServer(
        { ...config, PG_SOCKET_PORT: undefined },
        { webDist: null, background: false },
      );
      expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
      await again.close();
    },
    60_000,
  );

  it.runIf(!embedded)(
    'serves on PostgreSQL and reports ready',
    async () => {
      const database = await createTestDatabase();
      try {
        const config = loadConfig({
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_URL: database.url,
          LOG_LEVEL: 'silent',
        });
        const server = await startServer(config, { webDist: null, background: false });
        expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
        const info = await (await fetch(`${server.url}/api/system/info`)).json();
        expect(info.dialect).toBe('postgres');
        await server.close();
      } finally {
        await database.close();
      }
    },
    60_000,
  );

  it('answers readiness 503 while shutting down', async () => {
    const database = embedded ? null : await createTestDatabase();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'zhizhi-server-')),
      DATABASE_URL: database?.url,
      LOG_LEVEL: 'silent',
    });
    const server = await startServer(config, { webDist: null, background: false });
    server.app.state.shuttingDown = true;
    const response = await server.app.inject('/readyz');
    expect(response.statusCode).toBe(503);
    await server.close();
    await database?.close();
  }, 60_000);

  it('listens on IPv6 and IPv4 at once by default (plan S26)', async () => {
    const database = embedded ? null : await createTestDatabase();
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'zhizhi-server-')),
      DATABASE_URL: database?.url,
      LOG_LEVEL: 'silent',
    });
    expect(config.HOST).toBe('::');
    const server = await startServer(config, { webDist: null, background: false });
    try {
      const port = (server.app.server.address() as { port: number }).port;
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      if (
        server.app.server.address() &&
        (server.app.server.address() as { family: string }).family === 'IPv6'
      ) {
        expect((await fetch(`http://[::1]:${port}/healthz`)).status).toBe(200);
      }
    } finally {
      await server.close();
      await database?.close();
    }
  }, 60_000);
});
