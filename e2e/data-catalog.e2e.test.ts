import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, signIn, startDemoServer } from './harness';

const RSJ = '宁波市奉化区人力资源和社会保障局';

interface Item {
  code: string;
  name: string;
  grade: 'L1' | 'L2' | 'L3' | 'L4';
  authoritative?: boolean;
}

describe('数据资源目录 in Chromium: register a resource with items, see its code and items', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let page: Page;

  /**
   * Opens an antd select by its label, picks an option (typing first into searchable ones) and waits
   * until the select shows it, so a slow machine cannot race the next step against a closing dropdown.
   */
  const pick = async (dialog: Locator, label: string, option: string, search = false) => {
    const input = dialog.getByLabel(label, { exact: true });
    await input.click();
    if (search) await input.fill(option);
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
    const select = input.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
    await expect.poll(() => select.textContent(), { timeout: 10_000 }).toContain(option);
  };

  /** Clicks 保存 and returns the status of the POST it sends. */
  const save = async (dialog: Locator) => {
    const response = page.waitForResponse(
      (r) => r.url().endsWith('/api/data/resources') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    return (await response).status();
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
    const dialog = await fillForm('301001', '参保人员基本信息', '禁止开放', [
      { code: 'id_number', name: '公民身份号码', grade: 'L3', authoritative: true },
      { code: 'insured_status', name: '参保状态', grade: 'L2' },
    ]);
    expect(await save(dialog)).toBe(201);
    await expect
      .poll(() => page.getByTestId('data-registered-code').textContent())
      .toContain('301001/000001');
    await page.getByRole('button', { name: /关\s?闭/ }).click();

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
    await expect
      .poll(() => page.getByTestId('data-resource-code').allTextContents())
      .toEqual(['301001/000001']);
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
    await expect.poll(() => page.getByTestId('data-resource-code').count()).toBe(1);
  }, 60_000);
});
