import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, signIn, startDemoServer } from './harness';

const PDF = { name: '材料.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };
const BRANCH = '许可-00708-000';
const FOOD = '许可-00703-000';
const SIGN = '其他-00705-000';
const FIRE = '许可-00704-000';

/**
 * 开餐馆“一件事” in Chromium: the demo catering company opens a branch restaurant — questions,
 * one form with values pre-filled from its e-licence through the sharing gateway (source shown),
 * one material set — four matter cases in three bureaus; the sign needs 补正 and its clock pauses;
 * all approve; the certificate's code verifies; a 不满意 rating opens a rectification case.
 */
describe('一网通办 in Chromium: the restaurant bundle from questions to 好差评', () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let applicant: Page;
  let applicationUrl = '';

  beforeAll(async () => {
    demo = await startDemoServer();
    browser = await launchBrowser();
    const company = demo.credentials().find((c) => c.title.startsWith('企业申请人'))!;
    applicant = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    applicant.setDefaultTimeout(20_000);
    await applicant.goto(`${demo.url}/portal/login`);
    await applicant.getByTestId('portal-login-identifier').fill(company.username);
    await applicant.getByTestId('portal-login-password').fill(company.password);
    await applicant.getByTestId('portal-login-submit').click();
    await applicant.getByTestId('portal-me').waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshotDir, name), animations: 'disabled', fullPage: true });

  /** A handler of one bureau opens the matter case of this application from their queue. */
  async function openCase(username: string, matterName: string): Promise<Page> {
    const page = await signIn(browser, demo.url, username, demo.password(username));
    page.setDefaultTimeout(20_000);
    await page.goto(`${demo.url}/services/queue`);
    await page.getByTestId('services-queue').getByText(matterName).first().click();
    await page.getByTestId('services-case').waitFor();
    return page;
  }

  async function step(page: Page, action: string, expected: string) {
    await page.getByTestId(`services-case-${action}`).click();
    await expect
      .poll(() => page.getByTestId('services-case-state').first().textContent())
      .toContain(expected);
  }

  it('answers the questions and gets one form pre-filled from the e-licence, with the source shown', async () => {
    await applicant.goto(`${demo.url}/portal/apply/bundle/open_restaurant`);
    await applicant.getByTestId('portal-question-entity-branch').click();
    await applicant.getByTestId('portal-question-has_signboard-yes').click();
    await applicant.getByTestId('portal-question-seats-large').click();
    for (const code of [BRANCH, FOOD, SIGN, FIRE])
      await applicant.getByTestId(`portal-plan-matter-${code}`).waitFor();
    expect(await applicant.getByTestId('portal-plan-counts').textContent()).toMatch(/一张表/);
    await applicant.getByTestId('portal-start').click();
    await applicant.getByTestId('portal-draft').waitFor();
    applicationUrl = applicant.url();
    const source = await applicant.getByTestId('portal-source-enterprise_name').textContent();
    expect(source).toContain('营业执照');
    expect(source).toContain('市场主体登记信息');
    await applicant.getByTestId('portal-material-certificate-certificate:business_licence').waitFor();
    await shot(applicant, 'services-01-form.png');
  });

  it('fills the rest once, hands in one material set, signs the food commitment and submits', async () => {
    const fill = (code: string, value: string) => applicant.getByTestId(`portal-field-${code}`).fill(value);
    await fill('applicant_phone', '19900000188');
    await fill('proposed_name', '溪口千层饼餐厅（分公司）');
    await fill('business_scope', '餐饮服务；食品销售');
    await fill('premises_address', '浙江省宁波市奉化区溪口镇武岭中路88号');
    await fill('premises_area', '420');
    await applicant.getByTestId('portal-field-food_business_items-catering_hot').click();
    await fill('food_safety_manager', '王安');
    await fill('signboard_text', '溪口千层饼');
    await fill('signboard_area', '6');
    await applicant.getByTestId('portal-field-venue_type-restaurant').click();
    for (const key of [
      'premises_proof',
      'layout_plan',
      'safety_rules',
      'sign_design',
      'sign_safety',
      'fire_plan',
    ]) {
      await applicant.getByTestId(`portal-material-${key}`).setInputFiles(PDF);
      await applicant.getByTestId(`portal-material-remove-${key}-0`).waitFor();
    }
    await applicant.getByTestId(`portal-commit-${FOOD}`).check();
    await applicant.getByTestId('portal-submit').click();
    await applicant.getByTestId('portal-receipt').waitFor();
    expect(await applicant.getByTestId('portal-receipt-number').textContent()).toMatch(/BJ\d+/);
    expect(await applicant.getByTestId('portal-receipt-password').textContent()).toMatch(/\d{6}/);
    // The food licence was approved on the commitment at once.
    await applicant.goto(applicationUrl);
    await expect
      .poll(() => applicant.getByTestId(`portal-case-${FOOD}`).getAttribute('data-state'))
      .toBe('approved');
    await shot(applicant, 'services-02-submitted.png');
  });

  it('handles the matters: the sign needs 补正, the clock pauses, then everything is approved', async () => {
    const market = await openCase('scjgj.handler', '分公司设立登记');
    await step(market, 'accept', '审查中');
    await step(market, 'approve', '准予');

    const signs = await openCase('zhzfj.handler', '户外招牌设置');
    await step(signs, 'accept', '审查中');
    await signs.getByTestId('services-case-request-supplement').click();
    await signs.getByTestId('services-missing-materials').fill('标注尺寸的招牌设计效果图');
    await signs.getByTestId('services-step-note').fill('效果图未标注招牌尺寸，请补正');
    await signs.getByTestId('services-step-confirm').click();
    await expect
      .poll(() => signs.getByTestId('services-case-state').first().textContent())
      .toContain('待补正');
    await signs.getByTestId('services-case-paused').waitFor();

    await applicant.goto(applicationUrl);
    await applicant.getByTestId(`portal-case-paused-${SIGN}`).waitFor();
    expect(await applicant.getByTestId(`portal-case-missing-${SIGN}`).textContent()).toContain('标注尺寸');
    await shot(applicant, 'services-03-supplement.png');
    await applicant
      .getByTestId(`portal-case-${SIGN}`)
      .getByTestId('portal-material-sign_design')
      .setInputFiles(PDF);
    await applicant.getByTestId(`portal-supplement-${SIGN}`).click();
    await expect
      .poll(() => applicant.getByTestId(`portal-case-${SIGN}`).getAttribute('data-state'))
      .toBe('reviewing');

    await signs.reload();
    await step(signs, 'approve', '准予');
    const fire = await openCase('yjj.handler', '消防安全检查');
    await step(fire, 'accept', '审查中');
    await step(fire, 'approve', '准予');
    await shot(fire, 'services-04-handler.png');
  });

  it('shows the application approved with certificates whose codes verify', async () => {
    await applicant.goto(applicationUrl);
    await expect
      .poll(() => applicant.getByTestId('portal-application-status').getAttribute('data-status'))
      .toBe('approved');
    const link = applicant.getByTestId(`portal-certificate-link-${BRANCH}`);
    const href = (await link.getAttribute('href'))!;
    const certificate = await browser.newPage({ locale: 'zh-CN' });
    await certificate.goto(`${demo.url}${href}`);
    await expect
      .poll(() => certificate.getByTestId('portal-certificate-status').getAttribute('data-status'))
      .toBe('valid');
    expect(await certificate.getByTestId('portal-certificate-number').textContent()).toMatch(/ZZ\d{12}/);
    await shot(certificate, 'services-05-certificate.png');
    // A forged code does not verify.
    await certificate.goto(`${demo.url}/certificate/${href.split('/').pop()!.slice(0, -1)}0`);
    expect(await certificate.getByTestId('portal-certificate-error').getAttribute('data-code')).toBe(
      'codes.code.invalid',
    );
  });

  it('rates 不满意 and a rectification case appears for the lead department', async () => {
    await applicant.goto(applicationUrl);
    for (const [code, level] of [
      ['overall', '不满意'],
      ['efficiency', '不满意'],
      ['guide', '基本满意'],
      ['convenience', '满意'],
      ['platform', '满意'],
    ]) {
      // The previous dropdown may still be fading out: pick from the open one, then see it taken.
      const select = applicant.getByTestId(`portal-rating-${code}`);
      await select.click();
      const open = applicant.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
      await open.getByTitle(level, { exact: true }).click();
      await expect.poll(() => select.textContent()).toContain(level);
    }
    await applicant.getByTestId('portal-rating-comment').fill('招牌补正来回两次，希望一次性说清楚');
    await applicant.getByTestId('portal-rating-submit').click();
    await applicant.getByTestId('portal-rating-rectification').waitFor();
    await shot(applicant, 'services-06-rated.png');

    const market = await signIn(browser, demo.url, 'scjgj.handler', demo.password('scjgj.handler'));
    await market.goto(`${demo.url}/services/ratings`);
    await expect
      .poll(() => market.getByTestId('services-rectifications').textContent())
      .toContain('招牌补正来回两次');
    await shot(market, 'services-07-rectification.png');
  });
});
