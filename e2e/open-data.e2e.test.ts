import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataRow } from '@zhizhi/data';
import { systemActor } from '@zhizhi/kernel';
import { orgDepartment } from '@zhizhi/kernel/org';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, signIn, startDemoServer } from './harness';

const JOBS = '奉化区公共就业招聘岗位';
const TRAINING = '奉化区职业技能培训学员名册';

describe('公共数据开放 in Chromium: a citizen finds and downloads an open dataset; the owner decides an application', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let jobsCode = '';
  let trainingCode = '';

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    const { kernel, modules } = demo.server;
    const [rsj] = await kernel.db.select().from(orgDepartment).where(eq(orgDepartment.code, 'rsj'));
    const base = { providerDepartmentId: rsj.id, format: '电子表格', sharingType: 'unconditional' } as const;
    const jobs = await modules.data.catalog.registerResource(systemActor, {
      ...base,
      classificationCode: '201009',
      name: JOBS,
      abstract: '本区公共就业服务机构发布的招聘岗位、薪资范围与招聘人数。',
      updateCycle: '每周',
      openingType: 'open',
      items: [
        { code: 'post', name: '岗位名称', type: 'string', grade: 'L1' },
        { code: 'salary', name: '薪资范围', type: 'string', grade: 'L1' },
        { code: 'openings', name: '招聘人数', type: 'integer', grade: 'L1' },
      ],
    });
    const training = await modules.data.catalog.registerResource(systemActor, {
      ...base,
      classificationCode: '201009',
      name: TRAINING,
      abstract: '本区职业技能培训学员的姓名与培训工种，受限开放。',
      updateCycle: '每月',
      openingType: 'restricted',
      items: [
        { code: 'trainee', name: '学员姓名', type: 'string', grade: 'L3', personalKind: 'name' },
        { code: 'trade', name: '培训工种', type: 'string', grade: 'L1' },
      ],
    });
    jobsCode = jobs.code.replace('/', '-');
    trainingCode = training.code.replace('/', '-');
    const row = (resourceId: string, rowKey: string, data: Record<string, string | number>) => ({
      resourceId,
      rowKey,
      data,
      hash: rowKey.padEnd(64, '0'),
      loadVersion: 1,
    });
    await kernel.db
      .insert(dataRow)
      .values([
        row(jobs.id, '1', { post: '会计', salary: '6000-8000', openings: 2 }),
        row(jobs.id, '2', { post: '焊工, 高级', salary: '面议', openings: 5 }),
        row(training.id, '1', { trainee: '张三丰', trade: '电工' }),
      ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('a citizen (no login) searches /open, opens the dataset and downloads its CSV', async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page.setDefaultTimeout(15_000);
    await page.goto(`${demo.url}/open`);
    await page.getByRole('heading', { name: '公共数据开放' }).waitFor();
    await page.getByTestId('open-search').locator('input').fill('招聘岗位');
    await page.getByTestId('open-search').locator('input').press('Enter');
    const links = page.getByTestId('open-dataset-link');
    await expect.poll(() => links.allTextContents()).toEqual([JOBS]);
    await page.screenshot({ path: join(screenshotDir, 'open-data-e2e-search.png'), animations: 'disabled' });
    await links.first().click();
    await page.getByRole('heading', { name: JOBS }).waitFor();
    await expect.poll(() => page.getByTestId('open-row-count').textContent()).toBe('2');
    expect(await page.getByTestId('open-api-example').textContent()).toContain(
      `/api/open/v1/resources/${jobsCode}/rows`,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('open-download-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${JOBS}.csv`);
    const content = readFileSync((await download.path())!, 'utf8');
    expect(content).toBe('\uFEFF岗位名称,薪资范围,招聘人数\r\n会计,6000-8000,2\r\n"焊工, 高级",面议,5\r\n');
    await page.screenshot({
      path: join(screenshotDir, 'open-data-e2e-dataset.png'),
      animations: 'disabled',
      fullPage: true,
    });
    await page.reload();
    await expect.poll(() => page.getByTestId('open-downloads').textContent()).toBe('1');
    // The published statistics count the download (downloads 1, API calls 0, rows 2); elder mode (large type) stays readable on a phone.
    await page.getByTestId('open-nav-stats').click();
    await page.getByRole('heading', { name: '数据开放统计' }).waitFor();
    await page.getByRole('switch', { name: '关怀模式' }).click();
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: JOBS }).textContent())
      .toMatch(/保障局102$/);
    await page.screenshot({
      path: join(screenshotDir, 'open-data-e2e-stats-elder.png'),
      animations: 'disabled',
      fullPage: true,
    });
    await page.close();
  });

  it('a developer applies for restricted data; the owner department approves it in the staff inbox', async () => {
    const { modules } = demo.server;
    const { apiKey } = await modules.data.openData.register({
      name: '王开发',
      organisation: '宁波数智科技有限公司',
      mobile: '13812345678',
      email: 'dev@example.cn',
    });
    const developer = await modules.data.openData.authenticate(apiKey);
    await modules.data.openData.apply(developer, {
      resourceCode: trainingCode,
      purpose: '培训就业跟踪服务研究',
      items: ['trainee', 'trade'],
      durationDays: 90,
    });
    const page = await signIn(browser, demo.url, 'rsj.admin', demo.password('rsj.admin'));
    page.setDefaultTimeout(15_000);
    await page.goto(`${demo.url}/data/open-applications`);
    await page.getByRole('heading', { name: '数据开放申请' }).waitFor();
    await page.getByTestId('open-approve').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('学员姓名').uncheck();
    await dialog.getByTestId('open-decision-ok').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已同意', { exact: true }).click();
    await expect
      .poll(() => page.getByTestId('open-application-status').getAttribute('data-value'))
      .toBe('approved');
    await page.screenshot({ path: join(screenshotDir, 'open-data-e2e-review.png'), animations: 'disabled' });
    const rows = await modules.data.openData.rows(developer, trainingCode, {});
    expect(rows.rows).toEqual([{ trade: '电工' }]);
    await page.close();
  });
});
