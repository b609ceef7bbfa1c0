import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, startDemoServer } from './harness';

describe('web shell in Chromium', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('says in Chinese when the password is wrong', async () => {
    await page.goto(`${demo.url}/`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password-1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
  });

  it('logs in as the demo admin, in Chinese first', async () => {
    await page.goto(`${demo.url}/`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(demo.password('admin'));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
    expect(await page.getByTestId('nav-audit').innerText()).toContain('审计');
    await page.screenshot({ path: join(screenshotDir, 'home-zh.png') });
  });

  it('switches to English and back', async () => {
    await page.getByTestId('locale-switch').click();
    await expect.poll(() => page.getByTestId('nav-audit').innerText()).toMatch(/Audit/);
    await page.screenshot({ path: join(screenshotDir, 'home-en.png') });
    await page.getByTestId('locale-switch').click();
    await expect.poll(() => page.getByTestId('nav-audit').innerText()).toContain('审计');
  });

  it('turns on elder mode (larger type) and remembers it for the user', async () => {
    const navFontSize = () =>
      page.getByTestId('nav-audit').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    const before = await navFontSize();
    await page.getByTestId('elder-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.elder)).toBe('on');
    await expect.poll(navFontSize).toBeGreaterThanOrEqual(before + 4);
    await page.screenshot({ path: join(screenshotDir, 'home-elder.png') });
    // Remembered per user on the server: a fresh browser context (no localStorage) logs in with elder mode on.
    const other = await browser.newPage({ locale: 'zh-CN' });
    await other.goto(`${demo.url}/login`);
    await other.getByTestId('login-username').fill('admin');
    await other.getByTestId('login-password').fill(demo.password('admin'));
    await other.getByTestId('login-submit').click();
    await other.getByTestId('user-menu').waitFor();
    await expect.poll(() => other.evaluate(() => document.documentElement.dataset.elder)).toBe('on');
    await other.close();
  });

  it('opens the audit log and sees the chain verified', async () => {
    await page.getByTestId('nav-audit').click();
    const verified = page.getByTestId('audit-verified');
    await verified.waitFor({ timeout: 15_000 });
    expect(await verified.innerText()).toMatch(/审计链完整|Audit chain intact/);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshotDir, 'audit.png'), fullPage: true });
  });

  it('shows only what the role may use: a grid worker sees no admin or audit menu', async () => {
    const grid = await browser.newPage({ locale: 'zh-CN' });
    await grid.goto(`${demo.url}/login`);
    await grid.getByTestId('login-username').fill('grid.xikou');
    await grid.getByTestId('login-password').fill(demo.password('grid.xikou'));
    await grid.getByTestId('login-submit').click();
    await grid.getByTestId('user-menu').waitFor();
    expect(await grid.getByTestId('nav-audit').count()).toBe(0);
    expect(await grid.getByTestId('nav-staff').count()).toBe(0);
    await grid.close();
  });
});
