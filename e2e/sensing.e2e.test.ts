import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, signIn, startDemoServer } from './harness';

const STATION = 'FH-SK-TX';
const OVER_GUARANTEE = 'tr[data-alarm-type="water_level.over_guarantee"]';

describe('物联感知 in Chromium: a reading above 保证水位 raises a red alarm live, a case, a township warning', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    demo = await startDemoServer();
    // The simulated feed would bring the level back to normal within a minute and clear the alarm.
    const { sensing } = demo.server.modules;
    await sensing.demoFeed.stop();
    // The rules are loaded lazily and the history's alarm writes queue up at start: wait for both,
    // so the reading below is judged at once rather than behind the start-up backlog.
    await sensing.engine.reload();
    await sensing.engine.settle();
    browser = await launchBrowser();
    page = await signIn(browser, demo.url, 'admin', demo.password('admin'));
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const shot = (name: string, target: Page = page) =>
    target.screenshot({ path: join(screenshotDir, name), animations: 'disabled', fullPage: true });

  it('shows the stations on /sensing, on the map and in the list', async () => {
    await page.goto(`${demo.url}/sensing`);
    await page.getByRole('heading', { name: '监测一张图' }).waitFor();
    await expect
      .poll(() => page.getByTestId('sensing-station-count').textContent())
      .toMatch(/^共 4\d 个站点/);
    // The list pages; finding by name is how a keyboard user gets to one station.
    await page.getByTestId('sensing-station-search').locator('input').fill('亭下');
    const list = page.getByTestId('sensing-station-list');
    await expect.poll(() => list.locator('tr[data-station-code]').count()).toBeLessThan(10);
    await expect
      .poll(() => list.locator(`tr[data-station-code="${STATION}"]`).textContent())
      .toContain('亭下水库');
    // The map draws (SwiftShader) or, without WebGL, says so and lists the points.
    await expect
      .poll(async () =>
        (await page.getByTestId('event-map-fallback').count())
          ? 'fallback'
          : page.getByTestId('event-map').getAttribute('data-state'),
      )
      .toMatch(/^(ready|fallback)$/);
    await list
      .locator(`tr[data-station-code="${STATION}"]`)
      .getByRole('button', { name: '亭下水库' })
      .click();
    const panel = page.getByTestId('sensing-station-panel');
    await expect.poll(() => panel.getAttribute('data-station-code')).toBe(STATION);
    await expect
      .poll(() => panel.getByTestId('sensing-value-water_level').textContent())
      .toMatch(/\d+\.\d+ m/);
    await shot('sensing-e2e-map.png');
  });

  it('raises 超保证水位 from a device reading; the alarm centre shows it live with its case; it is acknowledged', async () => {
    const devices = (await (
      await page.request.get(`${demo.url}/api/sensing/devices?q=${STATION}`)
    ).json()) as {
      items: { code: string; token: string; metrics: string[]; stationCode: string }[];
    };
    const gauge = devices.items.find((d) => d.stationCode === STATION && d.metrics.includes('water_level'));
    expect(gauge?.code).toBe(`${STATION}-01`);
    const station = (await (
      await page.request.get(`${demo.url}/api/sensing/stations/${STATION}`)
    ).json()) as {
      attributes: Record<string, number>;
    };
    const guarantee = station.attributes.guarantee_level!;
    expect(guarantee).toBeGreaterThan(0);

    await page.goto(`${demo.url}/sensing/alarms`);
    await page.getByRole('heading', { name: '告警中心' }).waitFor();
    await expect.poll(() => page.getByTestId('sensing-live').getAttribute('data-value')).toBe('open');
    expect(await page.locator(OVER_GUARANTEE).count()).toBe(0);

    // A device speaks over HTTP with its token only: no session, no CSRF.
    const response = await fetch(`${demo.url}/api/v1/${gauge!.token}/telemetry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ts: Date.now() + 1000, values: { water_level: guarantee + 0.5 } }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { stored: number }).stored).toBe(1);

    const row = page.locator(OVER_GUARANTEE);
    await expect
      .poll(() => row.count(), { timeout: 15_000 })
      .toBe(1)
      .catch(async (error) => {
        const api = await page.request.get(`${demo.url}/api/sensing/alarms`);
        console.log('alarms via API', await api.text());
        throw error;
      });
    expect(await row.getByTestId('sensing-severity').textContent()).toBe('红色');
    expect(await row.textContent()).toContain('亭下水库');
    await expect
      .poll(() => row.getByTestId('sensing-alarm-case').textContent(), { timeout: 30_000 })
      .toMatch(/\S+/);
    await expect
      .poll(() => row.getByTestId('sensing-alarm-status').getAttribute('data-value'))
      .toBe('active:false');
    await row.getByTestId('sensing-alarm-ack').click();
    await expect
      .poll(() => row.getByTestId('sensing-alarm-status').getAttribute('data-value'))
      .toBe('active:true');
    expect(await row.getByTestId('sensing-alarm-ack').count()).toBe(0);
    await shot('sensing-e2e-alarms.png');

    // The map page follows the stream: the station turns red and a new reading shows without a reload.
    await page.goto(`${demo.url}/sensing`);
    await page.getByTestId('sensing-station-search').locator('input').fill(STATION);
    const listed = page.locator(`[data-testid="sensing-station-list"] tr[data-station-code="${STATION}"]`);
    await expect.poll(() => listed.getByTestId('sensing-station-status').textContent()).toBe('告警 · 红色');
    await listed.getByRole('button', { name: '亭下水库' }).click();
    const panel = page.getByTestId('sensing-station-panel');
    await expect.poll(() => page.getByTestId('sensing-live').getAttribute('data-value')).toBe('open');
    const again = await fetch(`${demo.url}/api/v1/${gauge!.token}/telemetry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ts: Date.now() + 2000, values: { water_level: guarantee + 0.7 } }),
    });
    expect(again.status).toBe(200);
    await expect
      .poll(() => panel.getByTestId('sensing-value-water_level').textContent())
      .toBe(`${(guarantee + 0.7).toFixed(1)} m`);
    await shot('sensing-e2e-map-live.png');
  });

  it('draws the station’s water level with its threshold lines', async () => {
    await page.goto(`${demo.url}/sensing/stations/${STATION}`);
    await page.getByRole('heading', { name: '亭下水库' }).waitFor();
    const chart = page.locator('[data-testid="sensing-metric-chart"][data-metric="water_level"]');
    await expect
      .poll(() => chart.getByTestId('sensing-thresholds').textContent())
      .toContain('保证水位 86.0 m');
    expect(await chart.getByTestId('sensing-thresholds').textContent()).toContain('警戒水位 83.0 m');
    // ECharts (SVG) draws the mark lines' labels into the chart itself.
    await expect.poll(() => chart.locator('svg').textContent()).toContain('保证水位 86.0 m');
    expect(await page.getByTestId('sensing-attributes').textContent()).toContain('汛限水位');
    await expect.poll(() => page.getByTestId('sensing-latest-water_level').textContent()).toBe('86.7 m');
    expect(await page.getByTestId('sensing-device-token').count()).toBeGreaterThan(0);
    await shot('sensing-e2e-station.png');
    // en-US: the same lines with English names.
    await page.getByTestId('locale-switch').click();
    await expect
      .poll(() => chart.getByTestId('sensing-thresholds').textContent())
      .toContain('Guaranteed level 86.0 m');
    await shot('sensing-e2e-station-en.png');
    await page.getByTestId('locale-switch').click();
    await expect.poll(() => chart.getByTestId('sensing-thresholds').textContent()).toContain('保证水位');
  });

  it('puts 溪口镇 at a red warning, for staff and on the public page (no login, elder mode)', async () => {
    const xikou = (target: Page) =>
      target.locator('[data-testid="sensing-warning-township"][data-township="溪口镇"]');
    await page.goto(`${demo.url}/sensing/warning`);
    await page.getByRole('heading', { name: '多灾种预警' }).waitFor();
    // Warnings are refreshed a few seconds after the alarm; the page refreshes on alarm events and each minute.
    await expect
      .poll(
        async () => {
          if ((await xikou(page).count()) === 0) await page.reload();
          return xikou(page)
            .getAttribute('data-level', { timeout: 2_000 })
            .catch(() => null);
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe('1');
    expect(await xikou(page).textContent()).toContain('超保证水位');
    await shot('sensing-e2e-warning.png');

    const citizen = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    citizen.setDefaultTimeout(15_000);
    await citizen.goto(`${demo.url}/warning`);
    await citizen.getByRole('heading', { name: '灾害预警发布' }).waitFor();
    await expect.poll(() => xikou(citizen).getAttribute('data-level')).toBe('1');
    expect(await xikou(citizen).getByTestId('sensing-level').first().textContent()).toBe('红色预警');
    await citizen.getByRole('switch', { name: '关怀模式' }).click();
    await shot('sensing-e2e-public-elder.png', citizen);
    await citizen.close();
  });
});
