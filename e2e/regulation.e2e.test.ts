import { join } from 'node:path';
import { verifyDrawProof } from '@zhizhi/regulation';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, signIn, startDemoServer } from './harness';

const PNG = {
  name: '现场.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAKElEQVR4nGNk+M+AFzAxEFAwqmBUwaiCUQWjCkYVjCoYVTCqYFQBAQUA3jcBH0XKJ1YAAAAASUVORK5CYII=',
    'base64',
  ),
};
const FINDINGS = '后厨冷藏柜温度 12℃，生熟食品混放。';

/**
 * 双随机一公开 and 众安码 in Chromium: the committed plan's seed hash is public, the draw is made and
 * recomputed from the published seed; an inspector starts a visit from the shop's code, records a
 * failure with photos, GPS and signatures; the order reaches the shop on its code page and the shop
 * answers; re-inspection passes; the result is published; the shop's class falls by one with the
 * failed inspection named in the explanation.
 */
describe('regulation in Chromium: a verifiable draw, an inspection through the shop code, a class change', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let admin: Page;
  let inspectorContext: BrowserContext;
  let inspector: Page;
  let shopContext: BrowserContext;
  let token = '';
  let subjectId = '';
  let visitUrl = '';
  let classBefore = '';
  const generalClass = async () => {
    const profile = await (
      await admin.request.get(`${demo.url}/api/regulation/subjects/${subjectId}`)
    ).json();
    return profile.ratings.current.find((r: { ruleSetCode: string }) => r.ruleSetCode === 'general')
      .creditClass;
  };

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    admin = await signIn(browser, demo.url, 'admin', demo.password('admin'));
    admin.setDefaultTimeout(20_000);
    inspectorContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      geolocation: { latitude: 29.6612, longitude: 121.4068 },
      permissions: ['geolocation'],
    });
    const login = await inspectorContext.request.post(`${demo.url}/api/auth/login`, {
      data: { username: 'scjgj.inspector1', password: demo.password('scjgj.inspector1') },
    });
    expect(login.ok()).toBe(true);
    inspector = await inspectorContext.newPage();
    inspector.setDefaultTimeout(20_000);
    const shop = demo.credentials().find((c) => c.title.startsWith('商户'))!;
    shopContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      locale: 'zh-CN',
    });
    const shopLogin = await shopContext.request.post(`${demo.url}/api/applicant/login`, {
      data: { identifier: shop.username, password: shop.password },
    });
    expect(shopLogin.ok()).toBe(true);
    const own = await (await shopContext.request.get(`${demo.url}/api/applicant/regulation`)).json();
    token = own.codeToken;
    subjectId = own.subject.id;
    classBefore = await generalClass();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshotDir, name), animations: 'disabled', fullPage: true });

  it('publishes the seed hash before the draw, and the draw recomputes from the published seed', async () => {
    const draws = await (await admin.request.get(`${demo.url}/api/public/regulation/draws`)).json();
    const committed = draws.items.find((d: { status: string }) => d.status === 'committed');
    expect(committed.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
    const before = await (
      await admin.request.get(`${demo.url}/api/public/regulation/draws/${committed.id}/proof`)
    ).json();
    expect(before.seed).toBeNull();

    await admin.goto(`${demo.url}/regulation/plans/${committed.id}`);
    await expect
      .poll(() => admin.getByTestId('reg-draw-commitment').textContent())
      .toContain(committed.seedCommitment);
    await admin.getByTestId('reg-plan-draw').click();
    await admin.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await admin.getByTestId('reg-draw-result').waitFor();
    await admin.getByTestId('reg-visits').waitFor();
    await shot(admin, 'regulation-draw.png');

    const proof = await (
      await admin.request.get(`${demo.url}/api/public/regulation/draws/${committed.id}/proof`)
    ).json();
    expect(proof.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(proof.published.seedCommitment).toBe(committed.seedCommitment);
    const verified = verifyDrawProof(proof);
    expect(verified.reasons).toEqual([]);
    expect(verified.ok).toBe(true);
    // Tampering with the published input is caught.
    const forged = structuredClone(proof);
    forged.input.subjects[0].creditClass = forged.input.subjects[0].creditClass === 'A' ? 'D' : 'A';
    expect(verifyDrawProof(forged).ok).toBe(false);
  });

  it('records a failed inspection started from the shop code, with photos, GPS and signatures', async () => {
    await inspector.goto(`${demo.url}/c/${token}`);
    await inspector.waitForURL(/\/shop\//);
    await inspector.getByTestId('reg-shop-inspect').waitFor();
    await inspector.locator('#itemCodes').click();
    await inspector.keyboard.press('Enter');
    await inspector.keyboard.press('Escape');
    await inspector.locator('#partnerId').click();
    await inspector.keyboard.press('Enter');
    await inspector.getByTestId('reg-start-submit').click();
    await inspector.waitForURL(/\/inspect\/[0-9a-f-]{36}$/);
    visitUrl = inspector.url();

    const points = inspector.getByTestId('reg-point');
    await points.first().waitFor();
    const n = await points.count();
    // The first point has a problem (不符合), the rest are fine (符合).
    for (let i = 0; i < n; i++)
      await points
        .nth(i)
        .locator('label')
        .nth(i === 0 ? 1 : 0)
        .click();
    await inspector.getByTestId('reg-findings').fill(FINDINGS);
    await inspector.getByTestId('reg-photos-input').setInputFiles(PNG);
    await inspector.locator('[data-testid=reg-location] button').first().click();
    await expect
      .poll(() => inspector.locator('input[data-testid=reg-location-lng]').inputValue())
      .toContain('121.4');
    for (const id of ['reg-signature-inspector', 'reg-signature-representative']) {
      const canvas = inspector.locator(`[data-testid=${id}] canvas`);
      await canvas.scrollIntoViewIfNeeded();
      const box = (await canvas.boundingBox())!;
      await inspector.mouse.move(box.x + 30, box.y + 80);
      await inspector.mouse.down();
      for (let k = 0; k < 10; k++)
        await inspector.mouse.move(box.x + 40 + k * 18, box.y + 60 + (k % 2 ? 30 : -15), { steps: 3 });
      await inspector.mouse.up();
      await inspector.getByTestId(`${id}-confirm`).click();
      await inspector.locator(`[data-testid=${id}][data-signed=true]`).waitFor();
    }
    await inspector
      .locator('[data-testid=reg-rectification-days] input, input[data-testid=reg-rectification-days]')
      .first()
      .fill('5');
    await shot(inspector, 'regulation-inspect-record.png');
    await inspector.getByTestId('reg-record-submit').click();
    await expect
      .poll(() => inspector.getByTestId('reg-status').first().getAttribute('data-status'))
      .toBe('rectifying');
  });

  it('sends the order to the shop on its code page; the shop answers; re-inspection passes; the result is published', async () => {
    const shop = await shopContext.newPage();
    shop.setDefaultTimeout(20_000);
    await shop.goto(`${demo.url}/shop/${token}`);
    const order = shop.getByTestId('reg-rectify-order').filter({ hasText: FINDINGS });
    await order.waitFor();
    expect(await order.getAttribute('data-status')).toBe('rectifying');
    await order.getByTestId('reg-rectify-reply').fill('已更换冷藏柜，生熟食品分区存放。');
    await order.getByTestId('reg-rectify-photos-input').setInputFiles(PNG);
    await order.getByTestId('reg-rectify-submit').click();
    await expect.poll(() => order.getAttribute('data-status')).toBe('reinspecting');
    await shot(shop, 'regulation-shop-reply.png');

    await inspector.goto(visitUrl);
    await inspector.getByTestId('reg-reinspect-form').waitFor();
    await inspector.getByTestId('reg-reinspect-outcome').locator('input').first().check();
    await inspector.getByTestId('reg-reinspect-findings').fill('复查：冷藏柜温度 4℃，生熟分开，整改到位。');
    await inspector.getByTestId('reg-reinspect-submit').click();
    await expect
      .poll(() => inspector.getByTestId('reg-status').first().getAttribute('data-status'))
      .toBe('to_publish');
    await inspector.getByTestId('reg-publish-button').click();
    await inspector.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect
      .poll(() => inspector.getByTestId('reg-status').first().getAttribute('data-status'))
      .toBe('published');

    const results = await shopContext.newPage();
    await results.goto(`${demo.url}/regulation/results`);
    await results.getByTestId('reg-result-row').filter({ hasText: '锦屏老街小吃店' }).first().waitFor();
  });

  it('shows the shop’s class falling by one, explained by the failed inspection', async () => {
    const after = { A: 'B', B: 'C', C: 'D', D: 'D' }[classBefore]!;
    expect(await generalClass()).toBe(after);
    await admin.goto(`${demo.url}/regulation/subjects/${subjectId}`);
    const general = admin.getByTestId('reg-rating-general');
    await expect.poll(() => general.getByTestId('reg-class-tag').getAttribute('data-class')).toBe(after);
    const failed = general.getByTestId('reg-explanation-inspection.failed');
    await failed.waitFor();
    await shot(admin, 'regulation-subject-class.png');
    const profile = await (
      await admin.request.get(`${demo.url}/api/regulation/subjects/${subjectId}`)
    ).json();
    const change = profile.ratings.history.find((h: { ruleSetCode: string }) => h.ruleSetCode === 'general');
    expect(change).toMatchObject({ previousClass: classBefore, creditClass: after, reason: 'record' });
  });
});
