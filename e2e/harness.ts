import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, loadConfig } from '@zhizhi/kernel';
import { cloneTestDatabase, createTestDatabase } from '@zhizhi/kernel/testing';
import type { DemoCredential } from '@zhizhi/pack-fenghua';
import { type RunningServer, startServer } from '@zhizhi/server';
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { demoTemplate } from './demo-template';

export const screenshotDir = fileURLToPath(new URL('../.tmp/screenshots', import.meta.url));

/**
 * A real server on a free port with the Fenghua demo seeded (PGlite in a temp dir, or a fresh
 * PostgreSQL database). In a vitest run the demo is seeded once per database kind (the run's
 * template, e2e/demo-template.ts) and each call starts on a copy of it; otherwise it seeds its own.
 */
export async function startDemoServer() {
  let postgres: Database | null = null;
  const template = await demoTemplate();
  const dataDir = mkdtempSync(join(tmpdir(), 'zhizhi-e2e-'));
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO: '1',
    LOG_LEVEL: 'silent',
    MQTT_PORT: '0',
    DATA_DIR: dataDir,
  };
  // The copy is the whole DATA_DIR (embedded database and anything else kept there), not the lock.
  if (template)
    cpSync(template.dataDir, dataDir, { recursive: true, filter: (src) => basename(src) !== 'zhizhi.lock' });
  if (process.env.DATABASE_URL) {
    postgres = template?.database ? await cloneTestDatabase(template.database) : await createTestDatabase();
    env.DATABASE_URL = postgres.url!;
  }
  // A copy is seeded already: DEMO=1 finds the region and prints no passwords, the template has them.
  let credentials: DemoCredential[] = template?.credentials ?? [];
  let server: RunningServer;
  try {
    server = await startServer(loadConfig(env), {
      onDemoSeeded: (r) => (credentials = r.credentials),
    });
  } catch (error) {
    await postgres?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const password = (username: string) => credentials.find((c) => c.username === username)!.password;
  return {
    server,
    url: server.url,
    password,
    /** Every demo account printed at first start (staff and the portal's applicants). */
    credentials: () => credentials,
    async close() {
      await server.close();
      await postgres?.close();
      rmSync(dataDir, { recursive: true, force: true });
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

/**
 * Opens an antd select by its label within `scope`, picks an option (typing first into searchable
 * ones) and waits until the select shows it, so a slow machine cannot race the next step against a
 * closing dropdown.
 */
export async function pickOption(page: Page, scope: Locator, label: string, option: string, search = false) {
  const input = scope.getByLabel(label, { exact: true });
  const select = input.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await pickInSelect(page, select, input, option, search);
}

/**
 * Picks `option` in the antd `select`, opened by clicking `opener` (its input, or the select
 * itself). A click on an option that is still sliding in can miss, or land on the select and close
 * the dropdown: each attempt gives the click 5 s, reopens the dropdown if it closed, and tries
 * again, up to three times.
 */
export async function pickInSelect(
  page: Page,
  select: Locator,
  opener: Locator,
  option: string,
  search = false,
) {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    try {
      if (attempt === 1 || (await dropdown.count()) === 0) await opener.click();
      if (search) await opener.fill(option);
      await dropdown.getByTitle(option, { exact: true }).click({ timeout: 5_000 });
      await expect.poll(() => select.textContent(), { timeout: 4_000 }).toContain(option);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
