import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, startDemoServer, signIn as signInAs } from './harness';

// 溪口镇, on 武岭路 (GCJ-02, like the district map).
const XIKOU = { lng: '121.2435', lat: '29.6765' };
const XIKOU_TEAM = '宁波市奉化区溪口镇综合行政执法队';
const RESULT = '已安排施工队用沥青冷补料修补坑洞，现场已恢复通行。';
// A 1×1 PNG: the photo after the repair.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

type Reading = { value: string; numerator: number; denominator: number };

describe('一件坑洼事件 in Chromium: reported, routed, handled, rated, counted', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let citizen: Page;
  const receipt = { number: '', password: '' };
  const before: Record<string, Reading> = {};

  const signIn = (username: string) => signInAs(browser, demo.url, username, demo.password(username));
  const indicator = async (page: Page, code: string): Promise<Reading> => {
    const card = page.locator(`[data-testid="indicator"][data-code="${code}"]`);
    return {
      value: (await card.getAttribute('data-value')) ?? '',
      numerator: Number(await card.getAttribute('data-numerator')),
      denominator: Number(await card.getAttribute('data-denominator')),
    };
  };
  const openConsole = async (page: Page) => {
    await page.goto(`${demo.url}/dispatch`);
    await page.getByTestId('indicator-strip').waitFor();
  };

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    citizen = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('reads the month’s indicators on the dispatcher console first', async () => {
    const dispatcher = await signIn('dispatcher');
    await openConsole(dispatcher);
    before.closed = await indicator(dispatcher, 'governance.events.closed');
    before.satisfaction = await indicator(dispatcher, 'governance.events.satisfaction');
    expect(Number(before.closed.value)).toBeGreaterThanOrEqual(0);
    await dispatcher.close();
  }, 60_000);

  it('lets a citizen report a pothole on the public page /report', async () => {
    await citizen.goto(`${demo.url}/report`);
    await citizen.getByTestId('category-cascader').click();
    await citizen.locator('.ant-cascader-menu-item').filter({ hasText: '道路与市政设施' }).click();
    await citizen.locator('.ant-cascader-menu-item').filter({ hasText: '道路坑洼破损' }).click();
    await citizen
      .getByTestId('report-description')
      .fill('武岭路公交站旁路面有个大坑，雨天积水看不见，电动车容易摔倒');
    await citizen.getByLabel('经度', { exact: true }).fill(XIKOU.lng);
    await citizen.getByLabel('纬度', { exact: true }).fill(XIKOU.lat);
    await citizen.getByTestId('map-coordinates-apply').click();
    await citizen.getByTestId('report-address').fill('溪口镇武岭路公交站');
    await citizen.getByTestId('report-submit').click();
    await citizen.getByTestId('report-receipt').waitFor();
    receipt.number = await citizen.getByTestId('receipt-number').innerText();
    receipt.password = await citizen.getByTestId('receipt-password').innerText();
    expect(receipt.number).toMatch(/^SJ\d{14}$/);
  }, 60_000);

  it('routes it to 溪口镇综合执法队, where zhzf.xikou accepts it and closes it with a result and a photo', async () => {
    const handler = await signIn('zhzf.xikou');
    await handler.goto(`${demo.url}/cases`);
    await handler.getByTestId('tab-department').click();
    const row = handler.locator(`tr[data-number="${receipt.number}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain(XIKOU_TEAM);
    expect(await row.getByTestId('sla-tag').getAttribute('data-tone')).toBe('running');
    await handler.screenshot({ path: join(screenshotDir, 'cases-workbench.png'), fullPage: true });
    await row.getByTestId('case-link').click();
    await handler.getByTestId('case-detail').waitFor();
    const state = () => handler.getByTestId('case-state').first().getAttribute('data-state');
    expect(await state()).toBe('dispatched');

    await handler.getByTestId('step-accept').click();
    await handler
      .getByRole('dialog')
      .getByRole('button', { name: /签\s?收/ })
      .click();
    await expect.poll(state).toBe('handling');
    await handler.getByTestId('step-close').click();
    const dialog = handler.getByRole('dialog');
    await dialog.getByLabel('处置结果').fill(RESULT);
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '修补后.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => dialog.locator('.ant-upload-list-item-done').count()).toBe(1);
    await handler.screenshot({ path: join(screenshotDir, 'cases-close.png') });
    await dialog.getByRole('button', { name: /办\s?结/ }).click();
    await expect.poll(state).toBe('closed');
    expect(await handler.getByTestId('case-result').innerText()).toBe(RESULT);
    expect(await handler.getByTestId('case-result-photos').locator('img').count()).toBe(1);
    const steps = await handler
      .getByTestId('timeline-entry')
      .evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-step')));
    expect(steps).toEqual(['open', 'dispatch', 'accept', 'close']);
    await handler.screenshot({ path: join(screenshotDir, 'cases-detail-closed.png'), fullPage: true });
    await handler.close();
  }, 90_000);

  it('lets the citizen rate it 满意 on /track', async () => {
    await citizen.goto(`${demo.url}/track`);
    await citizen.getByTestId('track-number').fill(receipt.number);
    await citizen.getByTestId('track-password').fill(receipt.password);
    await citizen.getByTestId('track-submit').click();
    await citizen.getByTestId('rating-form').waitFor();
    expect(await citizen.getByTestId('tracking-state').innerText()).toBe('已办结');
    await citizen.getByTestId('rating-form').getByText('满意', { exact: true }).click();
    await citizen.getByTestId('rating-submit').click();
    await expect.poll(() => citizen.getByTestId('tracking-rating').innerText()).toBe('满意');
  }, 60_000);

  it('counts one more closed event and one more rating on the dispatcher console', async () => {
    const dispatcher = await signIn('dispatcher');
    await openConsole(dispatcher);
    const closed = await indicator(dispatcher, 'governance.events.closed');
    const satisfaction = await indicator(dispatcher, 'governance.events.satisfaction');
    expect(Number(closed.value)).toBe(Number(before.closed.value) + 1);
    // 满意 is a good rating: one more rated event, and one more satisfied.
    expect(satisfaction.denominator).toBe(before.satisfaction.denominator + 1);
    expect(satisfaction.numerator).toBe(before.satisfaction.numerator + 1);
    expect(satisfaction).not.toEqual(before.satisfaction);
    expect(await dispatcher.getByTestId('indicator-strip').innerText()).toContain(
      `${satisfaction.numerator} / ${satisfaction.denominator} 件`,
    );
    await dispatcher.screenshot({ path: join(screenshotDir, 'cases-dispatch-console.png'), fullPage: true });
    await dispatcher.close();
  }, 60_000);
});
