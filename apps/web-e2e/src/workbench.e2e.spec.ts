import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSER_TEST_TIMEOUT, DEMO_PASSWORD, startWebFixture, STARTUP_TIMEOUT, textOf, WebFixture } from './support';

describe('staff workbench in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhengwu-web-workbench-'));
  chmodSync(dataDir, 0o755);
  let web: WebFixture;

  beforeAll(async () => {
    web = await startWebFixture('workbench', 38_742, dataDir);
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
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('账号或密码错误。').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Wrong account or password.').waitFor();
  }, BROWSER_TEST_TIMEOUT);
});
