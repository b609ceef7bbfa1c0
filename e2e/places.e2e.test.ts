import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, signIn, startDemoServer } from './harness';

/**
 * A police household sheet as departments really send it: extra columns, stray spaces, full-width
 * digits, a useless 不详, the same estate spelt twice with homophones. Against the Fenghua library:
 * P001/P006 match at once; 兰婷佳园 (兰亭嘉园) and 滨疆佳园 (滨江嘉园) match only by sound, below the
 * 0.9 line, so each opens a 'match' review (P002 and P007 share one); room 1808 is not in the library
 * (a 'proposal'); 不详 fails.
 */
const CSV = [
  '编号,户主,联系电话,住址',
  'P001,张三,13800000001,锦屏街道阳光花园５幢２单元３０２室',
  'P002,李四,13800000002, 锦屏街道兰婷佳园 ',
  'P003,王五,13800000003,锦屏街道滨疆佳园',
  'P004,赵六,13800000004,锦屏街道阳光花园5幢2单元1808室',
  'P005,钱七,,不详',
  'P006,孙八,13800000006,奉化区锦屏街道 长汀社区长汀小区',
  'P007,周九,13800000007,锦屏街道  兰婷佳园',
].join('\r\n');

const VARIANT = '兰婷佳园';
const STANDARD = '浙江省宁波市奉化区锦屏街道东门社区兰亭嘉园';

describe('智慧地名 in Chromium: import a messy sheet, review two low-confidence matches, search by a variant', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    // 民政局's department administrator: imports, reviews and manages the library.
    page = await signIn(browser, demo.url, 'mzj.admin', demo.password('mzj.admin'));
    page.setDefaultTimeout(20_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const shot = (name: string, target: Page = page) =>
    target.screenshot({ path: join(screenshotDir, name), animations: 'disabled', fullPage: true });

  it('imports the sheet through 地址导入 and shows its progress and records', async () => {
    await page.goto(`${demo.url}/places/imports`);
    await page.getByRole('heading', { name: '地址导入' }).waitFor();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '派出所户籍地址.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    const panel = page.getByTestId('places-import');
    await expect.poll(() => panel.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await panel.textContent()).toContain('派出所户籍地址.csv');
    const count = async (key: string) =>
      Number(
        (
          await page.getByTestId(`places-import-${key}`).locator('.ant-statistic-content').textContent()
        )?.trim(),
      );
    expect(await count('total')).toBe(7);
    expect(await count('processed')).toBe(7);
    expect(await count('matched')).toBeGreaterThanOrEqual(2);
    expect(await count('review')).toBeGreaterThanOrEqual(3);
    expect(await count('failed')).toBe(1);
    const records = page.getByTestId('places-records');
    await expect.poll(() => records.locator('tr[data-outcome]').count()).toBe(7);
    // The outcome filter asks the server for the records under review only.
    await page.getByTestId('places-records-filter').getByText('待审核').click();
    // Wait for the filtered answer: until it arrives the unfiltered rows are still shown.
    await expect.poll(() => records.locator('tr[data-outcome]:not([data-outcome="review"])').count()).toBe(0);
    await expect.poll(() => records.locator('tr[data-outcome="review"]').count()).toBeGreaterThanOrEqual(3);
    expect(await records.textContent()).toContain('兰婷佳园');
    await shot('places-e2e-import.png');
  });

  it('accepts one low-confidence match and rejects another in 地址审核', async () => {
    await page.getByTestId('places-import-open-reviews').click();
    await page.getByRole('heading', { name: '地址审核' }).waitFor();
    const list = page.getByTestId('places-review-list');
    const matches = list.locator('[data-testid="places-review-open"][data-kind="match"]');
    await expect.poll(() => matches.count()).toBeGreaterThanOrEqual(2);
    expect(await list.locator('[data-testid="places-review-open"][data-kind="proposal"]').count()).toBe(1);

    // 兰婷佳园 → 兰亭嘉园: both spellings of it (P002, P007) are in one review.
    await matches.filter({ hasText: VARIANT }).click();
    const detail = page.getByTestId('places-review-detail');
    await expect.poll(() => detail.textContent()).toContain(VARIANT);
    expect(await detail.getAttribute('data-state')).toBe('open');
    expect(await detail.getByTestId('places-review-candidate').textContent()).toBe(STANDARD);
    expect(await detail.getByTestId('places-review-records').locator('li').count()).toBe(2);
    const poi = detail.locator('[data-testid="places-explanation"] tr[data-outcome="similar"]');
    expect(await poi.textContent()).toContain('音近字近');
    expect(await detail.textContent()).toMatch(/置信度 8\d%/);
    await shot('places-e2e-review.png');
    await detail.getByTestId('places-review-note').fill('同一小区，派出所登记为同音字');
    await detail.getByTestId('places-review-accept').click();
    await expect.poll(() => detail.getAttribute('data-state')).toBe('accepted');
    // The queue refreshes: the accepted one has left it.
    await expect.poll(() => matches.filter({ hasText: VARIANT }).count()).toBe(0);

    // 滨疆佳园 → 滨江嘉园: not accepted on sound alone.
    await matches.filter({ hasText: '滨疆佳园' }).click();
    await expect.poll(() => detail.textContent()).toContain('滨疆佳园');
    await detail.getByTestId('places-review-reject').click();
    await expect.poll(() => detail.getAttribute('data-state')).toBe('rejected');
    await expect.poll(() => matches.count()).toBe(0);
    await page.getByTestId('places-review-state').getByText('已采纳').click();
    await expect.poll(() => list.textContent()).toContain(VARIANT);
  });

  it('finds the estate on 地址搜索 by the variant spelling, now explained as an alias', async () => {
    await page.goto(`${demo.url}/places`);
    await page.getByRole('heading', { name: '地址搜索' }).waitFor();
    await page.getByLabel('地址', { exact: true }).fill(VARIANT);
    const option = page.locator(`[data-testid="places-search-option"][data-key="${STANDARD}"]`);
    await expect.poll(() => option.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const match = page.getByTestId('places-match');
    await expect.poll(() => match.getAttribute('data-query')).toBe(VARIANT);
    const row = match.locator('[data-testid="places-explanation"] tr[data-outcome]').first();
    expect(await row.getAttribute('data-outcome')).toBe('alias');
    expect(await row.textContent()).toContain('别名');
    expect(await match.getByTestId('places-best').textContent()).toContain(STANDARD);
    await option.first().click();
    const detail = page.getByTestId('places-detail');
    await expect.poll(() => detail.getAttribute('data-key')).toBe(STANDARD);
    expect(await detail.getByTestId('places-aliases').textContent()).toContain(VARIANT);
    await shot('places-e2e-search.png');
  });

  it('prints the estate’s doorplates; a plate’s code opens its public page without a login', async () => {
    await page.goto(`${demo.url}/places/doorplates`);
    await page.getByRole('heading', { name: '门牌码打印' }).waitFor();
    await page.getByLabel('地址', { exact: true }).fill('兰亭嘉园');
    const option = page.locator(`[data-testid="places-search-option"][data-key="${STANDARD}"]`);
    await option.first().click();
    await expect.poll(() => page.getByTestId('places-doorplate-parent').textContent()).toContain(STANDARD);
    await page.getByTestId('places-doorplate-generate').click();
    const plates = page.locator('[data-testid="places-plates"] .zz-plate');
    await expect.poll(() => plates.count()).toBeGreaterThan(0);
    const first = plates.first();
    expect(await first.locator('img').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    const token = (await first.getAttribute('data-token')) ?? '';
    expect(await first.textContent()).toContain(token);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    await shot('places-e2e-doorplates-print.png');
    await page.emulateMedia({ media: 'screen' });

    const citizen = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    citizen.setDefaultTimeout(20_000);
    await citizen.goto(`${demo.url}/doorplate/${token}`);
    await expect.poll(() => citizen.getByTestId('places-public-address').textContent()).toContain(STANDARD);
    expect(await citizen.getByTestId('places-public-services').locator('li').count()).toBeGreaterThan(0);
    await citizen.getByRole('switch', { name: '关怀模式' }).click();
    await shot('places-e2e-public-elder.png', citizen);
    await citizen.goto(`${demo.url}/doorplate/NOTACODE0000`);
    await expect
      .poll(() => citizen.getByTestId('places-public-error').getAttribute('data-code'))
      .toMatch(/^codes\.code\./);
    await citizen.close();
  });
});
