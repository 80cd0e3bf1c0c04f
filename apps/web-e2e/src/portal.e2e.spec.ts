import { uniqueMobile, uniqueResidentIdNumber } from '@zhengwu/server/testing';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSER_TEST_TIMEOUT, DEMO_PASSWORD, startWebFixture, STARTUP_TIMEOUT, textOf, WebFixture } from './support';

describe('applicant portal in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhengwu-web-portal-'));
  chmodSync(dataDir, 0o755);
  let web: WebFixture;

  beforeAll(async () => {
    web = await startWebFixture('portal', 38_741, dataDir);
  }, STARTUP_TIMEOUT);
  afterAll(async () => {
    await web?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, STARTUP_TIMEOUT);

  it('opens in Simplified Chinese and switches to English', async () => {
    const page = await web.newPage();
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
    const page = await web.newPage();
    await page.goto('/');
    await page.getByText('共 205 个省、市、县三级政务服务中心。').waitFor();
    const search = page.getByLabel('查找服务中心');
    await search.fill('射洪');
    await page.locator('.portal-matches li', { hasText: '射洪市政务服务中心' }).waitFor();
    await search.fill('510981');
    expect(await textOf(page, '.portal-matches li .portal-centre-name')).toBe('射洪市政务服务中心');
  }, BROWSER_TEST_TIMEOUT);

  it('explains a wrong check digit before submitting, then registers and shows the masked ID', async () => {
    const page = await web.newPage();
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
    const page = await web.newPage();
    await page.goto('/login');
    await page.getByLabel('证件号码或手机号码').fill('13800138000');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByLabel('密码').press('Enter');
    await page.getByText('账号或密码错误。').waitFor();
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL('**/me');
    await page.locator('#main-content dd', { hasText: '张小明' }).waitFor();
  }, BROWSER_TEST_TIMEOUT);

  it('serves the OpenAPI documentation as a working page', async () => {
    const page = await web.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/api/docs');
    await page.getByText('Zhengwu Hall approval core').first().waitFor();
    await page.getByText('/api/v1/auth/applicants/login').first().waitFor();
    expect(errors).toEqual([]);
  }, BROWSER_TEST_TIMEOUT);

  it('fits a phone-width screen without horizontal scrolling', async () => {
    const page = await web.newPage({ width: 375, height: 740 });
    await page.goto('/register');
    await page.getByLabel('公民身份号码').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }, BROWSER_TEST_TIMEOUT);
});
