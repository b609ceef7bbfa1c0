import { join } from 'node:path';
import { type Actor, systemActor } from '@zhizhi/kernel';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, signIn as signInAs, startDemoServer } from './harness';

// A point in 溪口镇 (GCJ-02), and one in Hangzhou, outside the district.
const XIKOU = { lng: '121.2435', lat: '29.6765' };
const HANGZHOU = { lng: '120.15', lat: '30.28' };
const XIKOU_TEAM = /溪口镇综合(行政)?执法队/;
// A 1×1 PNG: the site photo.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAAABJRU5ErkJggg==',
  'base64',
);

describe('群众上报 and 进度查询 in Chromium, on a phone', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let citizen: Page;
  const receipt = { number: '', password: '' };
  let citizenCase = { id: '', departmentId: '' };

  const chooseCategory = async (page: Page, group: string, leaf: string) => {
    await page.getByTestId('category-cascader').click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: group }).click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: leaf }).click();
  };
  const typeLocation = async (page: Page, point: { lng: string; lat: string }) => {
    await page.getByLabel('经度', { exact: true }).fill(point.lng);
    await page.getByLabel('纬度', { exact: true }).fill(point.lat);
    await page.getByTestId('map-coordinates-apply').click();
  };
  const fieldErrors = (page: Page) => page.locator('.ant-form-item-explain-error').allInnerTexts();
  const signIn = (username: string) =>
    signInAs(browser, demo.url, username, demo.password(username), {
      viewport: { width: 375, height: 812 },
      // A GPS fix in 溪口镇, WGS-84 as phones give it.
      geolocation: { longitude: 121.2388, latitude: 29.6789, accuracy: 15 },
      permissions: ['geolocation'],
    });

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    citizen = await browser.newPage({
      viewport: { width: 375, height: 812 },
      locale: 'zh-CN',
      isMobile: true,
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('finds the report page from the login page, without logging in', async () => {
    await citizen.goto(`${demo.url}/login`);
    await citizen.getByTestId('login-public-report').click();
    await citizen.getByTestId('category-cascader').waitFor();
    expect(new URL(citizen.url()).pathname).toBe('/report');
    expect(await citizen.getByTestId('contact-note').innerText()).toContain('不会公开显示');
  });

  it('says what is missing when the form is sent empty', async () => {
    await citizen.getByTestId('report-submit').click();
    await expect.poll(() => fieldErrors(citizen)).toContain('请选择问题类别');
    const errors = await fieldErrors(citizen);
    expect(errors).toContain('请用 5–2000 个字描述问题');
    expect(errors).toContain('请选择事发位置');
  });

  it('refuses a location outside the district, on the location field', async () => {
    await chooseCategory(citizen, '道路与市政设施', '道路坑洼破损');
    await citizen.getByTestId('report-description').fill('武岭路口路面有个大坑，电动车经过很危险');
    await typeLocation(citizen, HANGZHOU);
    await citizen.getByTestId('report-submit').click();
    await expect.poll(() => citizen.getByTestId('report-error').innerText()).toContain('不在本区范围内');
    await expect.poll(async () => (await fieldErrors(citizen)).join()).toContain('不在本区范围内');
  });

  it('refuses a file that is not a photo, and keeps a real one', async () => {
    const input = citizen.locator('input[type=file]');
    await input.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a photo'),
    });
    await expect.poll(() => citizen.getByTestId('photo-errors').innerText()).toContain('“notes.txt”未能上传');
    expect(await citizen.getByTestId('photo-errors').innerText()).toContain('只能上传 JPG、PNG 或 WebP');
    await input.setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => citizen.locator('.ant-upload-list-item-done').count()).toBe(1);
    expect(await citizen.locator('.ant-upload-list-item-error').count()).toBe(0);
  });

  it('reports a pothole in 溪口镇 and shows the number and the once-only password', async () => {
    await typeLocation(citizen, XIKOU);
    await expect.poll(() => citizen.getByTestId('picked-location').innerText()).toContain('121.243500');
    await citizen.getByTestId('report-address').fill('溪口镇武岭路与中兴路口');
    await citizen.getByTestId('report-phone').fill('12345');
    await citizen.getByTestId('report-submit').click();
    await expect
      .poll(() => fieldErrors(citizen))
      .toContain('请输入正确的手机号码或固定电话（如 13812345678、0574-88881234）');
    await citizen.getByTestId('report-phone').fill('13812345678');
    await citizen.getByTestId('report-submit').click();
    await citizen.getByTestId('report-receipt').waitFor();
    receipt.number = await citizen.getByTestId('receipt-number').innerText();
    receipt.password = await citizen.getByTestId('receipt-password').innerText();
    expect(receipt.number).toMatch(/^SJ\d{14}$/);
    expect(receipt.password).toMatch(/^[A-Z2-9]{8}$/);
    expect(await citizen.getByTestId('report-receipt').innerText()).toContain('只显示这一次');
    await citizen.screenshot({ path: join(screenshotDir, 'public-receipt.png'), fullPage: true });
  });

  it('tracks it: 待签收 at the 溪口镇 enforcement team', async () => {
    await citizen.getByTestId('receipt-track').click();
    expect(await citizen.getByTestId('track-number').inputValue()).toBe(receipt.number);
    await citizen.getByTestId('track-password').fill('WRONGPW2');
    await citizen.getByTestId('track-submit').click();
    await expect.poll(() => citizen.getByTestId('track-error').innerText()).toContain('编号或查询密码不正确');
    await citizen.getByTestId('track-password').fill(receipt.password.toLowerCase());
    await citizen.getByTestId('track-submit').click();
    await citizen.getByTestId('tracking-card').waitFor();
    expect(await citizen.getByTestId('tracking-state').innerText()).toBe('待签收');
    expect(await citizen.getByTestId('tracking-department').innerText()).toMatch(XIKOU_TEAM);
    expect(await citizen.getByTestId('rating-form').count()).toBe(0);
    await citizen.screenshot({ path: join(screenshotDir, 'public-track.png'), fullPage: true });
  });

  it('rates it once the team has closed it', async () => {
    const { kernel } = demo.server;
    const { items } = await kernel.cases.listCases(systemActor, { typeCode: 'governance_event', limit: 100 });
    const opened = items.find((item) => item.number === receipt.number)!;
    citizenCase = { id: opened.id, departmentId: opened.departmentId! };
    const handler: Actor = { ...systemActor, name: 'e2e-handler', departmentId: opened.departmentId };
    await kernel.cases.transition(handler, opened.id, {
      transition: 'accept',
      expectedVersion: opened.version,
    });
    const photo = await kernel.files.store(handler, { name: '修复后.png', content: PNG });
    const { version } = await kernel.cases.getCase(handler, opened.id);
    await kernel.cases.transition(handler, opened.id, {
      transition: 'close',
      expectedVersion: version,
      data: { result: '坑洞已修补，恢复通行。', result_photos: [photo.id] },
    });

    await citizen.getByTestId('track-submit').click();
    await citizen.getByTestId('rating-form').waitFor();
    expect(await citizen.getByTestId('tracking-state').innerText()).toBe('已办结');
    await citizen.getByTestId('rating-form').getByText('满意', { exact: true }).click();
    await citizen.getByTestId('rating-submit').click();
    await expect.poll(() => citizen.getByTestId('tracking-rating').innerText()).toBe('满意');
    expect(await citizen.getByTestId('tracking-state').innerText()).toBe('已评价');
    expect(await citizen.getByTestId('rating-form').count()).toBe(0);
  });

  it('lets a grid worker report from 上报事件, and the team hears of it by the bell', async () => {
    const worker = await signIn('grid.xikou');
    await worker.getByTestId('nav-report').click();
    await chooseCategory(worker, '道路与市政设施', '窨井盖缺失破损');
    await worker.getByTestId('report-description').fill('岩头村村口窨井盖缺失，已放置临时警示');
    await worker.getByTestId('use-my-location').click();
    // Shown in the map's datum: GCJ-02, some 500 m east of the WGS-84 fix.
    await expect.poll(() => worker.getByTestId('picked-location').innerText()).toContain('121.243099');
    await worker
      .locator('input[type=file]')
      .setInputFiles({ name: '井盖.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => worker.locator('.ant-upload-list-item-done').count()).toBe(1);
    await worker.getByTestId('report-submit').click();
    await worker.getByTestId('grid-report-result').waitFor();
    const number = await worker.getByTestId('grid-report-number').innerText();
    expect(number).toMatch(/^SJ\d{14}$/);
    expect(await worker.getByTestId('tracking-state').innerText()).toBe('待签收');
    expect(await worker.getByTestId('grid-report-department').innerText()).toMatch(XIKOU_TEAM);
    await worker.screenshot({ path: join(screenshotDir, 'public-grid-report.png'), fullPage: true });
    await worker.close();

    // And one urgent message (as 督办 sends them), which the bell marks red.
    const { kernel } = demo.server;
    await kernel.notifications.notify(kernel.db, {
      departmentId: citizenCase.departmentId,
      titleZh: `督办：${receipt.number} 请加快办理`,
      titleEn: `Supervision: ${receipt.number}, please speed up`,
      link: `/cases/${citizenCase.id}`,
      urgent: true,
    });
    const team = await signIn('zhzf.xikou');
    await expect.poll(() => team.getByTestId('notifications-badge').innerText()).toMatch(/^[1-9]/);
    await team.getByTestId('notifications-bell').click();
    await team.getByTestId('notifications-panel').waitFor();
    await team.waitForFunction(() => document.getAnimations().length === 0); // the drawer has slid in
    const item = team.getByTestId('notification-item').filter({ hasText: number });
    expect(await item.getAttribute('data-unread')).toBe('true');
    const urgent = team.getByTestId('notification-item').filter({ hasText: '督办' });
    expect(await urgent.getAttribute('data-urgent')).toBe('true');
    expect(await urgent.innerText()).toContain('紧急');
    await team.screenshot({ path: join(screenshotDir, 'public-notifications.png') });
    await item.click();
    await expect.poll(() => new URL(team.url()).pathname).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    await team.close();
  });
});
