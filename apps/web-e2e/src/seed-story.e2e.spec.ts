import { ApplicationStatus } from '@zhengwu/approval/domain';
import { multipartBody, samplePdf, uniqueMobile, uniqueResidentIdNumber } from '@zhengwu/server/testing';
import type {
  ApplicantTokenResponse,
  ApplicationView,
  ErrorBody,
  PageOf,
  RatingView,
  StaffTokenResponse,
  VerificationTaskView,
} from '@zhengwu/shared/contracts';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT, DEMO_PASSWORD, startWebFixture, STARTUP_TIMEOUT, WebFixture } from './support';

/**
 * The seed story, clicked through by a person: a Shehong resident applies to a Suining item that
 * needs an originals check and chooses Shehong for it; the Suining clerk returns it with a one-time
 * notice; the applicant fixes only the flagged material; the clerk accepts; reviewer and approver
 * pass it; the Shehong clerk records matching originals; the applicant sees it completed and rates
 * it.
 *
 * Every staff step goes through the workbench in Chromium. The applicant's steps go through the
 * HTTP API the portal uses, because the portal's apply and case pages are not in the repository
 * yet (issue 5, portal part); when they land, these steps move to the browser too.
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
    web = await startWebFixture('story', 38_743, dataDir);
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
    await page.getByRole('option', { name: new RegExp(centre.name) }).click();
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
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
      // The applicant registers (a Shehong resident) and applies to the Suining item, choosing
      // Shehong for the originals check. Through the API: see the file comment.
      const registered = await ok(
        api<ApplicantTokenResponse>('POST', '/api/v1/auth/applicants/register/natural-person', {
          body: { name: '张小红', idNumber: uniqueResidentIdNumber(SHEHONG.code), mobile: uniqueMobile(), password: 'Applicant-Pass-1' },
        }),
        201,
      );
      const applicant = registered.accessToken;
      const items = await ok(api<{ items: Array<{ id: string; name: string }> }>('GET', `/api/v1/centres/${SUINING.code}/items?q=${encodeURIComponent(FOOD)}`));
      const itemId = items.items.find((item) => item.name === FOOD)?.id;
      expect(itemId).toBeDefined();
      const draft = await ok(
        api<ApplicationView>('POST', `/api/v1/centres/${SUINING.code}/applications`, { token: applicant, body: { itemId, verificationCentre: SHEHONG.code } }),
        201,
      );
      expect(draft).toMatchObject({ originalsCheckRequired: true, verificationCentre: SHEHONG.code });
      const casePath = `/api/v1/centres/${SUINING.code}/applications/${draft.id}`;
      const upload = (code: string, label: string) => {
        const { payload, headers } = multipartBody({ fileName: `${code}.pdf`, content: samplePdf(label), contentType: 'application/pdf' });
        return ok(api<ApplicationView>('PUT', `${casePath}/materials/${encodeURIComponent(code)}`, { token: applicant, raw: payload, headers }));
      };
      const required = draft.materials.filter((material) => material.required);
      for (const material of required) await upload(material.code, `first-${material.code}`);
      const submitted = await ok(api<ApplicationView>('POST', `${casePath}/submit`, { token: applicant, headers: { 'idempotency-key': `story-${draft.id}` } }));
      const caseNumber = submitted.caseNumber ?? '';
      expect(caseNumber).toMatch(/^510900/);
      const [flagged, untouched] = required;

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

      // The applicant sees the notice and fixes only the flagged material, then resubmits.
      const returned = await ok(api<ApplicationView>('GET', casePath, { token: applicant }));
      expect(returned.notices).toHaveLength(1);
      expect(returned.notices[0].defects.map((defect) => defect.materialCode)).toEqual([flagged.code]);
      await upload(flagged.code, 'fixed');
      await ok(api<ApplicationView>('POST', `${casePath}/submit`, { token: applicant, headers: { 'idempotency-key': `story-${draft.id}-again` } }));

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
      const shehongToken = (
        await ok(api<StaffTokenResponse>('POST', '/api/v1/auth/staff/login', { body: { centreCode: SHEHONG.code, username: 'clerk', password: DEMO_PASSWORD } }))
      ).accessToken;
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

      // The attestation travels back to Suining and completes the case; the clerk's page shows it.
      const completed = await eventually('the case to complete', async () => {
        const view = await ok(api<ApplicationView>('GET', casePath, { token: applicant }));
        return view.status === ApplicationStatus.Completed ? view : undefined;
      });
      expect(completed).toMatchObject({ originalsVerified: true, resultType: 'certificate_issued' });
      expect(completed.originalsChecks[0]).toMatchObject({ verifyingCentre: SHEHONG.code, status: 'matched', custody: 'returned_to_applicant' });
      await statusChip(clerk, ApplicationStatus.Completed).waitFor();
      await screenshot(clerk, 'clerk-case-completed');

      // The applicant rates the case.
      const rating = await ok(
        api<RatingView>('POST', `${casePath}/ratings`, { token: applicant, body: { level: 'very_satisfied', indicators: ['efficiency'], comment: '一次告知，少跑一趟。' } }),
        201,
      );
      expect(rating.rectificationOpened).toBe(false);

      expect(consoleErrors).toEqual([]);
    },
    STORY_TIMEOUT,
  );
});
