import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pickOption, screenshotDir, signIn, startDemoServer } from './harness';

const RSJ = '宁波市奉化区人力资源和社会保障局';

interface Item {
  code: string;
  name: string;
  grade: 'L1' | 'L2' | 'L3' | 'L4';
  authoritative?: boolean;
}

describe('数据资源目录 in Chromium: register, edit, facet-filter and retire resources', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;

  const pick = (dialog: Locator, label: string, option: string, search = false) =>
    pickOption(page, dialog, label, option, search);

  /** Clicks the dialog's OK button and returns the status of the request to `path` it sends. */
  const save = async (dialog: Locator, method = 'POST', path = '/api/data/resources', button = /保\s?存/) => {
    const response = page.waitForResponse(
      (r) => new URL(r.url()).pathname.endsWith(path) && r.request().method() === method,
    );
    await dialog.getByRole('button', { name: button }).click();
    return (await response).status();
  };

  /** The resource codes listed on the current page of the table, once the list has loaded. */
  const listedCodes = () => page.getByTestId('data-resource-code').allTextContents();

  /** Searches the catalog and waits for the list request to answer. */
  const search = async (text: string) => {
    const response = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/data/resources' && r.request().method() === 'GET',
    );
    const box = page.getByTestId('data-search').locator('input');
    await box.fill(text);
    await box.press('Enter');
    await response;
  };

  const fillForm = async (classification: string, name: string, openingType: string, items: Item[]) => {
    await page.getByTestId('data-register').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('分类（前段码）').fill(classification);
    await dialog.getByLabel('资源名称').fill(name);
    await pick(dialog, '提供部门', RSJ, true);
    await dialog.getByLabel('资源摘要').fill(`${name}：参保人员的身份与参保状态。`);
    await pick(dialog, '开放类型', openingType);
    for (const [i, item] of items.entries()) {
      if (i > 0) await dialog.getByTestId('data-item-add').click();
      await dialog.getByLabel(`第 ${i + 1} 项 数据项代码`).fill(item.code);
      await dialog.getByLabel(`第 ${i + 1} 项 数据项名称`).fill(item.name);
      await pick(dialog, `第 ${i + 1} 项 分级`, item.grade);
      if (item.authoritative) await dialog.getByLabel(`第 ${i + 1} 项 权威来源`).check();
    }
    return dialog;
  };

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    page = await signIn(browser, demo.url, 'admin', demo.password('admin'));
    // A hung locator fails with its name well inside the test timeout instead of timing the test out.
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('registers a resource with two items and shows the assigned code and the items', async () => {
    await page.goto(`${demo.url}/data/catalog`);
    await page.getByRole('heading', { name: '数据资源目录' }).waitFor();
    const dialog = await fillForm('301001', '灵活就业参保人员花名册', '禁止开放', [
      { code: 'id_number', name: '公民身份号码', grade: 'L3', authoritative: true },
      { code: 'insured_status', name: '参保状态', grade: 'L2' },
    ]);
    expect(await save(dialog)).toBe(201);
    await expect
      .poll(() => page.getByTestId('data-registered-code').textContent())
      .toContain('301001/000001');
    // On a loaded machine a click while the result dialog is still animating in can be lost:
    // close it until it is gone (at most three tries), then the drawer opens.
    const close = page.getByRole('button', { name: /关\s?闭/ });
    for (let attempt = 1; ; attempt++) {
      await close.click();
      try {
        await page.getByTestId('data-registered-code').waitFor({ state: 'hidden', timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }

    const detail = page.getByTestId('data-detail');
    await detail.waitFor();
    await expect.poll(() => detail.getByTestId('data-detail-code').textContent()).toBe('301001/000001');
    const items = detail.getByTestId('data-items');
    await expect
      .poll(() => items.locator('tbody tr.ant-table-row').allTextContents())
      .toEqual([expect.stringContaining('公民身份号码'), expect.stringContaining('参保状态')]);
    expect(await items.getByTestId('data-authoritative').count()).toBe(1);
    await page.screenshot({ path: join(screenshotDir, 'data-e2e-drawer.png'), animations: 'disabled' });
    await page.locator('.ant-drawer-close').click();
    await detail.waitFor({ state: 'hidden' });
    // The demo catalog is there too: search narrows the list to the new resource.
    await expect.poll(() => page.getByTestId('data-resource-code').count()).toBeGreaterThan(10);
    await search('花名册');
    await expect.poll(listedCodes).toEqual(['301001/000001']);
  });

  it('shows the grading error on the opening type field: 无条件开放 with an L4 item', async () => {
    const dialog = await fillForm('301001', '参保人员银行账户', '无条件开放', [
      { code: 'bank_account', name: '社保卡银行账号', grade: 'L4' },
    ]);
    expect(await save(dialog)).toBe(400);
    const help = dialog.locator('#data-resource_openingType_help');
    await expect.poll(() => help.textContent()).toContain('L1');
    await page.screenshot({ path: join(screenshotDir, 'data-e2e-error.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: /取\s?消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(listedCodes).toEqual(['301001/000001']);
  }, 60_000);

  it('edits the resource keeping its code: new name and a key item, shown in the drawer', async () => {
    await page.getByTestId('data-resource-code').filter({ hasText: '301001/000001' }).click();
    const detail = page.getByTestId('data-detail');
    await detail.waitFor();
    await page.getByTestId('data-edit').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '编辑数据资源' });
    await expect.poll(() => dialog.getByTestId('data-form-code').inputValue()).toBe('301001/000001');
    await dialog.getByLabel('资源名称').fill('灵活就业参保人员花名册（含参保状态）');
    await pick(dialog, '主键数据项', '公民身份号码（id_number）');
    await dialog.getByText('编辑数据资源').click(); // closes the multiple select's dropdown
    expect(await save(dialog, 'PUT', '', /保\s?存/)).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => detail.getByTestId('data-detail-key-items').textContent()).toBe('id_number');
    await expect.poll(() => detail.getByTestId('data-detail-code').textContent()).toBe('301001/000001');
    await expect
      .poll(() => page.locator('.ant-drawer-title').textContent())
      .toBe('灵活就业参保人员花名册（含参保状态）');
    await page.screenshot({ path: join(screenshotDir, 'data-e2e-edited.png'), animations: 'disabled' });
    await page.locator('.ant-drawer-close').click();
    await detail.waitFor({ state: 'hidden' });
  }, 60_000);

  it('filters by facets with counts: 无条件开放 shows the open demo resources only', async () => {
    await search('');
    const openOption = page
      .getByTestId('data-facet-openingType')
      .locator('[data-testid="data-facet-option"][data-value="open"]');
    await expect.poll(() => openOption.textContent()).toMatch(/无条件开放\s*\(3\)/);
    const response = page.waitForResponse((r) => r.url().includes('openingType=open'));
    await openOption.click();
    await response;
    await expect
      .poll(() => page.getByTestId('data-opening').allTextContents())
      .toEqual(['无条件开放', '无条件开放', '无条件开放']);
    await expect.poll(() => page.getByTestId('data-total').textContent()).toContain('3');
    // Other facets now count only open resources: every one is top grade L1.
    const grades = page.getByTestId('data-facet-grade').getByTestId('data-facet-option');
    await expect.poll(() => grades.allTextContents()).toEqual([expect.stringMatching(/^L1\s*\(3\)$/)]);
    await page.screenshot({ path: join(screenshotDir, 'data-e2e-facets.png'), animations: 'disabled' });
    await page.getByTestId('data-facet-clear').click();
    await expect.poll(() => page.getByTestId('data-resource-code').count()).toBeGreaterThan(10);
  }, 60_000);

  it('retires the resource with a reason: it leaves the default list and shows as 已撤销', async () => {
    await search('花名册');
    await expect.poll(listedCodes).toEqual(['301001/000001']);
    await page.getByTestId('data-resource-code').first().click();
    const detail = page.getByTestId('data-detail');
    await detail.waitFor();
    await page.getByTestId('data-retire').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '撤销数据资源' });
    await dialog.getByLabel('撤销原因').fill('已并入人社局参保登记信息资源');
    expect(await save(dialog, 'POST', '/retire', /撤\s?销/)).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => detail.getByTestId('data-status').getAttribute('data-value')).toBe('retired');
    expect(await page.getByTestId('data-edit').count()).toBe(0);
    await page.locator('.ant-drawer-close').click();
    await detail.waitFor({ state: 'hidden' });
    await expect.poll(listedCodes).toEqual([]);
    await page
      .getByTestId('data-facet-status')
      .getByText(/已撤销/)
      .click();
    await expect.poll(listedCodes).toEqual(['301001/000001']);
    await expect
      .poll(() => page.getByTestId('data-status').first().getAttribute('data-value'))
      .toBe('retired');
  }, 60_000);
});
