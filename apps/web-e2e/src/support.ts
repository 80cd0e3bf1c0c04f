import {
  dropDatabaseOnTestServer,
  launchChromium,
  PlatformProcess,
  startPlatform,
  testDatabaseFromEnv,
} from '@zhengwu/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const STARTUP_TIMEOUT = 120_000;
/** A browser test on a loaded 2-core machine: pages, argon2 logins and Chromium share the CPU. */
export const BROWSER_TEST_TIMEOUT = 90_000;
export const DEMO_PASSWORD = 'Zhengwu@2026';

export interface WebFixture {
  platform: PlatformProcess;
  browser: Browser;
  /** A fresh browser context (cookies, storage) per test. */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The built platform on its own fresh database (as `npm start` with DATABASE_URL), and Chromium.
 * Database and port are per file so the browser suites can run in parallel. The ports (287xx) are
 * below Linux's ephemeral range (32768–60999): a fixed port inside it can be the local end of some
 * outgoing connection to PostgreSQL or NATS at that moment, and the platform then fails with
 * EADDRINUSE (it happened, twice in one run).
 */
export async function startWebFixture(name: string, port: number, dataDir: string): Promise<WebFixture> {
  const url = new URL(testDatabaseFromEnv().adminUrl);
  url.pathname = `/zhengwu_web_${name}_${Date.now()}`;
  const platform = await startPlatform({ DATABASE_URL: url.toString(), ZHENGWU_DATA_DIR: dataDir }, port);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    // Without a browser the suite fails; it must not also leave the platform running.
    await platform.interrupt();
    await dropDatabaseOnTestServer(url.pathname.slice(1));
    throw error;
  }
  const contexts: BrowserContext[] = [];
  return {
    platform,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: platform.baseUrl,
        viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
        locale: 'zh-CN',
      });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close()));
      await browser.close();
      await platform.interrupt();
      await dropDatabaseOnTestServer(url.pathname.slice(1));
    },
  };
}

/** The visible text of the first element matching, once it is there. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const locator = page.locator(selector).first();
  await locator.waitFor({ state: 'visible' });
  return (await locator.innerText()).trim();
}

/**
 * Picks an option of an open autocomplete panel and waits for the panel to close. On a loaded
 * machine a click can land while the panel is still animating open and be lost: while the panel
 * stays open with the option in it, the option is clicked again.
 */
export async function chooseOption(page: Page, name: string | RegExp): Promise<void> {
  const option = page.getByRole('option', { name });
  const listbox = page.getByRole('listbox');
  await option.click();
  for (let attempt = 1; ; attempt++) {
    try {
      await listbox.waitFor({ state: 'detached', timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      if (await option.isVisible()) await option.click();
    }
  }
}
