import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, startDemoServer, signIn as signInAs } from './harness';

// A restaurant's kitchen waste on the street in 溪口镇: filed as 垃圾乱堆乱放, so the catalogue sends
// it to the township's enforcement team, but it is a hygiene matter for market supervision.
const REPORT = {
  categoryCode: 'environment.garbage',
  description: '武岭路一家小吃店后厨污水和食物残渣直接倒在店门口，油污堆积，气味难闻',
  address: '溪口镇武岭路',
  location: { lng: 121.2435, lat: 29.6765 },
};
const REASON = '系餐饮单位后厨卫生问题，属市场监管职责，非综合执法事项，请改派溪口市场监管所。';
const NOTE = '经核实属餐饮卫生问题，改派溪口市场监督管理所办理。';
const XIKOU_TEAM = '宁波市奉化区溪口镇综合行政执法队';
const XIKOU_MARKET = '宁波市奉化区市场监督管理局溪口市场监督管理所';

describe('退单争议 in Chromium: a misrouted case is returned and re-dispatched, and the dispute stays on record', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let number = '';
  let casePath = '';
  let handlerName = '';

  const signIn = (username: string) => signInAs(browser, demo.url, username, demo.password(username));
  const row = (page: Page) => page.locator(`tr[data-number="${number}"]`);
  const timelineEntry = (page: Page, step: string) =>
    page.locator(`[data-testid="timeline-entry"][data-step="${step}"]`);

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    const response = await fetch(`${demo.url}/api/public/governance/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(REPORT),
    });
    expect(response.status).toBe(201);
    number = ((await response.json()) as { number: string }).number;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('lets the 溪口镇 enforcement team return it from 本部门待签收, with a reason', async () => {
    const handler = await signIn('zhzf.xikou');
    handlerName = (await handler.getByTestId('user-menu').innerText()).trim();
    // 基层治理 is open by default; a click on its title would fold it, and on a loaded machine the
    // fold could finish before the next click (CI failed on exactly that).
    await handler.getByTestId('nav-cases').click();
    await handler.getByTestId('tab-department').click();
    await row(handler).waitFor();
    expect(await row(handler).innerText()).toContain(XIKOU_TEAM);
    await row(handler).getByTestId('case-link').click();
    await handler.getByTestId('case-detail').waitFor();
    casePath = new URL(handler.url()).pathname;
    expect(casePath).toMatch(/^\/cases\/[0-9a-f-]{36}$/);

    await handler.getByTestId('step-return').click();
    const dialog = handler.getByRole('dialog');
    await dialog.getByRole('button', { name: /退\s?单/ }).click();
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').allInnerTexts())
      .toContain('请填写理由');
    await dialog.getByLabel('理由', { exact: true }).fill(REASON);
    await handler.screenshot({ path: join(screenshotDir, 'cases-dispute-return.png') });
    await dialog.getByRole('button', { name: /退\s?单/ }).click();
    await expect
      .poll(() =>
        handler.getByTestId('case-detail').getByTestId('case-state').first().getAttribute('data-state'),
      )
      .toBe('returned');
    expect(await timelineEntry(handler, 'return').innerText()).toContain(REASON);
    await handler.close();
  }, 90_000);

  it('shows the dispatcher the return in 退单争议 with the handler’s reason, and re-dispatches it', async () => {
    const dispatcher = await signIn('dispatcher');
    await dispatcher.goto(`${demo.url}/dispatch`);
    await row(dispatcher).waitFor();
    expect(await dispatcher.getByTestId('tab-returned').innerText()).toContain('退单争议');
    await expect.poll(() => row(dispatcher).getByTestId('return-reason').count()).toBe(1);
    expect(await row(dispatcher).getByTestId('return-reason').innerText()).toContain(REASON);
    await dispatcher.screenshot({ path: join(screenshotDir, 'cases-dispute-queue.png'), fullPage: true });

    await row(dispatcher).getByTestId('queue-redispatch').click();
    const dialog = dispatcher.getByRole('dialog');
    await dialog.getByLabel('派往部门').click();
    await dispatcher.keyboard.type('scjg-330213100');
    await dispatcher.locator('.ant-select-item-option').filter({ hasText: XIKOU_MARKET }).click();
    await dialog.getByLabel('理由', { exact: true }).fill(NOTE);
    await dispatcher.screenshot({ path: join(screenshotDir, 'cases-dispute-redispatch.png') });
    await dialog.getByRole('button', { name: /改\s?派/ }).click();
    await expect.poll(() => row(dispatcher).count()).toBe(0);

    await dispatcher.goto(`${demo.url}${casePath}`);
    await dispatcher.getByTestId('case-detail').waitFor();
    expect(await dispatcher.getByTestId('case-state').first().getAttribute('data-state')).toBe('dispatched');
    await dispatcher.close();
  }, 90_000);

  it('keeps the dispute on the timeline: the return with its reason, the re-dispatch with its note', async () => {
    const dispatcher = await signIn('dispatcher');
    await dispatcher.goto(`${demo.url}${casePath}`);
    await dispatcher.getByTestId('case-timeline').waitFor();
    const steps = await dispatcher
      .getByTestId('timeline-entry')
      .evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-step')));
    expect(steps.indexOf('return')).toBeGreaterThan(steps.indexOf('dispatch'));
    expect(steps.indexOf('redispatch')).toBeGreaterThan(steps.indexOf('return'));
    const returned = await timelineEntry(dispatcher, 'return').innerText();
    expect(returned).toContain('退单理由');
    expect(returned).toContain(REASON);
    expect(returned).toContain(handlerName);
    const redispatched = await timelineEntry(dispatcher, 'redispatch').innerText();
    expect(redispatched).toContain(NOTE);
    expect(redispatched).toContain(`由 ${XIKOU_TEAM} 转至 ${XIKOU_MARKET}`);
    await dispatcher.screenshot({ path: join(screenshotDir, 'cases-dispute-timeline.png'), fullPage: true });
    await dispatcher.close();
  }, 60_000);

  it('takes the case off the enforcement team’s list once it has gone to market supervision', async () => {
    const handler = await signIn('zhzf.xikou');
    await handler.goto(`${demo.url}/cases`);
    await handler.getByTestId('tab-all').click();
    await expect.poll(() => handler.locator('tr[data-number]').count()).toBeGreaterThan(0);
    expect(await row(handler).count()).toBe(0);
    await handler.close();
  }, 60_000);
});
