import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, startDemoServer } from './harness';

describe('my API keys in Chromium', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;
  let secret = '';
  const callMe = () => fetch(`${demo.url}/api/me`, { headers: { authorization: `Bearer ${secret}` } });

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    await page.goto(`${demo.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(demo.password('admin'));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('opens the page from the user menu', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('api-keys').click();
    await page.getByTestId('apikey-create').waitFor();
    expect(new URL(page.url()).pathname).toBe('/me/api-keys');
  });

  it('creates a key and shows its secret once', async () => {
    await page.getByTestId('apikey-create').click();
    await page.getByLabel('名称').fill('e2e 命令行');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /创\s?建/ })
      .click();
    const shown = page.getByTestId('apikey-secret');
    await shown.waitFor();
    secret = (await shown.innerText()).trim();
    expect(secret).toMatch(/^zz_[A-Za-z0-9]+_\S+$/);
    await page.screenshot({ path: join(screenshotDir, 'api-keys-secret.png'), animations: 'disabled' });
    await page.getByTestId('apikey-secret-close').click();
    await shown.waitFor({ state: 'detached' });
    const prefix = secret.split('_')[1];
    await expect.poll(() => page.locator('.ant-table-row').innerText()).toContain(`zz_${prefix}_…`);
    await page.screenshot({ path: join(screenshotDir, 'api-keys.png'), animations: 'disabled' });
  });

  it('lets a program call the API as me with the key', async () => {
    const response = await callMe();
    expect(response.status).toBe(200);
    expect(((await response.json()) as { username: string }).username).toBe('admin');
  });

  it('reads well in elder mode', async () => {
    await page.getByTestId('elder-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.elder)).toBe('on');
    await page.screenshot({ path: join(screenshotDir, 'api-keys-elder.png'), animations: 'disabled' });
    await page.getByTestId('elder-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.elder)).toBeUndefined();
  });

  it('revokes the key after confirmation, and the key stops working', async () => {
    await page.getByTestId('apikey-revoke').click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /吊\s?销/ })
      .click();
    await expect.poll(() => page.getByTestId('apikey-revoke').count()).toBe(0);
    expect(await page.locator('.ant-table-row').innerText()).toContain('已吊销');
    expect((await callMe()).status).toBe(401);
  });
});
