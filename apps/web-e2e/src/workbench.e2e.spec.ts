import type { ApplicationSummary, CounterIntakeView, PageOf, StaffTokenResponse } from '@zhengwu/shared/contracts';
import { samplePdf, uniqueMobile, uniqueResidentIdNumber } from '@zhengwu/server/testing';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSER_TEST_TIMEOUT, DEMO_PASSWORD, STARTUP_TIMEOUT, startWebFixture, textOf, WebFixture } from './support';

describe('staff workbench in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhengwu-web-workbench-'));
  chmodSync(dataDir, 0o755);
  let web: WebFixture;

  beforeAll(async () => {
    web = await startWebFixture('workbench', 28_742, dataDir);
  }, STARTUP_TIMEOUT);
  afterAll(async () => {
    await web?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, STARTUP_TIMEOUT);

  it('sends a visitor to the login page and back after logging in', async () => {
    const page = await web.newPage();
    await page.goto('/workbench/');
    await page.waitForURL('**/workbench/login**');
    expect(await textOf(page, 'h1')).toBe('工作人员登录');
  }, BROWSER_TEST_TIMEOUT);

  it('logs a clerk in with the keyboard alone and shows their centre and post', async () => {
    const page = await web.newPage();
    await page.goto('/workbench/login');
    await page.getByLabel('所在政务服务中心').waitFor();
    await page.getByLabel('所在政务服务中心').focus();
    await page.keyboard.type('510981');
    await page.getByRole('option', { name: /射洪市政务服务中心/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('clerk');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByText('窗口收件员，您好').waitFor();
    await page.getByText('所在中心：射洪市政务服务中心').waitFor();
    await page.getByRole('heading', { name: '窗口受理' }).waitFor();
  }, BROWSER_TEST_TIMEOUT);

  it('shows the server’s reason for a refused login, in the chosen language', async () => {
    const page = await web.newPage();
    await page.goto('/workbench/login');
    await page.getByLabel('所在政务服务中心').fill('510900');
    await page.getByRole('option', { name: /遂宁市政务服务中心/ }).click();
    // The panel must be gone before the button below is clicked (it would take the click).
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('账号或密码错误。').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Wrong account or password.').waitFor();
  }, BROWSER_TEST_TIMEOUT);

  it('files a walk-in intake at the Shehong counter for a Suining item and shows the status Suining reports back', async () => {
    const food = '食品经营许可（新办）';
    const page = await web.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto('/workbench/login');
    await page.getByLabel('所在政务服务中心').fill('510981');
    await page.getByRole('option', { name: /射洪市政务服务中心/ }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.getByRole('link', { name: '窗口代收', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: '窗口代收' }).waitFor();
    await page.getByRole('link', { name: '新建代收' }).click();

    // The item of another centre, and the walk-in applicant as read from their ID card.
    await page.getByLabel('事项所属政务服务中心').fill('510900');
    await page.getByRole('option', { name: /遂宁市政务服务中心/ }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: '事项', exact: true }).click();
    await page.getByRole('option', { name: food }).click();
    await page.getByLabel('姓名').fill('赵窗口');
    await page.getByLabel('公民身份号码').fill(uniqueResidentIdNumber('510981'));
    await page.getByLabel('手机号码').fill(uniqueMobile());
    await page.getByRole('button', { name: '开始收件' }).click();
    await page.getByRole('heading', { level: 1, name: `代收：${food}` }).waitFor();

    // Every required material scanned and compared with its original on the spot.
    const required = page.locator('.wb-manifest-row', { has: page.locator('.wb-required') });
    await required.first().waitFor();
    for (const row of await required.all()) {
      const code = (await row.getAttribute('data-material')) ?? '';
      await row.locator('input[type=file]').setInputFiles({ name: `${code}.pdf`, mimeType: 'application/pdf', buffer: samplePdf(`counter-${code}`) });
      await row.getByText(`已扫描第 1 版：${code}.pdf`).waitFor();
      await row.getByRole('radio', { name: '原件与上传件一致' }).check();
    }
    await page.getByRole('checkbox', { name: /已当面核对申请人/ }).check();
    await page.getByText('本事项由 510900 办理').waitFor();
    await page.getByRole('button', { name: '转交办理中心' }).click();
    await page.getByTestId('intake-status').getByText('已转交，待回传').waitFor();

    // Suining creates the case and reports its status back (routed messages, relayed every 500 ms).
    const token = (
      (await (
        await fetch(`${web.platform.baseUrl}/api/v1/auth/staff/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ centreCode: '510981', username: 'clerk', password: DEMO_PASSWORD }),
        })
      ).json()) as StaffTokenResponse
    ).accessToken;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const list = (await (
        await fetch(`${web.platform.baseUrl}/api/v1/centres/510981/counter-intakes?status=reported`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as PageOf<CounterIntakeView>;
      if (list.items.some((intake) => intake.itemName === food && intake.applicant.name === '赵窗口')) break;
      if (Date.now() > deadline) throw new Error('Suining did not report the intake back');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await page.getByRole('button', { name: '刷新进度' }).click();
    await page.getByTestId('handling-status').getByText('已提交，待预审').waitFor();
    expect(await page.getByTestId('intake-status').innerText()).toBe('办理中心已回传');

    // Suining returns it with a one-time notice naming one material; the counter takes the correction.
    const api = async <T>(path: string, token: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${web.platform.baseUrl}/api/v1${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    const suiningClerk = (
      (await (
        await fetch(`${web.platform.baseUrl}/api/v1/auth/staff/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ centreCode: '510900', username: 'clerk', password: DEMO_PASSWORD }),
        })
      ).json()) as StaffTokenResponse
    ).accessToken;
    const intakeNow = (await api<PageOf<CounterIntakeView>>('/centres/510981/counter-intakes?pageSize=100', token)).items.find((i) => i.applicant.name === '赵窗口');
    const queue = await api<PageOf<ApplicationSummary>>('/centres/510900/inbox?post=window_clerk&pageSize=100', suiningClerk);
    const suiningCase = queue.items.find((item) => item.caseNumber === intakeNow?.caseNumber);
    const flagged = intakeNow?.materials[0];
    if (!suiningCase || !flagged) throw new Error('The forwarded case is not in the Suining queue');
    await api(`/centres/510900/applications/${suiningCase.id}/pre-review/return`, suiningClerk, {
      version: suiningCase.version,
      defects: [{ materialCode: flagged.code, kind: 'illegible', explanation: '扫描件印章不清晰，请重新提供' }],
    });
    await waitForReport(token, (intake) => intake.awaitingCorrection);
    await page.getByRole('button', { name: '刷新进度' }).click();
    const correction = page.getByTestId('correction');
    await correction.getByText('扫描件印章不清晰，请重新提供', { exact: false }).waitFor();
    const flaggedRow = page.locator(`.wb-manifest-row[data-material="${flagged.code}"]`);
    await flaggedRow.locator('input[type=file]').setInputFiles({ name: 'corrected.pdf', mimeType: 'application/pdf', buffer: samplePdf('corrected-at-counter') });
    await flaggedRow.getByText('已扫描第 2 版：corrected.pdf').waitFor();
    for (const row of await required.all()) await row.getByRole('radio', { name: '原件与上传件一致' }).check();
    await page.getByRole('checkbox', { name: /已当面核对申请人/ }).check();
    await page.getByRole('button', { name: '补正后重新转交' }).click();
    await page.getByText('补正材料已转交，等待办理中心回传。').waitFor();
    await waitForReport(token, (intake) => intake.status === 'reported' && !intake.awaitingCorrection);
    await page.getByRole('button', { name: '刷新进度' }).click();
    await page.getByTestId('handling-status').getByText('已提交，待预审').waitFor();
    expect(consoleErrors).toEqual([]);

    async function waitForReport(clerkToken: string, accept: (intake: CounterIntakeView) => boolean): Promise<void> {
      const until = Date.now() + 30_000;
      for (;;) {
        const intake = (await api<PageOf<CounterIntakeView>>('/centres/510981/counter-intakes?pageSize=100', clerkToken)).items.find((i) => i.applicant.name === '赵窗口');
        if (intake && accept(intake)) return;
        if (Date.now() > until) throw new Error(`The counter did not get the expected report: ${JSON.stringify(intake?.history)}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }, BROWSER_TEST_TIMEOUT);
});
