import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskValue } from '@zhizhi/data';
import { orgDepartment } from '@zhizhi/kernel/org';
import { eq } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pickInSelect, pickOption, screenshotDir, signIn, startDemoServer } from './harness';

const RSJ = '宁波市奉化区人力资源和社会保障局';
const RESOURCE = '灵活就业人员登记信息';
const MATTER = '许可-00001-001';
const ACCESSOR = 'mzj.caseworker';

/** A valid 18-digit identity number (GB 11643 check digit) for a 17-digit body. */
function idNumber(body: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** The same number with a wrong check digit. */
function badCheckDigit(id: string): string {
  const last = id.at(-1) === '0' ? '1' : '0';
  return id.slice(0, -1) + last;
}

// Eight synthetic people, two with a wrong check digit on the identity number.
const PEOPLE = [
  { id_number: idNumber('33021319850101101'), person_name: '张晓明', phone: '19900001001', town: '溪口镇' },
  { id_number: idNumber('33021319880315202'), person_name: '李春燕', phone: '19900001002', town: '锦屏街道' },
  {
    id_number: badCheckDigit(idNumber('33021319900607303')),
    person_name: '王建国',
    phone: '19900001003',
    town: '岳林街道',
  },
  { id_number: idNumber('33021319921120404'), person_name: '赵丽华', phone: '19900001004', town: '江口街道' },
  { id_number: idNumber('33021319950228505'), person_name: '陈志强', phone: '19900001005', town: '溪口镇' },
  {
    id_number: badCheckDigit(idNumber('33021319970709606')),
    person_name: '周美玲',
    phone: '19900001006',
    town: '莼湖街道',
  },
  { id_number: idNumber('33021320000101707'), person_name: '吴海波', phone: '19900001007', town: '松岙镇' },
  { id_number: idNumber('33021320011212808'), person_name: '郑小芳', phone: '19900001008', town: '大堰镇' },
];
const BAD = [PEOPLE[2].id_number, PEOPLE[5].id_number];
const CSV = `${['id_number,person_name,phone,town', ...PEOPLE.map((p) => Object.values(p).join(','))].join('\n')}\n`;

describe('数据综合治理 in Chromium: catalog → load with findings → case → request → approve two of three → masked API → open download', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let admin: Page;
  let owner: Page;
  let consumer: Page;
  let resourceCode = '';
  let consumerKey = '';

  const shot = (page: Page, name: string, fullPage = false) =>
    page.screenshot({ path: join(screenshotDir, `data-flow-${name}.png`), animations: 'disabled', fullPage });

  const pick = pickOption;

  /** Clicks a button and returns the status of the request it sends to a path ending in `path`. */
  const send = async (page: Page, button: Locator, method: string, path: string | RegExp) => {
    const response = page.waitForResponse((r) => {
      const pathname = new URL(r.url()).pathname;
      return (
        r.request().method() === method &&
        (typeof path === 'string' ? pathname.endsWith(path) : path.test(pathname))
      );
    });
    await button.click();
    return (await response).status();
  };

  /** Calls the shared data API as an outside system would (no browser, the consumer key only). */
  const shareApi = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(
      `${demo.url}/api/share/v1/resources/${resourceCode.replace('/', '-')}/rows${query}`,
      {
        headers: {
          authorization: `Bearer ${consumerKey}`,
          'x-matter-code': encodeURIComponent(MATTER),
          'x-accessor': ACCESSOR,
          ...headers,
        },
      },
    );
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    admin = await signIn(browser, demo.url, 'admin', demo.password('admin'));
    admin.setDefaultTimeout(15_000);
    owner = await signIn(browser, demo.url, 'rsj.admin', demo.password('rsj.admin'));
    consumer = await signIn(browser, demo.url, 'mzj.admin', demo.password('mzj.admin'));
    consumer.setDefaultTimeout(15_000);
    owner.setDefaultTimeout(15_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('1. the data office (admin) registers a 人社局 resource with graded items and a key item', async () => {
    const page = admin;
    await page.goto(`${demo.url}/data/catalog`);
    await page.getByRole('heading', { name: '数据资源目录' }).waitFor();
    await page.getByTestId('data-register').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('分类（前段码）').fill('301001');
    await dialog.getByLabel('资源名称').fill(RESOURCE);
    await pick(page, dialog, '提供部门', RSJ, true);
    await dialog.getByLabel('资源摘要').fill(`${RESOURCE}：灵活就业人员的身份、联系方式与所属镇街。`);
    await pick(page, dialog, '开放类型', '禁止开放');
    const items = [
      { code: 'id_number', name: '公民身份号码', grade: 'L3', kind: '身份证号' },
      { code: 'person_name', name: '姓名', grade: 'L3', kind: '姓名' },
      { code: 'phone', name: '联系电话', grade: 'L2', kind: '电话' },
      { code: 'town', name: '所属镇街', grade: 'L1' },
    ];
    for (const [i, item] of items.entries()) {
      const row = `第 ${i + 1} 项`;
      if (i > 0) await dialog.getByTestId('data-item-add').click();
      await dialog.getByLabel(`${row} 数据项代码`).fill(item.code);
      await dialog.getByLabel(`${row} 数据项名称`).fill(item.name);
      await pick(page, dialog, `${row} 分级`, item.grade);
      if (item.kind) await pick(page, dialog, `${row} 个人信息类别`, item.kind);
    }
    await pick(page, dialog, '主键数据项', '公民身份号码（id_number）');
    await dialog.getByLabel('资源名称').click(); // closes the multiple select's dropdown
    await shot(page, '1-register-form');
    expect(
      await send(page, dialog.getByRole('button', { name: /保\s?存/ }), 'POST', '/api/data/resources'),
    ).toBe(201);
    const code = page.getByTestId('data-registered-code');
    await expect.poll(() => code.textContent()).toMatch(/301001\/\d{6}/);
    resourceCode = (await code.textContent())!.match(/301001\/\d{6}/)![0];
    await page.getByRole('button', { name: /关\s?闭/ }).click();
    const detail = page.getByTestId('data-detail');
    await detail.waitFor();
    await expect
      .poll(() => detail.getByTestId('data-items').locator('tbody tr.ant-table-row').count())
      .toBe(4);
    await expect.poll(() => detail.getByTestId('data-detail-key-items').textContent()).toBe('id_number');
    await shot(page, '1-registered');
    await page.locator('.ant-drawer-close').click();
    await detail.waitFor({ state: 'hidden' });
  }, 120_000);

  it('2. the owner (rsj.admin) sets a 身份证号 format rule, uploads a CSV with bad rows and reads the findings', async () => {
    const page = owner;
    await page.goto(`${demo.url}/data/loads`);
    await page.getByRole('heading', { name: '数据归集' }).waitFor();
    const resourceSelect = page.getByTestId('data-load-resource');
    await resourceSelect.click();
    await page.keyboard.type(RESOURCE);
    await page
      .locator('.ant-select-dropdown:visible')
      .getByTitle(`${resourceCode} ${RESOURCE}`, { exact: true })
      .click();
    await page.getByTestId('data-rules').waitFor();

    // Rules: 公民身份号码 must be a valid identity number (with its check digit) and is required.
    await page.getByTestId('data-rules').click();
    const rules = page.getByRole('dialog');
    const idRow = rules
      .getByTestId('data-rules-table')
      .locator('tr.ant-table-row')
      .filter({ hasText: '（id_number）' });
    await idRow.waitFor();
    await idRow.getByRole('checkbox', { name: '必填' }).check();
    const format = idRow.locator('.ant-select');
    await pickInSelect(page, format, format, '身份证号');
    await shot(page, '2-rules');
    expect(await send(page, rules.getByRole('button', { name: /确\s?定|保\s?存/ }), 'PUT', '/rules')).toBe(
      200,
    );
    await rules.waitFor({ state: 'hidden' });

    // Upload: the progress bar settles, the version row shows the counts and a pass rate below 100 %.
    const upload = page.waitForResponse(
      (r) => r.url().includes('/loads/upload') && r.request().method() === 'POST',
    );
    await page.locator('input[type=file]').setInputFiles({
      name: '灵活就业人员.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    expect((await upload).status()).toBe(202);
    const progress = page.getByTestId('data-load-progress');
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    await expect.poll(() => progress.textContent()).toContain('第 1 版');
    const version = page.getByTestId('data-loads').locator('tbody tr.ant-table-row').first();
    await expect.poll(() => version.textContent()).toContain('8 / 8');
    const passRate = Number((await version.textContent())!.match(/(\d+(?:\.\d)?) %/)![1]);
    expect(passRate).toBeGreaterThan(0);
    expect(passRate).toBeLessThan(100);

    // Findings: the format rule failed twice, named by item, rule and row — never by value.
    const findings = page.getByTestId('data-findings');
    await expect
      .poll(() => findings.textContent())
      .toContain('公民身份号码（id_number） · 格式 · 2 处 · 行 3, 6');
    const body = (await page.locator('body').textContent())!;
    for (const person of PEOPLE) {
      expect(body).not.toContain(person.id_number);
      expect(body).not.toContain(person.person_name);
    }
    await shot(page, '2-loaded', true);
  }, 120_000);

  it('3. the findings became a data_quality_issue case for 人社局, visible to that department', async () => {
    const page = owner;
    const link = page.getByTestId('data-findings-case');
    await link.waitFor();
    const caseId = (await link.getAttribute('href'))!.split('/').at(-1)!;
    await link.click();
    await page.waitForURL(`**/cases/${caseId}`);
    const answer = await page.evaluate(async (id) => {
      const response = await fetch(`/api/cases/${id}`, { credentials: 'same-origin' });
      return { status: response.status, body: await response.json() };
    }, caseId);
    const [rsj] = await demo.server.kernel.db
      .select()
      .from(orgDepartment)
      .where(eq(orgDepartment.code, 'rsj'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ typeCode: 'data_quality_issue', departmentId: rsj.id });
    expect(JSON.stringify(answer.body)).not.toContain(BAD[0]);
    await expect.poll(() => page.locator('main').first().textContent()).toContain(answer.body.number);
    // The case shows its own type's fields by name, not a governance event's form.
    const fields = page.getByTestId('case-type-fields');
    await expect.poll(() => fields.textContent()).toContain('问题摘要');
    expect(await fields.textContent()).toContain('归集版本');
    expect(await fields.textContent()).not.toContain('category');
    expect(await fields.textContent()).not.toContain(BAD[0]);
    await shot(page, '3-case', true);
  }, 60_000);

  it('4. 民政局 (mzj.admin) requests three items; the owner approves two of them', async () => {
    const page = consumer;
    await page.goto(`${demo.url}/data/catalog`);
    await page.getByRole('heading', { name: '数据资源目录' }).waitFor();
    const search = page.getByTestId('data-search').locator('input');
    const listed = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/data/resources' && r.request().method() === 'GET',
    );
    await search.fill(RESOURCE);
    await search.press('Enter');
    await listed;
    await page.getByTestId('data-resource-code').filter({ hasText: resourceCode }).click();
    const detail = page.getByTestId('data-detail');
    await detail.waitFor();
    await page.getByTestId('share-request-open').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '提交申请' });
    // check(), not click(): it retries until the box is ticked, so a click that lands while the
    // dialog is still opening (a loaded CI machine) is not lost.
    for (const code of ['id_number', 'phone', 'person_name'])
      await dialog.getByTestId(`share-item-${code}`).check();
    await dialog.getByTestId('share-request-purpose').fill('核验灵活就业人员身份，办理就业补贴');
    await dialog.getByTestId('share-request-basis').fill('《浙江省公共数据条例》第三十条');
    await dialog.getByTestId('share-request-matter').fill(MATTER);
    await shot(page, '4-request');
    expect(
      await send(page, dialog.getByRole('button', { name: '提交申请' }), 'POST', '/api/data/share/requests'),
    ).toBe(201);
    const submitted = page.locator('.ant-modal-confirm');
    await expect.poll(() => submitted.textContent()).toContain('申请已提交');
    await submitted.getByRole('button').click();
    await submitted.waitFor({ state: 'hidden' });

    // The owner's inbox: 收到的申请 lists it (pending first); approve id_number and phone, not person_name.
    await owner.goto(`${demo.url}/data/sharing/inbox`);
    await owner.getByRole('tab', { name: '收到的申请', selected: true }).waitFor();
    const row = owner.getByTestId('share-requests').locator('tr.ant-table-row').filter({ hasText: RESOURCE });
    await row.waitFor();
    await row.getByTestId('share-request-number').click();
    const request = owner.getByTestId('share-request-detail');
    await request.waitFor();
    await expect
      .poll(() => request.textContent())
      .toContain('公民身份号码（id_number）、联系电话（phone）、姓名（person_name）');
    // antd puts the test id on the checkbox's input.
    await owner.getByTestId('share-approve-person_name').uncheck();
    expect(await owner.getByTestId('share-approve-id_number').isChecked()).toBe(true);
    expect(await owner.getByTestId('share-approve-phone').isChecked()).toBe(true);
    await shot(owner, '4-approve');
    expect(await send(owner, owner.getByTestId('share-approve-submit'), 'POST', '/approve')).toBe(200);
    await request.waitFor({ state: 'hidden' });
    await owner.getByRole('tab', { name: '我的申请' }).click();
    await owner.getByRole('tab', { name: '收到的申请' }).click();
    await expect.poll(() => row.textContent()).toContain('已批准');
    await shot(owner, '4-inbox');
  }, 120_000);

  it('5. the consumer issues its key once; the API returns exactly the two approved items, masked as graded', async () => {
    const page = consumer;
    await page.goto(`${demo.url}/data/sharing/grants`);
    const row = page.getByTestId('share-grants').locator('tr.ant-table-row').filter({ hasText: RESOURCE });
    await row.waitFor();
    await row.getByTestId('share-grant-resource').click();
    const grant = page.getByTestId('share-grant-detail');
    await grant.waitFor();
    await expect
      .poll(() => grant.getByTestId('share-grant-items').textContent())
      .not.toContain('person_name');
    await page.getByTestId('share-key-issue').click();
    const shown = page.getByTestId('share-key-value');
    await shown.waitFor();
    consumerKey = (await shown.textContent())!.match(/zzs_[A-Za-z0-9_-]+/)![0];
    await shot(page, '5-key');
    await page
      .getByRole('dialog')
      .filter({ has: shown })
      .getByRole('button', { name: /确\s?定/ })
      .click();
    await shown.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.getByTestId('share-key-hint').textContent())
      .toContain(consumerKey.slice(-4));
    await shot(page, '5-grant');

    const answer = await shareApi('?limit=100');
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.text);
    expect(body.items).toEqual(['id_number', 'phone']);
    const expected = [...PEOPLE]
      .sort((a, b) => (a.id_number < b.id_number ? -1 : 1))
      .map((p) => ({
        id_number: maskValue(p.id_number, 'strict', 'id_number'),
        phone: maskValue(p.phone, 'light', 'phone'),
      }));
    expect(body.rows).toEqual(expected);
    expect(body.rows[0].id_number).toMatch(/^3302\*{10}\d{3}[\dX]$/);
    for (const person of PEOPLE) {
      expect(answer.text).not.toContain(person.id_number);
      expect(answer.text).not.toContain(person.person_name);
      expect(answer.text).not.toContain(person.phone);
    }

    const refused = await shareApi('?fields=id_number,person_name');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).code).toBe('data.share.item_not_approved');
    const filtered = await shareApi(`?filter[person_name]=${encodeURIComponent(PEOPLE[0].person_name)}`);
    expect([filtered.status, JSON.parse(filtered.text).code]).toEqual([403, 'data.share.item_not_approved']);
    expect(filtered.text).not.toContain(PEOPLE[0].person_name);
  }, 120_000);

  it('6. a citizen (no login) finds 公共停车场信息 on /open and downloads it as CSV', async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page.setDefaultTimeout(15_000);
    await page.goto(`${demo.url}/open`);
    await page.getByRole('heading', { name: '公共数据开放' }).waitFor();
    const links = page.getByTestId('open-dataset-link');
    await expect
      .poll(() => links.allTextContents())
      .toEqual(expect.arrayContaining(['学校名录', '医疗机构名录', '公共停车场信息']));
    await page.getByTestId('open-search').locator('input').fill('停车场');
    await page.getByTestId('open-search').locator('input').press('Enter');
    await expect.poll(() => links.allTextContents()).toEqual(['公共停车场信息']);
    await shot(page, '6-portal');
    await links.first().click();
    await page.getByRole('heading', { name: '公共停车场信息' }).waitFor();
    await expect.poll(() => page.getByTestId('open-row-count').textContent()).toBe('12');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('open-download-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('公共停车场信息.csv');
    const lines = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFF停车场名称,位置,所属镇（街道）,泊位数,收费方式');
    expect(lines).toContain('溪口镇武岭广场停车场,浙江省宁波市奉化区溪口镇,溪口镇,420,按次收费');
    expect(lines.filter(Boolean)).toHaveLength(13);
    await shot(page, '6-dataset', true);
    await page.close();
  }, 60_000);
});
