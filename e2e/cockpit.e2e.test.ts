import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, signIn, startDemoServer } from './harness';

const XIKOU = { code: '330213100000', name: '溪口镇' };
const SUPERVISION = 'plan.supervision_on_platform';
// packages/modules/cockpit/src/warnings.ts: 【驾驶舱预警】${where}${nameZh}${line}, where = 全区 at the district.
const TASK_TITLE = '【驾驶舱预警】全区“互联网+监管”平台监管事项比例低于预警线';

type Overview = {
  scope: { key: string; name: string };
  indicators: { code: string; value: number | null }[];
  panels: { key: string; figures: { key: string; value: number | null }[] }[];
};

const figureOf = (overview: Overview, key: string) =>
  overview.panels.flatMap((p) => p.figures).find((f) => f.key === key)?.value;

/**
 * 领导驾驶舱 big screen in Chromium: live values at 1920×1080 (and the same canvas at 3840×2160), a
 * town drill-down from the map that reloads every panel, back to the district, a warning dispatched
 * as a 督办 task that reaches 市场监管局, the phone layout, and the not-allowed page.
 */
describe('leadership cockpit big screen in Chromium', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let leader: Page;
  const overviewRequests: URL[] = [];

  const figure = (page: Page, key: string) =>
    page.getByTestId(`cockpit-figure-${key}`).getByTestId('cockpit-figure-value');
  const figureValue = async (page: Page, key: string) => {
    const text = await figure(page, key).getAttribute('data-value');
    return text === null || text === '' ? null : Number(text);
  };
  const scopeShown = (page: Page) => page.getByTestId('cockpit-screen').getAttribute('data-scope');
  const apiOverview = async (page: Page, scope: string): Promise<Overview> => {
    const response = await page.request.get(
      `${demo.url}/api/cockpit/overview?scope=${encodeURIComponent(scope)}&period=year`,
    );
    expect(response.status()).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    leader = await signIn(browser, demo.url, 'leader', demo.password('leader'), {
      viewport: { width: 1920, height: 1080 },
    });
    leader.setDefaultTimeout(20_000);
    leader.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/cockpit/overview') overviewRequests.push(url);
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('shows live values from the demo on a 1920×1080 canvas that scales to 3840×2160', async () => {
    // The menu's 领导驾驶舱 group opens the big screen, full screen outside the staff layout.
    await leader.getByRole('menuitem', { name: '领导驾驶舱' }).click();
    await leader.getByTestId('nav-cockpitScreen').click();
    await leader.waitForURL(/\/cockpit$/);
    await expect.poll(() => scopeShown(leader)).toBe('district');
    expect(await leader.getByTestId('cockpit-title').innerText()).toBe('奉化区数字政府 · 领导驾驶舱');
    expect(await leader.getByTestId('cockpit-scope-name').innerText()).toBe('奉化区');

    const district = await apiOverview(leader, 'district');
    const open = figureOf(district, 'events_open');
    expect(open).toBeGreaterThan(0);
    await expect.poll(() => figureValue(leader, 'events_open')).toBe(open);
    await expect
      .poll(() =>
        leader.getByTestId('cockpit-panel-governance').getByTestId('cockpit-figure-events_open').innerText(),
      )
      .toContain('在办事件');

    const onTime = district.indicators.find((i) => i.code === 'plan.events_on_time')?.value;
    expect(typeof onTime).toBe('number');
    const onTimeCard = leader.getByTestId('cockpit-indicator-plan.events_on_time');
    await expect.poll(() => onTimeCard.innerText()).toMatch(/四平台事件按期办结率[\s\S]*\d+(\.\d)?%/);
    const target = leader.getByTestId('cockpit-target-plan.events_on_time');
    expect(await target.getByTestId('cockpit-target-value').innerText()).toMatch(/^\d+(\.\d)?%$/);
    expect(await target.getAttribute('href')).toBe(
      '/cockpit/indicators/plan.events_on_time?scope=district&period=year',
    );
    expect(await target.innerText()).toContain('平台计算');
    expect(await target.getByTestId('cockpit-target-freshness').innerText()).toBe('实时');
    // Every panel of the default layout is there, in order.
    const panels = await leader
      .locator('[data-testid^="cockpit-panel-"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
    expect(panels).toEqual(
      ['services', 'governance', 'overview', 'codes', 'map', 'targets', 'feed', 'warnings'].map(
        (id) => `cockpit-panel-${id}`,
      ),
    );
    await expect.poll(() => leader.getByTestId('cockpit-feed-item').count()).toBeGreaterThan(0);

    const canvasWidth = () =>
      leader.locator('.cs-canvas').evaluate((node) => Math.round(node.getBoundingClientRect().width));
    expect(await canvasWidth()).toBe(1920);
    await leader.setViewportSize({ width: 3840, height: 2160 });
    await expect.poll(canvasWidth).toBe(3840);
    await leader.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(canvasWidth).toBe(1920);
  });

  it('drills into 溪口镇 from the map and reloads every value for it, then returns to the district', async () => {
    const map = leader.getByTestId('cockpit-map');
    const label = map.locator('text').filter({ hasText: XIKOU.name });
    await label.first().waitFor();
    const drilled = leader.waitForRequest((request) => {
      const url = new URL(request.url());
      return (
        url.pathname === '/api/cockpit/overview' && url.searchParams.get('scope') === `town:${XIKOU.code}`
      );
    });
    await label.first().click();
    await drilled;
    await expect.poll(() => scopeShown(leader)).toBe(`town:${XIKOU.code}`);
    expect(await leader.getByTestId('cockpit-scope-name').innerText()).toBe(XIKOU.name);
    expect(leader.url()).toContain(`scope=town%3A${XIKOU.code}`);
    const select = leader.getByTestId('cockpit-scope-select');
    expect(await select.innerText()).toContain(XIKOU.name);
    const town = await apiOverview(leader, `town:${XIKOU.code}`);
    await expect.poll(() => figureValue(leader, 'events_open')).toBe(figureOf(town, 'events_open'));
    expect(await leader.getByTestId('cockpit-target-plan.events_on_time').getAttribute('href')).toBe(
      `/cockpit/indicators/plan.events_on_time?scope=town%3A${XIKOU.code}&period=year`,
    );
    expect(overviewRequests.some((url) => url.searchParams.get('scope') === `town:${XIKOU.code}`)).toBe(true);
    expect(
      await leader
        .locator(`[data-testid="cockpit-town"][data-code="${XIKOU.code}"]`)
        .getAttribute('aria-pressed'),
    ).toBe('true');

    await leader.getByTestId('cockpit-back-district').click();
    await expect.poll(() => scopeShown(leader)).toBe('district');
    expect(await leader.getByTestId('cockpit-scope-name').innerText()).toBe('奉化区');
    expect(await leader.getByTestId('cockpit-back-district').count()).toBe(0);
  });

  it('dispatches the “互联网+监管” warning as a 督办 task (it moves to 已督办)', async () => {
    // The cockpit's timer raises warnings shortly after the demo loads; refresh until it is listed.
    const warning = leader
      .getByTestId('cockpit-warnings-open')
      .locator(`[data-testid="cockpit-warning"][data-code="${SUPERVISION}"][data-scope="district"]`);
    await expect
      .poll(
        async () => {
          if ((await warning.count()) > 0) return true;
          await leader.getByTestId('cockpit-refresh').click();
          await leader.waitForTimeout(2_000);
          return (await warning.count()) > 0;
        },
        { timeout: 100_000, interval: 1_000 },
      )
      .toBe(true);
    // 33.3% of the demo's supervision items are on the platform, below the 90% warning line.
    expect(await warning.innerText()).toMatch(/低于预警线 · \d+(\.\d)?% \/ 90% · 宁波市奉化区市场监督管理局/);
    const dispatched = leader.waitForResponse((response) =>
      /\/api\/cockpit\/warnings\/[^/]+\/dispatch$/.test(new URL(response.url()).pathname),
    );
    await warning.getByTestId('cockpit-warning-dispatch').click();
    expect((await dispatched).status()).toBe(201);
    const done = leader
      .getByTestId('cockpit-warnings-dispatched')
      .locator(`[data-testid="cockpit-warning"][data-code="${SUPERVISION}"][data-scope="district"]`);
    await expect.poll(() => done.count()).toBe(1);
    expect(await leader.getByTestId('cockpit-warnings-tab-dispatched').getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await done.getByTestId('cockpit-warning-task').getAttribute('href')).toMatch(
      /^\/supervision\/[0-9a-f-]{36}$/,
    );
    await leader.getByTestId('cockpit-warnings-tab-open').click();
    await expect.poll(() => warning.count()).toBe(0);
    await leader.getByTestId('cockpit-warnings-tab-dispatched').click();
    await expect.poll(() => leader.locator('.ant-message-notice').count(), { timeout: 8_000 }).toBe(0);
    await leader.screenshot({ path: join(screenshotDir, 'cockpit-big-screen.png'), animations: 'disabled' });
  }, 150_000);

  it('puts the task in 市场监管局’s supervision list', async () => {
    const scjgj = await signIn(browser, demo.url, 'scjgj.admin', demo.password('scjgj.admin'));
    await scjgj.goto(`${demo.url}/supervision`);
    const row = scjgj.getByTestId('supervision-task-link').filter({ hasText: TASK_TITLE });
    await expect.poll(() => row.count()).toBe(1);
    // The task names the warning it came from and leads back to the indicator, at the district.
    await row.click();
    const source = scjgj.getByTestId('task-source');
    expect(await source.innerText()).toBe('驾驶舱预警：全区“互联网+监管”平台监管事项比例');
    await scjgj.screenshot({ path: join(screenshotDir, 'cockpit-task-source.png'), animations: 'disabled' });
    await source.click();
    await scjgj.getByTestId('cockpit-indicator').waitFor();
    const url = new URL(scjgj.url());
    expect(url.pathname).toBe(`/cockpit/indicators/${SUPERVISION}`);
    expect(url.searchParams.get('scope')).toBe('district');
    await scjgj.close();
  });

  it('stacks the same cockpit in one column on a phone', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const login = await context.request.post(`${demo.url}/api/auth/login`, {
      data: { username: 'leader', password: demo.password('leader') },
    });
    expect(login.ok()).toBe(true);
    const phone = await context.newPage();
    await phone.goto(`${demo.url}/cockpit`);
    await expect.poll(() => scopeShown(phone)).toBe('district');
    await expect.poll(() => figureValue(phone, 'events_open')).toBeGreaterThan(0);
    const box = async (id: string) => (await phone.getByTestId(`cockpit-panel-${id}`).boundingBox())!;
    const [services, map, targets] = [await box('services'), await box('map'), await box('targets')];
    for (const panel of [services, map, targets]) expect(panel.width).toBeGreaterThan(340);
    expect(map.y).toBeGreaterThan(services.y + services.height);
    expect(targets.y).toBeGreaterThan(map.y + map.height);
    const refresh = (await phone.getByTestId('cockpit-refresh').boundingBox())!;
    expect(refresh.height).toBeGreaterThanOrEqual(44);
    await phone.screenshot({ path: join(screenshotDir, 'cockpit-mobile.png'), animations: 'disabled' });
    await context.close();
  });

  it('refuses the big screen to staff without cockpit.view', async () => {
    const dispatcher = await signIn(browser, demo.url, 'dispatcher', demo.password('dispatcher'));
    await dispatcher.goto(`${demo.url}/cockpit`);
    await dispatcher.getByText('您没有访问此页面的权限。').waitFor();
    expect(await dispatcher.getByTestId('cockpit-screen').count()).toBe(0);
    await dispatcher.close();
  });

  it('makes this week’s report on request and offers it in the reader’s language', async () => {
    const leader = await signIn(browser, demo.url, 'leader', demo.password('leader'));
    await leader.goto(`${demo.url}/cockpit/reports`);
    await leader.getByTestId('cockpit-reports-generate').click();
    const pdfLink = leader.getByTestId('cockpit-reports').locator('a[href*="format=pdf"]').first();
    await pdfLink.waitFor();
    expect(await pdfLink.getAttribute('href')).toContain('locale=zh-CN');
    await leader.getByTestId('locale-switch').click();
    await expect.poll(() => pdfLink.getAttribute('href')).toContain('locale=en-US');
    const pdf = await leader.request.get(`${demo.url}${await pdfLink.getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
    expect(decodeURIComponent(pdf.headers()['content-disposition'])).toContain('Fenghua District, Ningbo');
    await leader.screenshot({ path: join(screenshotDir, 'cockpit-reports-en.png') });
    await leader.getByTestId('locale-switch').click();
    await expect.poll(() => pdfLink.getAttribute('href')).toContain('locale=zh-CN');
    await leader.close();
  });
});
