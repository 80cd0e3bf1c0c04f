import { multipartBody, samplePdf, uniqueMobile, uniqueResidentIdNumber } from '@zhengwu/server/testing';
import type { ApplicantTokenResponse, ApplicationView, CreatedHallDisplayView, HallDisplayView, StaffTokenResponse } from '@zhengwu/shared/contracts';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT, DEMO_PASSWORD, STARTUP_TIMEOUT, startWebFixture, WebFixture } from './support';

const SUINING = '510900';
const ITEM = '道路货物运输经营许可';
const SCREENSHOT_DIR = process.env['WEB_E2E_OUTPUT'] ? join(process.env['WEB_E2E_OUTPUT'], 'hall-display') : join(__dirname, '../../../tmp/web-e2e/hall-display');

/**
 * The screen in Suining's hall: the admin registers it through the API (and, in the second test,
 * on the admin page), the screen opens its link, shows today's counts, and updates by itself when
 * a clerk accepts a case: the call names the case number and the masked applicant only.
 */
describe('hall display in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhengwu-web-hall-'));
  chmodSync(dataDir, 0o755);
  let web: WebFixture;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    web = await startWebFixture('hall', 28_748, dataDir);
  }, STARTUP_TIMEOUT);
  afterAll(async () => {
    await web?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, STARTUP_TIMEOUT);

  const api = async <T>(path: string, init: { method?: string; token?: string; body?: unknown; raw?: Buffer; headers?: Record<string, string> } = {}): Promise<T> => {
    const response = await fetch(`${web.platform.baseUrl}${path}`, {
      method: init.method ?? (init.body === undefined && init.raw === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      body: init.raw ? new Uint8Array(init.raw) : init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const staffToken = async (centreCode: string, username: string) =>
    (await api<StaffTokenResponse>('/api/v1/auth/staff/login', { body: { centreCode, username, password: DEMO_PASSWORD } })).accessToken;

  /** A Suining case submitted by a new applicant 申请人厅 (waiting for the clerk's pre-review). */
  async function submittedCase(): Promise<ApplicationView> {
    const applicant = (
      await api<ApplicantTokenResponse>('/api/v1/auth/applicants/register/natural-person', {
        body: { name: '申请人厅', idNumber: uniqueResidentIdNumber('510981'), mobile: uniqueMobile(), password: 'Applicant-Pass-1' },
      })
    ).accessToken;
    const items = await api<{ items: Array<{ id: string; name: string }> }>(`/api/v1/centres/${SUINING}/items?q=${encodeURIComponent(ITEM)}`);
    const item = items.items.find((candidate) => candidate.name === ITEM);
    if (!item) throw new Error(`No item ${ITEM}`);
    const draft = await api<ApplicationView>(`/api/v1/centres/${SUINING}/applications`, { token: applicant, body: { itemId: item.id } });
    for (const material of draft.materials.filter((m) => m.required)) {
      const { payload, headers } = multipartBody({ fileName: `${material.code}.pdf`, content: samplePdf(), contentType: 'application/pdf' });
      await api(`/api/v1/centres/${SUINING}/applications/${draft.id}/materials/${encodeURIComponent(material.code)}`, { method: 'PUT', token: applicant, raw: payload, headers });
    }
    return api<ApplicationView>(`/api/v1/centres/${SUINING}/applications/${draft.id}/submit`, {
      method: 'POST',
      token: applicant,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
  }

  function watchConsole(page: Page): string[] {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    return errors;
  }

  const countOf = (page: Page, key: string) => page.locator(`[data-count="${key}"] .value`);

  it('shows the counts of the day and updates by itself when the clerk accepts a case, names masked', async () => {
    const submitted = await submittedCase();
    const admin = await staffToken(SUINING, 'admin');
    const created = await api<CreatedHallDisplayView>(`/api/v1/centres/${SUINING}/hall-displays`, { token: admin, body: { name: '一楼大厅屏' } });

    const page = await web.newPage({ width: 1920, height: 1080 });
    const consoleErrors = watchConsole(page);
    await page.goto(`/workbench/display/${SUINING}#token=${created.token}`);
    await page.getByRole('heading', { level: 1, name: '遂宁市政务服务中心' }).waitFor();
    await page.getByText('今日受理').waitFor();
    // The token leaves the address bar at once (kept for this session only).
    await page.waitForURL((url) => url.hash === '');
    expect(await page.evaluate(() => sessionStorage.getItem('zhengwu.hallDisplay.510900'))).toBe(created.token);
    expect(Number(await countOf(page, 'receivedToday').innerText())).toBeGreaterThanOrEqual(1);
    const acceptedBefore = Number(await countOf(page, 'acceptedToday').innerText());
    await page.screenshot({ path: join(SCREENSHOT_DIR, '01-hall-display.png') });

    const clerk = await staffToken(SUINING, 'clerk');
    const accepted = await api<ApplicationView>(`/api/v1/centres/${SUINING}/applications/${submitted.id}/pre-review/accept`, {
      token: clerk,
      body: { version: submitted.version },
    });
    const call = page.getByTestId('display-call').filter({ hasText: accepted.caseNumber ?? 'no case number' });
    await call.getByText(`办件 ${accepted.caseNumber}（申**厅）已受理`).waitFor();
    await countOf(page, 'acceptedToday').filter({ hasText: new RegExp(`^${acceptedBefore + 1}$`) }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain('申请人厅');
    await page.screenshot({ path: join(SCREENSHOT_DIR, '02-hall-display-updated.png') });

    // The screen's own switch (the staff shell's lies under the full-screen layer).
    await page.locator('wb-hall-display-page').getByRole('button', { name: 'English' }).click();
    await call.getByText(`Case ${accepted.caseNumber} (申**厅) has been accepted`).waitFor();
    await page.getByText('Accepted today').waitFor();

    // The admin sees when the screen connected; revoking it tells the screen at the next change.
    const listed = await api<HallDisplayView[]>(`/api/v1/centres/${SUINING}/hall-displays`, { token: admin });
    expect(listed.find((d) => d.id === created.display.id)?.lastSeenAt).not.toBeNull();
    await api(`/api/v1/centres/${SUINING}/hall-displays/${created.display.id}`, { method: 'DELETE', token: admin });
    await submittedCase();
    await page.getByRole('alert').getByText('display token is invalid or has been revoked', { exact: false }).waitFor();
    expect(consoleErrors).toEqual([]);
  }, BROWSER_TEST_TIMEOUT);

  it('lets the centre admin create a display on the admin page and shows its link once', async () => {
    const page = await web.newPage();
    const consoleErrors = watchConsole(page);
    await page.goto('/workbench/login');
    await page.getByLabel('所在政务服务中心').fill(SUINING);
    await page.getByRole('option', { name: /遂宁市政务服务中心/ }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '大厅屏', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '大厅屏管理' }).waitFor();
    await page.getByLabel('屏幕名称').fill('二楼大厅屏');
    await page.getByRole('button', { name: '生成显示链接' }).click();
    const link = (await page.getByTestId('display-url').innerText()).trim();
    expect(link).toMatch(new RegExp(`/workbench/display/${SUINING}#token=[A-Za-z0-9_-]{43}$`));
    await page.getByRole('cell', { name: '二楼大厅屏', exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, '03-admin-displays.png'), fullPage: true });

    const screen = await web.newPage({ width: 1920, height: 1080 });
    const screenErrors = watchConsole(screen);
    await screen.goto(link);
    await screen.getByText('今日收件').waitFor();

    await page.getByRole('button', { name: '撤销“二楼大厅屏”' }).click();
    await page.getByRole('button', { name: '确认撤销' }).click();
    // The first test's display at the same centre is revoked too: look at this display's row.
    await page.getByRole('row', { name: /二楼大厅屏/ }).getByRole('cell', { name: '已撤销', exact: true }).waitFor();
    expect([...consoleErrors, ...screenErrors]).toEqual([]);
  }, BROWSER_TEST_TIMEOUT);
});
