import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, loadConfig } from '@zhizhi/kernel';
import { createTestDatabase } from '@zhizhi/kernel/testing';
import type { DemoCredential } from '@zhizhi/pack-fenghua';
import { type RunningServer, startServer } from '@zhizhi/server';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const screenshotDir = fileURLToPath(new URL('../.tmp/screenshots', import.meta.url));

/** A real server on a free port with the Fenghua demo seeded (PGlite in a temp dir, or a fresh PostgreSQL database). */
export async function startDemoServer() {
  let postgres: Database | null = null;
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO: '1',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'zhizhi-e2e-')),
  };
  if (process.env.DATABASE_URL) {
    postgres = await createTestDatabase();
    env.DATABASE_URL = postgres.url!;
  }
  let credentials: DemoCredential[] = [];
  const server: RunningServer = await startServer(loadConfig(env), {
    onDemoSeeded: (r) => (credentials = r.credentials),
  });
  const password = (username: string) => credentials.find((c) => c.username === username)!.password;
  return {
    server,
    url: server.url,
    password,
    async close() {
      await server.close();
      await postgres?.close();
    },
  };
}

/** Debian's Chromium, headless, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Logs a staff member in on a new page (desktop, zh-CN unless the options say otherwise). */
export async function signIn(
  browser: Browser,
  url: string,
  username: string,
  password: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', ...options });
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  return page;
}
