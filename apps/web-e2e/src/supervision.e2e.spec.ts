import { dropDatabaseOnTestServer, launchChromium, multipartBody, samplePdf, startPlatform, testDatabaseFromEnv, uniqueMobile, uniqueResidentIdNumber } from '@zhengwu/server/testing';
import type { ApplicantTokenResponse, ApplicationView, RatingView, RectificationCaseView, StaffTokenResponse, SupervisionBoardView, SupervisionNoticeView, SupervisionPage, SupervisionRulesView } from '@zhengwu/shared/contracts';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BROWSER_TEST_TIMEOUT, DEMO_PASSWORD, STARTUP_TIMEOUT } from './support';

const SUINING = '510900';
const PROVINCE = '510000';
const SCREENSHOT_DIR = process.env['WEB_E2E_OUTPUT'] ? join(process.env['WEB_E2E_OUTPUT'], 'supervision') : join(__dirname, '../../../tmp/web-e2e/supervision');
const FOOD = '食品经营许可（新办）';
const ROAD = '道路货物运输经营许可';
/** A working day well before today: the step is overdue by then. */
const PAST_DUE = '2026-11-02';
/** The platform's supervision sweep runs every minute. */
const SWEEP_WAIT = 150_000;
const PORT = 28_746;

/**
 * The supervisor's workbench in Chromium: a Suining case whose step is made overdue (its due date
 * moved back in the database) is raised red by the platform's own sweep; the supervisor finds it
 * on the board, opens its timeline, closes the 督办 notice the department answered, reads the
 * statistics, and switches to English. The province's supervisor sees its own board.
 */
describe('supervisor workbench in Chromium', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhengwu-web-supervision-'));
  chmodSync(dataDir, 0o755);
  const databaseUrl = new URL(testDatabaseFromEnv().adminUrl);
  databaseUrl.pathname = `/zhengwu_web_supervision_${Date.now()}`;
  let platform: Awaited<ReturnType<typeof startPlatform>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let overdue: ApplicationView;
  let rated: ApplicationView;

  const api = async <T>(path: string, init: { method?: string; token?: string; body?: unknown; raw?: Buffer; headers?: Record<string, string> } = {}): Promise<T> => {
    const response = await fetch(`${platform.baseUrl}${path}`, {
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

  /** A Suining case of the item accepted by the clerk: the reviewer's step is open. */
  async function acceptedCase(itemName = FOOD): Promise<{ application: ApplicationView; applicant: string }> {
    const applicant = (
      await api<ApplicantTokenResponse>('/api/v1/auth/applicants/register/natural-person', {
        body: { name: '申请人督', idNumber: uniqueResidentIdNumber('510981'), mobile: uniqueMobile(), password: 'Applicant-Pass-1' },
      })
    ).accessToken;
    const items = await api<{ items: Array<{ id: string; name: string }> }>(`/api/v1/centres/${SUINING}/items?q=${encodeURIComponent(itemName)}`);
    const item = items.items.find((candidate) => candidate.name === itemName);
    if (!item) throw new Error(`No item ${itemName}`);
    const draft = await api<ApplicationView>(`/api/v1/centres/${SUINING}/applications`, { token: applicant, body: { itemId: item.id } });
    for (const material of draft.materials.filter((m) => m.required)) {
      const { payload, headers } = multipartBody({ fileName: `${material.code}.pdf`, content: samplePdf(), contentType: 'application/pdf' });
      await api(`/api/v1/centres/${SUINING}/applications/${draft.id}/materials/${encodeURIComponent(material.code)}`, { method: 'PUT', token: applicant, raw: payload, headers });
    }
    const submitted = await api<ApplicationView>(`/api/v1/centres/${SUINING}/applications/${draft.id}/submit`, {
      method: 'POST',
      token: applicant,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    const application = await api<ApplicationView>(`/api/v1/centres/${SUINING}/applications/${submitted.id}/pre-review/accept`, {
      token: await staffToken(SUINING, 'clerk'),
      body: { version: submitted.version },
    });
    return { application, applicant };
  }

  /** A completed road freight licence its applicant rated very dissatisfied: a rectification case. */
  async function badlyRatedCase(): Promise<ApplicationView> {
    const { application, applicant } = await acceptedCase(ROAD);
    const act = async (current: ApplicationView, path: string, username: string, body: Record<string, unknown> = {}) =>
      api<ApplicationView>(`/api/v1/centres/${SUINING}/applications/${current.id}/${path}`, { token: await staffToken(SUINING, username), body: { version: current.version, ...body } });
    let current = await act(application, 'steps/pass', 'reviewer');
    current = await act(current, 'decision/approve', 'approver');
    current = await act(current, 'complete', 'approver', { deliveryMode: 'post' });
    const rating = await api<RatingView>(`/api/v1/centres/${SUINING}/applications/${current.id}/ratings`, {
      token: applicant,
      body: { level: 'very_dissatisfied', comment: '窗口态度差。' },
    });
    if (!rating.rectificationOpened) throw new Error('The bad rating opened no rectification');
    return current;
  }

  /** Moves the open step's deadline back, as the database owner would (the test's only shortcut). */
  async function makeOverdue(application: ApplicationView): Promise<void> {
    const owner = new Client({ connectionString: databaseUrl.toString() });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [SUINING]);
      await owner.query('UPDATE application_steps SET due = $3 WHERE tenant_id = $1 AND application_id = $2 AND finished_at IS NULL', [SUINING, application.id, PAST_DUE]);
      await owner.query('UPDATE applications SET current_step_due = $3 WHERE tenant_id = $1 AND id = $2', [SUINING, application.id, PAST_DUE]);
      await owner.query('COMMIT');
    } finally {
      await owner.end();
    }
  }

  /** Waits for the platform's sweep to put the case on the overdue list and mark the case itself red. */
  async function waitForOverdue(application: ApplicationView): Promise<void> {
    const supervisor = await staffToken(SUINING, 'supervisor');
    const deadline = Date.now() + SWEEP_WAIT;
    for (;;) {
      const board = await api<SupervisionBoardView>(`/api/v1/centres/${SUINING}/supervision/board`, { token: supervisor });
      const listed = board.overdue.some((alert) => alert.applicationId === application.id);
      if (listed && (await api<ApplicationView>(`/api/v1/centres/${SUINING}/applications/${application.id}`, { token: supervisor })).supervisionLevel === 'red') return;
      if (Date.now() > deadline) throw new Error('The sweep did not raise the overdue case');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  beforeAll(async () => {
    platform = await startPlatform({ DATABASE_URL: databaseUrl.toString(), ZHENGWU_DATA_DIR: dataDir }, PORT);
    browser = await launchChromium();
    overdue = (await acceptedCase()).application;
    rated = await badlyRatedCase();
    await makeOverdue(overdue);
    await waitForOverdue(overdue);
  }, STARTUP_TIMEOUT + SWEEP_WAIT + 60_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await platform?.interrupt();
    await dropDatabaseOnTestServer(databaseUrl.pathname.slice(1));
    rmSync(dataDir, { recursive: true, force: true });
  }, STARTUP_TIMEOUT);

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ baseURL: platform.baseUrl, viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    contexts.push(context);
    return context.newPage();
  }

  async function logIn(page: Page, centreCode: string, centreName: RegExp, username: string): Promise<void> {
    await page.goto('/workbench/login');
    await page.getByLabel('所在政务服务中心').fill(centreCode);
    await page.getByRole('option', { name: centreName }).click();
    // The panel must be gone before anything else is clicked (it would take the click).
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  }

  it('shows the Suining supervisor the overdue case on the board and opens its timeline', async () => {
    const page = await newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await logIn(page, SUINING, /遂宁市政务服务中心/, 'supervisor');
    await page.getByRole('link', { name: '效能监督', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: '电子监察' }).waitFor();

    const overdueList = page.getByTestId('overdue-list');
    const row = overdueList.getByRole('row').filter({ hasText: overdue.caseNumber ?? '' });
    await row.waitFor();
    expect(await row.innerText()).toContain('红牌');
    expect(await row.innerText()).toContain('环节超期');
    expect(Number(await page.getByTestId('count-red').innerText())).toBeGreaterThanOrEqual(1);

    // Drill down with the keyboard: the case number is a link to the case page and its timeline.
    await row.getByRole('link', { name: overdue.caseNumber ?? '' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`办件编号：${overdue.caseNumber}`).waitFor();
    await page.getByRole('heading', { name: '办理过程' }).waitFor();
    // The case itself carries the level the sweep gave it.
    await page.locator('.wb-level-red').getByText('红牌超期').waitFor();
    expect(consoleErrors).toEqual([]);
  }, BROWSER_TEST_TIMEOUT);

  it('lets the department answer the 督办 notice and the supervisor close it', async () => {
    const supervisorToken = await staffToken(SUINING, 'supervisor');
    const notices = await api<SupervisionPage<SupervisionNoticeView>>(`/api/v1/centres/${SUINING}/supervision/notices?status=open&limit=200`, { token: supervisorToken });
    const notice = notices.items.find((candidate) => candidate.applicationId === overdue.id);
    if (!notice) throw new Error('No notice for the overdue case');

    // The department answers through its head (the demo approver heads the demo departments), from its own list.
    const department = await newPage();
    await logIn(department, SUINING, /遂宁市政务服务中心/, 'approver');
    await department.getByRole('link', { name: '督办答复', exact: true }).first().click();
    await department.getByRole('heading', { level: 1, name: '待答复的督办通知' }).waitFor();
    const toAnswer = department.locator(`[data-notice="${notice.id}"]`);
    await toAnswer.getByRole('button', { name: '提交答复' }).click();
    await toAnswer.getByRole('alert').getByText('答复至少需要 2 个字。').waitFor();
    await toAnswer.getByLabel('答复内容').fill('已安排专人加快审核，今日办结。');
    await toAnswer.getByRole('button', { name: '提交答复' }).click();
    await toAnswer.getByText('答复已提交。').waitFor();
    expect(await toAnswer.getByTestId('notice-status').innerText()).toBe('已答复');
    // The department cannot close its own notice.
    expect(await toAnswer.getByRole('button', { name: '办结督办' }).count()).toBe(0);

    const page = await newPage();
    await logIn(page, SUINING, /遂宁市政务服务中心/, 'supervisor');
    await page.goto('/workbench/supervision/notices');
    await page.getByRole('heading', { level: 1, name: '督办通知' }).waitFor();
    const card = page.locator(`[data-notice="${notice.id}"]`);
    await card.getByTestId('notice-response').getByText('已安排专人加快审核，今日办结。').waitFor();
    expect(await card.getByTestId('notice-status').innerText()).toBe('已答复');

    await card.getByLabel('办结意见（可选）').fill('答复属实，予以办结。');
    await card.getByRole('button', { name: '办结督办' }).click();
    await card.getByText('督办已办结。').waitFor();
    expect(await card.getByTestId('notice-status').innerText()).toBe('已办结');
    await card.getByText('答复属实，予以办结。').waitFor();
    // Closed notices take no more answers.
    expect(await card.getByRole('button', { name: '办结督办' }).count()).toBe(0);

    // A second close is refused by the server, and the page would say so: checked over the API.
    const again = await fetch(`${platform.baseUrl}/api/v1/centres/${SUINING}/supervision/notices/${notice.id}/close`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisorToken}` },
      body: '{}',
    });
    expect(again.status).toBe(409);
  }, BROWSER_TEST_TIMEOUT);

  it('reads the statistics for a period, the accountability record and the rules, then switches to English', async () => {
    const page = await newPage();
    await logIn(page, SUINING, /遂宁市政务服务中心/, 'supervisor');
    await page.goto('/workbench/supervision');
    await page.getByRole('heading', { level: 1, name: '电子监察' }).waitFor();

    await page.getByRole('navigation', { name: '电子监察栏目' }).getByRole('link', { name: '问责记录' }).click();
    await page.getByTestId('accountability-list').getByRole('row').filter({ hasText: overdue.caseNumber ?? '' }).waitFor();

    await page.getByRole('navigation', { name: '电子监察栏目' }).getByRole('link', { name: '统计分析' }).click();
    await page.getByRole('heading', { level: 1, name: '统计分析' }).waitFor();
    await page.getByRole('button', { name: '本年' }).click();
    const year = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4);
    await page.getByRole('heading', { name: new RegExp(`^${year}-01-01 至 `) }).waitFor();
    const received = page.getByTestId('statistics-table').locator('td[data-field="received"]').first();
    expect(Number(await received.innerText())).toBeGreaterThanOrEqual(1);
    await page.getByTestId('centre-catalogue').getByText('可网办事项占比').waitFor();

    // A period that ends before it starts is refused on the page, before asking the server.
    await page.getByLabel('开始日期').fill(`${year}-12-31`);
    await page.getByLabel('结束日期').fill(`${year}-01-01`);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('alert').getByText('开始日期不能晚于结束日期。').waitFor();

    await page.getByRole('navigation', { name: '电子监察栏目' }).getByRole('link', { name: '监察规则' }).click();
    await page.getByTestId('effective-rules').getByText('step-overdue').waitFor();

    // Tighten the province's case-due-soon rule (warn a day earlier); loosening it is refused.
    const caseDueSoon = page.getByTestId('effective-rules').getByRole('row').filter({ hasText: 'case-due-soon' });
    await caseDueSoon.getByRole('button', { name: '编辑规则 case-due-soon' }).click();
    const editor = page.getByTestId('rule-editor');
    const threshold = editor.getByLabel('时限（工作日）');
    const days = Number(await threshold.inputValue());
    await threshold.fill(String(days + 1));
    await editor.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').getByText('规则 case-due-soon 已保存。').waitFor();
    await caseDueSoon.getByText('本级收紧').waitFor();
    await caseDueSoon.getByRole('button', { name: '编辑规则 case-due-soon' }).click();
    await editor.getByRole('checkbox', { name: '启用' }).uncheck();
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.getByRole('alert').getByText(/不能放宽/).waitFor();
    await editor.getByRole('button', { name: '取消' }).click();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Supervision rules' }).waitFor();
    await page.getByRole('navigation', { name: 'Supervision sections' }).getByRole('link', { name: 'Statistics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
    await page.getByRole('columnheader', { name: 'On-time rate' }).waitFor();
  }, BROWSER_TEST_TIMEOUT);

  it('takes a bad review through validity, rectification with its one extension, and the follow-up call', async () => {
    const supervisorToken = await staffToken(SUINING, 'supervisor');
    const cases = await api<RectificationCaseView[]>(`/api/v1/centres/${SUINING}/rectification-cases`, { token: supervisorToken });
    const rectification = cases.find((candidate) => candidate.applicationId === rated.id);
    if (!rectification) throw new Error('No rectification case for the bad rating');

    const page = await newPage();
    await logIn(page, SUINING, /遂宁市政务服务中心/, 'supervisor');
    await page.goto('/workbench/supervision/rectifications');
    await page.getByRole('heading', { level: 1, name: '差评整改' }).waitFor();
    const card = page.locator(`[data-rectification="${rectification.id}"]`);
    const status = card.getByTestId('rectification-status');
    const submit = card.getByRole('button', { name: '提交' });
    const choose = async (action: string) => {
      await card.getByRole('combobox', { name: '处理' }).click();
      await page.getByRole('option', { name: action }).click();
      await page.getByRole('listbox').waitFor({ state: 'detached' });
    };
    expect(await status.innerText()).toBe('待核实');

    // The first open action is preselected: confirm the review is valid, then start rectifying.
    await submit.click();
    await card.getByTestId('rectification-status').getByText('核实有效').waitFor();
    await submit.click();
    await card.getByTestId('rectification-status').getByText('整改中').waitFor();

    // An extension needs its reason: the page says so before asking the server.
    await choose('延长整改期限（限一次）');
    await card.getByLabel('延长工作日数').fill('3');
    await submit.click();
    await card.getByRole('alert').getByText('请填写说明。').waitFor();
    await card.getByLabel('说明（必填）').fill('需等待服务规范培训。');
    await submit.click();
    await card.getByText(`已延期一次，原期限 ${rectification.due}`).waitFor();

    await choose('整改完成');
    await card.getByLabel('说明（必填）').fill('已对窗口人员开展服务规范培训。');
    await submit.click();
    await card.getByTestId('rectification-status').getByText('已整改').waitFor();

    await card.getByLabel('说明（必填）').fill('电话回访，申请人表示满意。');
    await submit.click();
    await card.getByTestId('rectification-follow-up').getByText('电话回访，申请人表示满意。').waitFor();
    expect(await submit.count()).toBe(0);
  }, BROWSER_TEST_TIMEOUT);

  it('shows the province supervisor the board of 510000 and the rule Suining tightened', async () => {
    // Suining's supervisor warns one working day earlier than the province's due-soon rule.
    const suining = await staffToken(SUINING, 'supervisor');
    const rules = await api<SupervisionRulesView>(`/api/v1/centres/${SUINING}/supervision/rules`, { token: suining });
    const dueSoon = rules.province.find((rule) => rule.id === 'step-due-soon');
    if (dueSoon?.trigger.kind !== 'due_soon') throw new Error('No province step-due-soon rule');
    const { id: _id, ...body } = { ...dueSoon, trigger: { ...dueSoon.trigger, withinWorkingDays: dueSoon.trigger.withinWorkingDays + 1 } };
    await api(`/api/v1/centres/${SUINING}/supervision/rules/step-due-soon`, { method: 'PUT', token: suining, body });

    const page = await newPage();
    await logIn(page, PROVINCE, /四川省/, 'supervisor');
    await page.goto('/workbench/supervision');
    await page.getByRole('heading', { level: 1, name: '电子监察' }).waitFor();
    await page.getByTestId('board-counts').waitFor();
    await page.getByRole('heading', { name: /已超期办件（红牌）/ }).waitFor();
    await page.getByRole('navigation', { name: '电子监察栏目' }).getByRole('link', { name: '监察规则' }).click();
    await page.getByRole('heading', { name: '下级中心规则差异' }).waitFor();
    const drift = page.getByTestId('drift').getByRole('row').filter({ hasText: 'step-due-soon' });
    await drift.waitFor();
    expect(await drift.innerText()).toContain(SUINING);
    expect(await drift.innerText()).toContain('收紧');

    // The roll-up tree: the cities under the province, and a county opened from the keyboard.
    await page.getByRole('navigation', { name: '电子监察栏目' }).getByRole('link', { name: '层级汇总' }).click();
    await page.getByRole('heading', { level: 1, name: '层级汇总' }).waitFor();
    const tree = page.getByTestId('rollup-tree');
    const suiningRow = tree.locator(`tr[data-code="${SUINING}"]`);
    await suiningRow.waitFor();
    await expect(tree.locator('tr[data-code="510981"]').count()).resolves.toBe(0);
    const toggle = suiningRow.getByRole('button');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await tree.locator('tr[data-code="510981"]').waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'rollup-tree.png'), fullPage: true });
  }, BROWSER_TEST_TIMEOUT);
  it("lets the centre admin name a department's head, whose list then holds that department's notices", async () => {
    const notices = await api<SupervisionPage<SupervisionNoticeView>>(`/api/v1/centres/${SUINING}/supervision/notices?limit=200`, { token: await staffToken(SUINING, 'supervisor') });
    const notice = notices.items.find((candidate) => candidate.applicationId === overdue.id);
    if (!notice?.departmentId) throw new Error('No notice with a department for the overdue case');
    const reviewerToken = await staffToken(SUINING, 'reviewer');
    const reviewerList = async () =>
      (await api<SupervisionPage<SupervisionNoticeView>>(`/api/v1/centres/${SUINING}/supervision/department-notices?limit=200`, { token: reviewerToken })).items.map((n) => n.id);
    // The demo approver heads the department, so the reviewer does not answer its notices.
    expect(await reviewerList()).not.toContain(notice.id);

    const page = await newPage();
    await logIn(page, SUINING, /遂宁市政务服务中心/, 'admin');
    await page.getByRole('link', { name: '部门负责人', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: '部门负责人' }).waitFor();
    const row = page.locator(`tr[data-department="${notice.departmentId}"]`);
    await row.getByTestId('department-heads').getByText('审批员').waitFor();
    const save = row.getByRole('button', { name: `保存${notice.departmentName}的负责人` });
    expect(await save.isDisabled()).toBe(true);

    // Add the reviewer from the keyboard: open the list, pick the option, close it again.
    await row.getByRole('combobox', { name: `${notice.departmentName}的负责人` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: /（reviewer）/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await save.click();
    await row.getByRole('status').getByText('已保存。').waitFor();
    await row.getByTestId('department-heads').getByText('审核员').waitFor();
    expect(await save.isDisabled()).toBe(true);

    expect(await reviewerList()).toContain(notice.id);
  }, BROWSER_TEST_TIMEOUT);
});
