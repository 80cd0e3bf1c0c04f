import { ApplicationStatus } from '@zhengwu/approval/domain';
import { samplePdf, uniqueMobile, uniqueResidentIdNumber } from '@zhengwu/server/testing';
import type {
  ApplicationSummary,
  ApplicationView,
  ErrorBody,
  PageOf,
  StaffTokenResponse,
  VerificationTaskView,
} from '@zhengwu/shared/contracts';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT, chooseOption, DEMO_PASSWORD, STARTUP_TIMEOUT, startWebFixture, WebFixture } from './support';

/**
 * The seed story, clicked through by a person: a Shehong resident applies to a Suining item that
 * needs an originals check and chooses Shehong for it; the Suining clerk returns it with a one-time
 * notice; the applicant fixes only the flagged material; the clerk accepts; reviewer and approver
 * pass it; the Shehong clerk records matching originals; the applicant sees it completed and rates
 * it.
 *
 * Every step is clicked in Chromium: the applicant's in the portal, the staff's in the workbench.
 * The test reads a few facts over the API only to know what to click (the material codes) and
 * waits on it for the routed originals check, which another process delivers.
 */
const SUINING = { code: '510900', name: '遂宁市政务服务中心' };
const SHEHONG = { code: '510981', name: '射洪市政务服务中心' };
const FOOD = '食品经营许可（新办）';
/** Screenshots of every major screen, kept after the run (`tmp/` is not committed). */
const SCREENSHOT_DIR = process.env['WEB_E2E_OUTPUT'] ?? join(__dirname, '../../../tmp/web-e2e/seed-story');
/** Routed messages (the originals request and the attestation) are relayed every 500 ms. */
const ROUTED_WITHIN_MS = 30_000;
const STORY_TIMEOUT = 8 * BROWSER_TEST_TIMEOUT;

describe('the seed story in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhengwu-web-story-'));
  chmodSync(dataDir, 0o755);
  let web: WebFixture;
  /** Console errors and uncaught exceptions of every page: the story fails on any. */
  const consoleErrors: string[] = [];
  let shot = 0;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    web = await startWebFixture('story', 28_743, dataDir);
  }, STARTUP_TIMEOUT);
  afterAll(async () => {
    await web?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, STARTUP_TIMEOUT);

  async function api<T>(method: string, path: string, options: { token?: string; body?: unknown; raw?: Buffer; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: BodyInit | undefined;
    if (options.raw) body = new Uint8Array(options.raw);
    else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${web.platform.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async function ok<T>(call: Promise<{ status: number; body: T }>, expected = 200): Promise<T> {
    const { status, body } = await call;
    if (status !== expected) throw new Error(`Expected HTTP ${expected}, got ${status}: ${JSON.stringify(body as unknown as ErrorBody)}`);
    return body;
  }

  async function staffToken(centreCode: string, username: string): Promise<string> {
    const response = await ok(api<StaffTokenResponse>('POST', '/api/v1/auth/staff/login', { body: { centreCode, username, password: DEMO_PASSWORD } }));
    return response.accessToken;
  }

  /** Polls `probe` until it returns a value: for work that another process finishes (the routing relay). */
  async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + ROUTED_WITHIN_MS;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function newWatchedPage(): Promise<Page> {
    const page = await web.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    return page;
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    shot += 1;
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
  }

  async function staffLogin(centre: { code: string; name: string }, username: string): Promise<Page> {
    const page = await newWatchedPage();
    await page.goto('/workbench/login');
    await page.getByLabel('所在政务服务中心').fill(centre.code);
    await chooseOption(page, new RegExp(centre.name));
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.getByRole('heading', { level: 1, name: /您好/ }).waitFor();
    return page;
  }

  /** From the staff member's inbox on the home page to the case. */
  async function openFromInbox(page: Page, caseNumber: string): Promise<void> {
    const row = page.locator('tbody tr', { hasText: caseNumber });
    await row.waitFor();
    await row.getByRole('link', { name: FOOD }).click();
    await page.getByRole('heading', { level: 1, name: FOOD }).waitFor();
  }

  /** Opens the action's confirmation, checks the deadline effects it shows, and confirms. */
  async function confirmAction(page: Page, button: string, effect: RegExp, screenshotName: string): Promise<void> {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('deadline-effects').getByText(effect).waitFor();
    await screenshot(page, screenshotName);
    await dialog.getByRole('button', { name: new RegExp(`^确认${button}`) }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.wb-live', { hasText: '操作已完成。' }).waitFor();
  }

  function statusChip(page: Page, status: ApplicationStatus) {
    const labels: Partial<Record<ApplicationStatus, string>> = {
      [ApplicationStatus.Submitted]: '已提交，待预审',
      [ApplicationStatus.Returned]: '已退回，一次性告知补正',
      [ApplicationStatus.Accepted]: '已受理',
      [ApplicationStatus.Approved]: '准予许可',
      [ApplicationStatus.Completed]: '已办结',
    };
    return page.locator('mat-chip.wb-chip-status', { hasText: labels[status] });
  }

  it(
    'runs from the application to the rating, every staff step in the workbench',
    async () => {
      // The applicant, a Shehong resident, registers in the portal.
      const idNumber = uniqueResidentIdNumber(SHEHONG.code);
      const mobile = uniqueMobile();
      const applicant = await newWatchedPage();
      await applicant.goto('/register');
      await applicant.getByLabel('姓名').fill('张小红');
      await applicant.getByLabel('公民身份号码').fill(idNumber);
      await applicant.getByLabel('手机号码').first().fill(mobile);
      await applicant.getByLabel('密码', { exact: true }).fill('Applicant-Pass-1');
      await applicant.getByLabel('再次输入密码').fill('Applicant-Pass-1');
      await applicant.getByRole('button', { name: '注册', exact: true }).click();
      await applicant.waitForURL('**/me');

      // They find the Suining item, apply, choose Shehong for the originals check, upload the
      // required materials and submit.
      await applicant.goto(`/centres/${SUINING.code}`);
      await applicant.getByLabel('搜索事项').fill(FOOD);
      await applicant.locator('.portal-item-link', { hasText: FOOD }).first().click();
      await applicant.getByRole('heading', { level: 1, name: FOOD }).waitFor();
      await screenshot(applicant, 'applicant-item-guide');
      await applicant.getByRole('link', { name: '在线申请' }).click();
      await applicant.getByRole('heading', { level: 1, name: `在线申请：${FOOD}` }).waitFor();
      await applicant.getByLabel('申请事项说明').fill('在射洪市太和镇新开一家面馆。');
      await applicant.getByLabel('联系电话').fill(mobile);
      await applicant.getByRole('combobox', { name: '原件核验地点' }).click();
      await applicant.getByRole('option', { name: new RegExp(SHEHONG.name) }).click();
      await applicant.getByRole('button', { name: '保存并继续' }).click();
      const requiredArticles = applicant.locator('article.portal-material', { has: applicant.locator('.portal-tag-strong') });
      await requiredArticles.first().waitFor();
      const requiredCodes = await requiredArticles.evaluateAll((articles) => articles.map((article) => article.getAttribute('data-material-code') ?? ''));
      expect(requiredCodes.length).toBeGreaterThan(1);
      for (const code of requiredCodes) {
        await applicant.setInputFiles(`input[type=file][data-material-code="${code}"]`, { name: `${code}.pdf`, mimeType: 'application/pdf', buffer: samplePdf(`first-${code}`) });
        await applicant.locator(`article[data-material-code="${code}"] .portal-material-current`, { hasText: `已上传：${code}.pdf` }).waitFor();
      }
      await screenshot(applicant, 'applicant-materials');
      await applicant.getByRole('button', { name: '下一步：核对' }).click();
      await applicant.locator('.portal-review-verification', { hasText: SHEHONG.name }).waitFor();
      await applicant.getByRole('button', { name: '提交申请' }).click();
      await applicant.waitForURL(/\/applications\/510900\/[^/]+$/);
      await applicant.locator('portal-status-chip', { hasText: '已提交，待预审' }).waitFor();
      await applicant.getByText('进度实时更新中').waitFor();
      const caseNumber = (await applicant.locator('.portal-case-number').innerText()).trim();
      expect(caseNumber).toMatch(/^510900\d{16}[0-9X]$/);
      await screenshot(applicant, 'applicant-case-submitted');

      // What to click on the staff side: the case and its first two required materials.
      const suiningToken = await staffToken(SUINING.code, 'clerk');
      const inbox = await ok(api<PageOf<ApplicationSummary>>('GET', `/api/v1/centres/${SUINING.code}/inbox?pageSize=100`, { token: suiningToken }));
      const applicationId = inbox.items.find((row) => row.caseNumber === caseNumber)?.id ?? '';
      const submitted = await ok(api<ApplicationView>('GET', `/api/v1/centres/${SUINING.code}/applications/${applicationId}`, { token: suiningToken }));
      expect(submitted).toMatchObject({ originalsCheckRequired: true, verificationCentre: SHEHONG.code });
      const [flagged, untouched] = submitted.materials.filter((material) => material.required);

      // The Suining clerk finds it in the inbox and returns it with a one-time notice on one material.
      const clerk = await staffLogin(SUINING, 'clerk');
      await clerk.getByRole('heading', { name: '待办事项' }).waitFor();
      await clerk.locator('tbody tr', { hasText: caseNumber }).waitFor();
      await screenshot(clerk, 'clerk-inbox');
      await openFromInbox(clerk, caseNumber);
      await statusChip(clerk, ApplicationStatus.Submitted).waitFor();
      await clerk.getByText('实时更新已开启').waitFor();
      const flaggedRow = clerk.locator(`li[data-material="${flagged.code}"]`);
      await flaggedRow.getByText('可告知：尚未发出过告知').waitFor();
      await flaggedRow.getByRole('checkbox', { name: `${flagged.name} 需要补正` }).check();
      await clerk.locator(`mat-select[data-kind-for="${flagged.code}"]`).click();
      await clerk.getByRole('option', { name: '材料不清晰' }).click();
      await clerk.locator(`textarea[data-explanation-for="${flagged.code}"]`).fill('扫描件模糊，请重新扫描盖章页。');
      await screenshot(clerk, 'clerk-pre-review-notice');
      await clerk.getByRole('button', { name: '一次性告知并退回（1 项）' }).click();
      const returnDialog = clerk.getByRole('dialog');
      await returnDialog.getByText(`${flagged.name}（材料不清晰）：扫描件模糊，请重新扫描盖章页。`).waitFor();
      await returnDialog.getByTestId('deadline-effects').getByText('办件仍在补正中，不计时。').waitFor();
      await screenshot(clerk, 'clerk-return-confirmation');
      await returnDialog.getByRole('button', { name: '确认退回并一次性告知' }).click();
      await returnDialog.waitFor({ state: 'detached' });
      await statusChip(clerk, ApplicationStatus.Returned).waitFor();

      // The applicant's open case page shows the notice without a reload; they fix only the
      // flagged material (the only one offered) and resubmit.
      const notice = applicant.locator('.portal-notice');
      await notice.getByRole('heading', { name: '一次性告知：请补正以下材料' }).waitFor();
      await notice.getByText('扫描件模糊，请重新扫描盖章页。').waitFor();
      expect(await notice.locator('article.portal-material').count()).toBe(1);
      expect(await notice.locator(`article[data-material-code="${untouched.code}"]`).count()).toBe(0);
      await screenshot(applicant, 'applicant-notice');
      await applicant.setInputFiles(`.portal-notice input[type=file][data-material-code="${flagged.code}"]`, {
        name: `${flagged.code}-rescan.pdf`,
        mimeType: 'application/pdf',
        buffer: samplePdf('rescan'),
      });
      await notice.getByText(`“${flagged.name}”已重新上传`).waitFor();
      await applicant.getByRole('button', { name: '补正完毕，重新提交' }).click();
      await applicant.locator('portal-status-chip', { hasText: '已提交，待预审' }).waitFor();

      // The clerk's open case page updates itself (server-sent events); the one-time rule now
      // leaves only the changed material open. The clerk accepts.
      await statusChip(clerk, ApplicationStatus.Submitted).waitFor();
      await flaggedRow.getByText('可告知：上次告知后申请人已更改').waitFor();
      // Both rows come from the same refreshed view, so the untouched one is already up to date.
      expect(await clerk.locator(`li[data-material="${untouched.code}"] .wb-lock`).innerText()).toBe('已锁定：上次告知时未提出问题且此后未更改，不得再次告知');
      await screenshot(clerk, 'clerk-pre-review-after-fix');
      await confirmAction(clerk, '受理', /^自 \d{4}-\d{2}-\d{2} 起开始计时。$/, 'clerk-accept-confirmation');
      await statusChip(clerk, ApplicationStatus.Accepted).waitFor();

      // The reviewer passes the review step.
      const reviewer = await staffLogin(SUINING, 'reviewer');
      await openFromInbox(reviewer, caseNumber);
      await confirmAction(reviewer, '通过', /^进入“.+”环节（审批人员）/, 'reviewer-pass-confirmation');

      // The approver approves; the originals check at Shehong follows.
      const approver = await staffLogin(SUINING, 'approver');
      await openFromInbox(approver, caseNumber);
      await confirmAction(approver, '准予许可', /^随后由 510981 核验纸质原件。$/, 'approver-approve-confirmation');
      await statusChip(approver, ApplicationStatus.Approved).waitFor();

      // The Shehong clerk finds the routed check in the originals queue and records matching originals.
      const shehongToken = await staffToken(SHEHONG.code, 'clerk');
      await eventually('the originals check to reach Shehong', async () => {
        const queue = await ok(api<PageOf<VerificationTaskView>>('GET', `/api/v1/centres/${SHEHONG.code}/verification-tasks?pageSize=100`, { token: shehongToken }));
        return queue.items.find((task) => task.caseNumber === caseNumber);
      });
      const verifier = await staffLogin(SHEHONG, 'clerk');
      await verifier.getByRole('link', { name: '原件核验', exact: true }).click();
      const taskRow = verifier.locator('tbody tr', { hasText: caseNumber });
      await taskRow.waitFor();
      await screenshot(verifier, 'shehong-originals-queue');
      await taskRow.getByRole('link', { name: FOOD }).click();
      await verifier.getByRole('heading', { level: 1, name: `核验原件：${FOOD}` }).waitFor();
      for (const row of await verifier.locator('.wb-manifest-row').all()) {
        await row.getByRole('radio', { name: '原件与上传件一致' }).check();
      }
      await verifier.getByRole('checkbox', { name: /已当面核对申请人/ }).check();
      await verifier.getByRole('radio', { name: '当场退还申请人' }).check();
      await screenshot(verifier, 'shehong-originals-check');
      await verifier.getByRole('button', { name: '签署并提交核验结果' }).click();
      await verifier.getByRole('heading', { name: '核验已完成' }).waitFor();
      await screenshot(verifier, 'shehong-originals-signed');

      // The attestation travels back to Suining and completes the case: the clerk's and the
      // applicant's open pages both show it.
      await statusChip(clerk, ApplicationStatus.Completed).waitFor();
      await screenshot(clerk, 'clerk-case-completed');
      await applicant.locator('portal-status-chip', { hasText: '已办结' }).waitFor();
      await applicant.locator('.portal-originals', { hasText: SHEHONG.name }).waitFor();
      await screenshot(applicant, 'applicant-case-completed');

      // The applicant rates the case.
      await applicant.getByRole('button', { name: '评价本次办件' }).click();
      const ratingDialog = applicant.getByRole('dialog');
      await ratingDialog.getByRole('radio', { name: '非常满意' }).check();
      await ratingDialog.getByRole('checkbox', { name: '办事效率' }).check();
      await ratingDialog.getByLabel('意见和建议（选填）').fill('一次告知，少跑一趟。');
      await screenshot(applicant, 'applicant-rating');
      await ratingDialog.getByRole('button', { name: '提交评价' }).click();
      await ratingDialog.waitFor({ state: 'detached' });
      await applicant.getByText('您已评价本次办件。').waitFor();

      const completed = await ok(api<ApplicationView>('GET', `/api/v1/centres/${SUINING.code}/applications/${applicationId}`, { token: suiningToken }));
      expect(completed).toMatchObject({ status: ApplicationStatus.Completed, originalsVerified: true, resultType: 'certificate_issued' });
      expect(completed.originalsChecks[0]).toMatchObject({ verifyingCentre: SHEHONG.code, status: 'matched', custody: 'returned_to_applicant' });
      expect(completed.caseRated).toBe(true);

      expect(consoleErrors).toEqual([]);
    },
    STORY_TIMEOUT,
  );
});
