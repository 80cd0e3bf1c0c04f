import { samplePdf, uniqueMobile, uniqueResidentIdNumber } from '@zhengwu/server/testing';
import type { ApplicantTokenResponse, ApplicationView, StaffTokenResponse } from '@zhengwu/shared/contracts';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT, DEMO_PASSWORD, startWebFixture, STARTUP_TIMEOUT, textOf, WebFixture } from './support';

const SUINING = '510900';
const SHEHONG_NAME = '射洪市政务服务中心';
const FOOD = '食品经营许可（新办）';
/** Screenshots of the portal's major screens, kept after the run (`tmp/` is not committed). */
const SCREENSHOT_DIR = process.env['WEB_E2E_OUTPUT'] ? join(process.env['WEB_E2E_OUTPUT'], 'portal') : join(__dirname, '../../../tmp/web-e2e/portal');
const STORY_TIMEOUT = 4 * BROWSER_TEST_TIMEOUT;

describe('applicant portal in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhengwu-web-portal-'));
  chmodSync(dataDir, 0o755);
  let web: WebFixture;
  /** Console errors and uncaught exceptions of the watched pages: a test fails on any. */
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    web = await startWebFixture('portal', 28_741, dataDir);
  }, STARTUP_TIMEOUT);
  beforeEach(() => {
    consoleErrors = [];
  });
  afterEach(() => {
    expect(consoleErrors).toEqual([]);
  });
  afterAll(async () => {
    await web?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, STARTUP_TIMEOUT);

  it('opens in Simplified Chinese and switches to English', async () => {
    const page = await watchedPage();
    await page.goto('/');
    expect(await textOf(page, 'h1')).toBe('欢迎使用政务服务网上大厅');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Welcome' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The choice survives a reload.
    await page.reload();
    await page.locator('h1', { hasText: 'Welcome' }).waitFor();
  }, BROWSER_TEST_TIMEOUT);

  it('finds a centre by name and by code among the 205', async () => {
    const page = await watchedPage();
    await page.goto('/');
    await page.getByText('共 205 个省、市、县三级政务服务中心。').waitFor();
    const search = page.getByLabel('查找服务中心');
    await search.fill('射洪');
    await page.locator('.portal-matches li', { hasText: '射洪市政务服务中心' }).waitFor();
    await search.fill('510981');
    expect(await textOf(page, '.portal-matches li .portal-centre-name')).toBe('射洪市政务服务中心');
  }, BROWSER_TEST_TIMEOUT);

  it('explains a wrong check digit before submitting, then registers and shows the masked ID', async () => {
    const page = await watchedPage();
    await page.goto('/register');
    const idNumber = uniqueResidentIdNumber();
    const wrong = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');
    await page.getByLabel('姓名').fill('李浏览');
    await page.getByLabel('公民身份号码').fill(wrong);
    await page.getByLabel('手机号码').first().fill(uniqueMobile());
    await page.getByLabel('密码', { exact: true }).fill('Browser-Pass-1');
    await page.getByLabel('再次输入密码').fill('Browser-Pass-1');
    await page.getByLabel('公民身份号码').blur();
    await page.getByText('公民身份号码校验位不正确，请核对每一位数字。').waitFor();

    await page.getByLabel('公民身份号码').fill(idNumber);
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await page.waitForURL('**/me');
    const masked = `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;
    await page.getByText(masked).waitFor();
    expect(await page.content()).not.toContain(idNumber);
  }, BROWSER_TEST_TIMEOUT);

  it('logs the demo applicant in with the mobile number, and refuses a wrong password with a message', async () => {
    const page = await watchedPage();
    await page.goto('/login');
    await page.getByLabel('证件号码或手机号码').fill('13800138000');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByLabel('密码').press('Enter');
    await page.getByText('账号或密码错误。').waitFor();
    // Chromium reports the refused request itself as a console error: that one is expected.
    consoleErrors = consoleErrors.filter((error) => !/auth\/applicants\/login|status of 401/.test(error));
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL('**/me');
    await page.locator('#main-content dd', { hasText: '张小明' }).waitFor();
  }, BROWSER_TEST_TIMEOUT);

  it('serves the OpenAPI documentation as a working page', async () => {
    const page = await watchedPage();
    await page.goto('/api/docs');
    await page.getByText('Zhengwu Hall approval core').first().waitFor();
    await page.getByText('/api/v1/auth/applicants/login').first().waitFor();
  }, BROWSER_TEST_TIMEOUT);

  it('fits a phone-width screen without horizontal scrolling', async () => {
    const page = await watchedPage({ width: 375, height: 740 });
    await page.goto('/register');
    await page.getByLabel('公民身份号码').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }, BROWSER_TEST_TIMEOUT);

  async function watchedPage(options?: { width?: number; height?: number }): Promise<Page> {
    const page = await web.newPage(options);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()} (${message.location().url}:${message.location().lineNumber})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    return page;
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }

  async function api<T>(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<T> {
    const response = await fetch(`${web.platform.baseUrl}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async function horizontalOverflow(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  async function loginInBrowser(page: Page, identifier: string, password: string): Promise<void> {
    await page.goto('/login');
    await page.getByLabel('证件号码或手机号码').fill(identifier);
    await page.getByLabel('密码').fill(password);
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL('**/me');
  }

  /** The case the story creates, for the lookup and phone-width tests after it. */
  const story = { mobile: uniqueMobile(), password: 'Portal-Story-1', caseNumber: '', queryCode: '', casePath: '' };

  it(
    'applies to a Suining item with an originals check at Shehong, follows the case live and fixes a one-time notice',
    async () => {
      // A resident of Chuanshan (船山区, 510903): the default originals centre is their own county,
      // and they choose Shehong instead.
      await api<ApplicantTokenResponse>('POST', '/api/v1/auth/applicants/register/natural-person', {
        body: { name: '王网办', idNumber: uniqueResidentIdNumber('510903'), mobile: story.mobile, password: story.password },
      });
      const page = await watchedPage();
      await loginInBrowser(page, story.mobile, story.password);

      // Find the item in Suining's catalogue and read its guide.
      await page.goto(`/centres/${SUINING}`);
      await page.getByLabel('搜索事项').fill(FOOD);
      await page.locator('.portal-item-link', { hasText: FOOD }).first().click();
      await page.getByRole('heading', { level: 1, name: FOOD }).waitFor();
      await page.getByText('需要核验纸质原件').waitFor();
      await screenshot(page, '01-item-guide');
      await page.getByRole('link', { name: '在线申请' }).click();
      await page.waitForURL('**/apply');

      // Step 1: the guided form, with Shehong chosen for the originals check.
      await page.getByRole('heading', { level: 1, name: `在线申请：${FOOD}` }).waitFor();
      await page.getByLabel('申请事项说明').fill('在射洪市太和镇新开一家面馆。');
      expect(await page.getByLabel('联系人').inputValue()).toBe('王网办');
      await page.getByLabel('联系电话').fill(story.mobile);
      const centreSelect = page.getByRole('combobox', { name: '原件核验地点' });
      await centreSelect.getByText('船山区政务服务中心').waitFor();
      await centreSelect.click();
      await page.getByRole('option', { name: new RegExp(SHEHONG_NAME) }).click();
      await screenshot(page, '02-apply-details');
      await page.getByRole('button', { name: '保存并继续' }).click();
      await page.waitForURL(/\/applications\/510900\/[^/]+\/edit$/);

      // Step 2: a file of the wrong type is refused before upload, then each required material
      // is uploaded with its progress bar.
      const required = page.locator('article.portal-material', { has: page.locator('.portal-tag-strong') });
      await required.first().waitFor();
      const codes = await required.evaluateAll((articles) => articles.map((article) => article.getAttribute('data-material-code') ?? ''));
      expect(codes.length).toBeGreaterThan(0);
      await page.setInputFiles(`input[type=file][data-material-code="${codes[0]}"]`, {
        name: 'notes.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('not a pdf at all'),
      });
      await page.locator(`article[data-material-code="${codes[0]}"]`).getByRole('alert').getByText(/只能上传 PDF、OFD、JPEG 或 PNG 文件/).waitFor();
      for (const code of codes) {
        await page.setInputFiles(`input[type=file][data-material-code="${code}"]`, { name: `${code}.pdf`, mimeType: 'application/pdf', buffer: samplePdf(code) });
        await page.locator(`article[data-material-code="${code}"] .portal-material-current`, { hasText: `已上传：${code}.pdf` }).waitFor();
      }
      await screenshot(page, '03-apply-materials');
      await page.getByRole('button', { name: '下一步：核对' }).click();

      // Step 3: review and submit; a double click must not make two cases.
      await page.locator('.portal-review-verification', { hasText: SHEHONG_NAME }).waitFor();
      await screenshot(page, '04-apply-review');
      await page.getByRole('button', { name: '提交申请' }).dblclick();
      await page.waitForURL(/\/applications\/510900\/[^/]+$/);
      story.casePath = new URL(page.url()).pathname;
      const applicationId = story.casePath.split('/').at(-1) ?? '';

      // The case page: status, live updates, the originals check at Shehong.
      await page.getByRole('heading', { level: 1, name: FOOD }).waitFor();
      await page.locator('portal-status-chip', { hasText: '已提交，待预审' }).waitFor();
      await page.getByText('进度实时更新中').waitFor();
      await page.locator('.portal-originals', { hasText: `纸质原件在${SHEHONG_NAME}核验。` }).waitFor();
      story.caseNumber = (await textOf(page, '.portal-case-number')).trim();
      story.queryCode = (await textOf(page, '.portal-query-code')).trim();
      expect(story.caseNumber).toMatch(/^510900\d{16}[0-9X]$/);
      await screenshot(page, '05-case-submitted');

      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的办件' }).click();
      await page.locator('.portal-case-row').first().waitFor();
      expect(await page.locator('.portal-case-row').count()).toBe(1);
      await screenshot(page, '06-my-cases');
      await page.locator('.portal-case-link', { hasText: FOOD }).click();
      await page.getByText('进度实时更新中').waitFor();

      // The Suining clerk returns it with a one-time notice on one material (through the API):
      // the open page shows the notice without a reload.
      const clerk = (
        await api<StaffTokenResponse>('POST', '/api/v1/auth/staff/login', { body: { centreCode: SUINING, username: 'clerk', password: DEMO_PASSWORD } })
      ).accessToken;
      const staffView = await api<ApplicationView>('GET', `/api/v1/centres/${SUINING}/applications/${applicationId}`, { token: clerk });
      const [flagged, untouched] = staffView.materials.filter((material) => material.required);
      await api<ApplicationView>('POST', `/api/v1/centres/${SUINING}/applications/${applicationId}/pre-review/return`, {
        token: clerk,
        body: { version: staffView.version, defects: [{ materialCode: flagged.code, kind: 'illegible', explanation: '扫描件模糊，请重新扫描盖章页。' }] },
      });
      const notice = page.locator('.portal-notice');
      await notice.getByRole('heading', { name: '一次性告知：请补正以下材料' }).waitFor();
      await notice.getByText('扫描件模糊，请重新扫描盖章页。').waitFor();
      await page.locator('portal-status-chip', { hasText: '已退回' }).waitFor();
      // Only the flagged material can be uploaded again.
      expect(await notice.locator('article.portal-material').count()).toBe(1);
      if (untouched) expect(await notice.locator(`article[data-material-code="${untouched.code}"]`).count()).toBe(0);
      await screenshot(page, '07-case-notice');

      await page.setInputFiles(`.portal-notice input[type=file][data-material-code="${flagged.code}"]`, {
        name: `${flagged.code}-rescan.pdf`,
        mimeType: 'application/pdf',
        buffer: samplePdf('rescan'),
      });
      await notice.getByText(`“${flagged.name}”已重新上传`).waitFor();
      await page.getByRole('button', { name: '补正完毕，重新提交' }).click();
      await page.locator('portal-status-chip', { hasText: '已提交，待预审' }).waitFor();
      await page.getByRole('heading', { name: '补正记录' }).waitFor();
      await screenshot(page, '08-case-resubmitted');

      // The clerk accepts (through the API): the page shows the running clock and the finished
      // acceptance step, which the applicant rates with the five-level dialog.
      const resubmitted = await api<ApplicationView>('GET', `/api/v1/centres/${SUINING}/applications/${applicationId}`, { token: clerk });
      await api<ApplicationView>('POST', `/api/v1/centres/${SUINING}/applications/${applicationId}/pre-review/accept`, {
        token: clerk,
        body: { version: resubmitted.version },
      });
      await page.locator('portal-status-chip', { hasText: '已受理' }).waitFor();
      await page.locator('.portal-clock', { hasText: '计时中' }).waitFor();
      const acceptance = page.locator('li.portal-timeline-done').first();
      await acceptance.locator('.portal-timeline-outcome', { hasText: '通过' }).waitFor();
      await acceptance.getByRole('button', { name: /^评价环节/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('radio', { name: '非常满意', exact: true }).check();
      await dialog.getByRole('checkbox', { name: '办事效率' }).check();
      await dialog.getByLabel('意见和建议（选填）').fill('网上提交，一次告知，很方便。');
      await screenshot(page, '09-rating-dialog');
      await dialog.getByRole('button', { name: '提交评价' }).click();
      await dialog.waitFor({ state: 'detached' });
      await acceptance.getByText('您已评价此环节。').waitFor();
      await screenshot(page, '10-case-accepted-rated');

      // The centre's messages: the one-time notice and the acceptance; one is marked read.
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /^消息通知/ }).click();
      await page.getByRole('heading', { level: 1, name: '消息通知' }).waitFor();
      const returnedNotice = page.locator('.portal-notification', { hasText: '申请材料需补正（一次性告知）' });
      await returnedNotice.getByText('扫描件模糊，请重新扫描盖章页。').waitFor();
      await page.locator('.portal-notification', { hasText: '申请已受理' }).waitFor();
      expect(await page.locator('.portal-notification-unread').count()).toBe(2);
      await returnedNotice.getByRole('button', { name: /标为已读/ }).click();
      await returnedNotice.getByRole('button', { name: /标为已读/ }).waitFor({ state: 'detached' });
      expect(await page.locator('.portal-notification-unread').count()).toBe(1);
      await screenshot(page, '11-notifications');
    },
    STORY_TIMEOUT,
  );

  it('looks a case up by its case number and query code without signing in', async () => {
    expect(story.caseNumber).not.toBe('');
    const page = await watchedPage();
    await page.goto('/');
    await page.getByRole('link', { name: /用办件编号和查询码查询办件/ }).click();
    await page.getByRole('heading', { level: 1, name: '办件进度查询' }).waitFor();
    await page.getByLabel('办件编号').fill(story.caseNumber);
    await page.getByLabel('查询码').fill(story.queryCode);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const result = page.locator('.portal-lookup-result');
    await result.getByRole('heading', { name: FOOD }).waitFor();
    await result.locator('portal-status-chip', { hasText: '已受理' }).waitFor();
    await result.locator('.portal-timeline-step').first().waitFor();
    expect(await page.content()).not.toContain('王网办');
    await screenshot(page, '12-lookup');
  }, BROWSER_TEST_TIMEOUT);

  it('fits the home and case pages on a 390 px phone screen', async () => {
    expect(story.casePath).not.toBe('');
    const page = await watchedPage({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByText('共 205 个省、市、县三级政务服务中心。').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, '13-phone-home');
    await loginInBrowser(page, story.mobile, story.password);
    await page.goto(story.casePath);
    await page.getByRole('heading', { level: 1, name: FOOD }).waitFor();
    await page.getByText('进度实时更新中').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, '14-phone-case');
  }, BROWSER_TEST_TIMEOUT);
});
