import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, signIn, startDemoServer } from './harness';

/** An untranslated message key left on screen looks like `data.quality.something`. */
const RAW_KEY = /\b(data|share|open|cases|common|nav)\.[a-z][A-Za-z]+\.[A-Za-z.]+\b/;

describe('数据质量与共享统计 in Chromium: the dashboards render on the demo catalog, in Chinese and in English', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;

  const visit = async (path: string, testId: string, shot: string) => {
    await page.goto(`${demo.url}${path}`);
    const part = page.getByTestId(testId);
    await part.waitFor();
    await expect.poll(async () => (await part.textContent())?.length ?? 0).toBeGreaterThan(0);
    const text = (await page.locator('main').first().textContent()) ?? '';
    expect(text).not.toMatch(RAW_KEY);
    await page.screenshot({ path: join(screenshotDir, `${shot}.png`), animations: 'disabled' });
    return text;
  };

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    page = await signIn(browser, demo.url, 'admin', demo.password('admin'));
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('scores every demo department and resource on the quality dashboard', async () => {
    const text = await visit('/data/quality', 'data-quality-departments', 'data-quality-zh');
    expect(text).toContain('宁波市奉化区人力资源和社会保障局');
    const rows = page.getByTestId('data-quality-resources').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
  }, 60_000);

  it('shows the call statistics page and the loads page', async () => {
    await visit('/data/sharing/stats', 'share-stats-total', 'data-sharing-stats-zh');
    await page.goto(`${demo.url}/data/loads`);
    await page.getByRole('heading').first().waitFor();
    expect((await page.locator('main').first().textContent()) ?? '').not.toMatch(RAW_KEY);
    await page.screenshot({ path: join(screenshotDir, 'data-loads-zh.png'), animations: 'disabled' });
  }, 60_000);

  it('reads in English with no Chinese interface labels left on the quality dashboard', async () => {
    await page.getByTestId('locale-switch').click();
    const text = await visit('/data/quality', 'data-quality-departments', 'data-quality-en');
    expect(text).toMatch(/[Ss]core/);
  }, 60_000);
});
