import { join } from 'node:path';
import { systemActor } from '@zhizhi/kernel';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, startDemoServer, signIn as signInAs } from './harness';

const RSJ = '宁波市奉化区人力资源和社会保障局';
const XIKOU = '宁波市奉化区溪口镇人民政府';
const TITLE = '春季防汛隐患排查整改';
const XIKOU_USER = { username: 'xikou.office', password: 'xikou-pass-1' };
// A 1×1 PNG: the report's photo.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A week from today in Beijing, YYYY-MM-DD. */
function aWeekAhead(): string {
  return new Date(Date.now() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
}

describe('督查督办 in Chromium: dispatch → report → complete → evaluate → closed', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let leader: Page;

  const signIn = (username: string, password: string) =>
    signInAs(browser, demo.url, username, password, { viewport: { width: 1366, height: 900 } });
  const card = (page: Page, department: string) =>
    page.locator(`[data-testid="assignment-card"][data-department="${department}"]`);
  const statusOf = (page: Page, department: string) =>
    card(page, department).getByTestId('assignment-status').first().getAttribute('data-status');
  const openTask = async (page: Page) => {
    await page.getByTestId('nav-supervision').click();
    await page.getByTestId('supervision-task-link').filter({ hasText: TITLE }).click();
    await page.getByTestId('supervision-detail').waitFor();
  };
  const confirmDialog = (page: Page, name: RegExp) =>
    page.getByRole('dialog').last().getByRole('button', { name }).click();

  /** A department user accepts, reports 50 % with a photo, then reports completion. */
  const handleAsDepartment = async (page: Page, department: string, withPhoto: boolean) => {
    await openTask(page);
    // On a loaded machine the confirmation can be clicked while its dialog is still opening and
    // be lost: accept again (at most three times) until the department shows as in progress.
    for (let attempt = 1; ; attempt++) {
      if ((await statusOf(page, department)) === 'in_progress') break;
      if (await card(page, department).getByTestId('action-accept').isVisible())
        await card(page, department).getByTestId('action-accept').click();
      await page
        .getByRole('dialog')
        .last()
        .getByRole('button', { name: /签\s?收/ })
        .click({ timeout: 5_000 })
        .catch(() => undefined);
      try {
        await expect.poll(() => statusOf(page, department), { timeout: 8_000 }).toBe('in_progress');
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await card(page, department).getByTestId('action-report').click();
    const report = page.getByRole('dialog').last();
    await report.getByRole('slider').focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await report.getByLabel('进展情况').fill('已排查 12 处隐患，整改 6 处。');
    if (withPhoto) {
      await report
        .locator('input[type=file]')
        .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
      await expect.poll(() => report.locator('.ant-upload-list-item-done').count()).toBe(1);
    }
    await page.screenshot({
      path: join(screenshotDir, `supervision-report-${withPhoto ? 'rsj' : 'xikou'}.png`),
      animations: 'disabled',
    });
    await report.getByRole('button', { name: /保\s?存/ }).click();
    await expect
      .poll(() => card(page, department).getByRole('progressbar').getAttribute('aria-valuenow'))
      .toBe('50');
    await card(page, department).getByTestId('action-complete').click();
    const complete = page.getByRole('dialog').last();
    await complete.getByLabel('办结情况').fill('隐患全部整改完毕。');
    await complete.getByRole('button', { name: /保\s?存/ }).click();
    await expect.poll(() => statusOf(page, department)).toBe('completed');
  };

  beforeAll(async () => {
    demo = await startDemoServer();
    const kernel = demo.server.kernel;
    const town = (await kernel.org.listDepartments(systemActor)).find((d) => d.name === XIKOU)!;
    await kernel.staff.createStaff(systemActor, {
      ...XIKOU_USER,
      displayName: '溪口镇办公室',
      departmentId: town.id,
      roles: [{ roleCode: 'dept_admin', divisionCode: town.divisionCode, departmentId: town.id }],
      mustChangePassword: false,
    });
    browser = await launchBrowser();
    leader = await signIn('leader', demo.password('leader'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('lets the leader dispatch a task to two departments', async () => {
    await leader.getByTestId('nav-supervision').click();
    await leader.getByTestId('supervision-create').click();
    const form = leader.getByRole('dialog');
    await form.getByLabel('任务名称').fill(TITLE);
    await form.getByLabel('督办要求').fill('全面排查辖区水库、山塘隐患，报送整改清单。');
    const departments = form.getByLabel('责任部门');
    for (const name of [RSJ, XIKOU]) {
      await departments.click();
      await departments.pressSequentially(name.slice(-8));
      await leader.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
    }
    await leader.keyboard.press('Escape');
    const deadline = form.getByLabel('办理期限');
    await deadline.click();
    await deadline.fill(aWeekAhead());
    await deadline.press('Enter');
    await leader.screenshot({ path: join(screenshotDir, 'supervision-create.png'), animations: 'disabled' });
    await form.getByRole('button', { name: /交\s?办/ }).click();
    await leader.getByTestId('supervision-detail').waitFor();
    expect(await statusOf(leader, RSJ)).toBe('pending');
    expect(await statusOf(leader, XIKOU)).toBe('pending');
    expect(await leader.getByTestId('deadline-countdown').first().innerText()).toMatch(/剩余 7 天/);
    await leader.screenshot({
      path: join(screenshotDir, 'supervision-detail-leader.png'),
      animations: 'disabled',
    });
  });

  it('lets the leader urge a department (催办)', async () => {
    await card(leader, XIKOU).getByTestId('action-urge').click();
    await leader.getByRole('dialog').last().getByLabel('催办意见').fill('请今天内签收。');
    await confirmDialog(leader, /催\s?办/);
    await expect.poll(() => card(leader, XIKOU).innerText()).toContain('已催办 1 次');
  });

  it('lets each department report progress and completion for its own part only', async () => {
    const rsj = await signIn('rsj.admin', demo.password('rsj.admin'));
    await handleAsDepartment(rsj, RSJ, true);
    expect(await card(rsj, XIKOU).count()).toBe(0); // 人社局 sees only its own assignment
    const photo = card(rsj, RSJ).locator('a', { hasText: '现场照片.png' });
    const download = await rsj.request.get(`${demo.url}${await photo.getAttribute('href')}`);
    expect([download.status(), download.headers()['content-type']]).toEqual([200, 'image/png']);
    await rsj.screenshot({
      path: join(screenshotDir, 'supervision-detail-department.png'),
      fullPage: true,
      animations: 'disabled',
    });
    await rsj.close();
    const town = await signIn(XIKOU_USER.username, XIKOU_USER.password);
    await handleAsDepartment(town, XIKOU, false);
    await town.close();
  }, 90_000);

  it('lets the leader evaluate both departments, which closes the task', async () => {
    await leader.reload();
    await leader.getByTestId('supervision-detail').waitFor();
    for (const [department, grade] of [
      [RSJ, '优秀'],
      [XIKOU, '良好'],
    ]) {
      await card(leader, department).getByTestId('action-evaluate').click();
      const dialog = leader.getByRole('dialog').last();
      await dialog.getByText(grade, { exact: true }).click();
      await dialog.getByLabel('评价意见').fill('按要求完成整改。');
      await dialog.getByRole('button', { name: /保\s?存/ }).click();
      await expect.poll(() => statusOf(leader, department)).toBe('evaluated');
    }
    await expect
      .poll(() => leader.getByTestId('task-status').first().getAttribute('data-status'))
      .toBe('closed');
    await leader.screenshot({
      path: join(screenshotDir, 'supervision-closed.png'),
      fullPage: true,
      animations: 'disabled',
    });
  });

  it('lists the closed task, also in English and in elder mode', async () => {
    await leader.goto(`${demo.url}/supervision`);
    const row = leader.locator('.ant-table-row').filter({ hasText: TITLE });
    await expect.poll(() => row.getByTestId('task-status').getAttribute('data-status')).toBe('closed');
    await leader.getByTestId('locale-switch').click();
    await expect.poll(() => row.innerText()).toContain('Evaluated');
    await leader.screenshot({ path: join(screenshotDir, 'supervision-list-en.png'), animations: 'disabled' });
    await leader.getByTestId('locale-switch').click();
    await leader.getByTestId('elder-switch').click();
    await expect.poll(() => leader.evaluate(() => document.documentElement.dataset.elder)).toBe('on');
    await leader.screenshot({
      path: join(screenshotDir, 'supervision-list-elder.png'),
      animations: 'disabled',
    });
    await row.getByTestId('supervision-task-link').click();
    await leader.getByTestId('supervision-detail').waitFor();
    await leader.screenshot({
      path: join(screenshotDir, 'supervision-detail-elder.png'),
      animations: 'disabled',
    });
    await leader.keyboard.press('Escape');
    await expect.poll(() => leader.getByTestId('supervision-detail').count()).toBe(0);
    await leader.getByTestId('elder-switch').click();
    await expect.poll(() => leader.evaluate(() => document.documentElement.dataset.elder)).toBeUndefined();
  });
});
