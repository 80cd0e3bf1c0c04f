import {
  dropDatabaseOnTestServer,
  isListening,
  PlatformProcess,
  startPlatform,
  testDatabaseFromEnv,
} from '@zhengwu/server/testing';
import type { CentreSummary, StaffTokenResponse } from '@zhengwu/shared/contracts';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The README's quick start: `npm start` (after its build step) on a fresh database comes up with
 * migrations, demo data and both web apps, restarts without duplicating anything, and stops on
 * Ctrl-C, both on a given PostgreSQL and on the embedded one.
 */
const STARTUP_TIMEOUT = 120_000;

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhengwu-e2e-data-'));
  // Like a checkout's .data: when tests run as root, the embedded PostgreSQL's own user must enter it.
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  describe('with DATABASE_URL set', () => {
    const database = `zhengwu_e2e_${Date.now()}`;
    const url = new URL(testDatabaseFromEnv().adminUrl);
    url.pathname = `/${database}`;
    let platform: PlatformProcess;

    // Fixed ports below the ephemeral range (apps/web-e2e/src/support.ts says why).
    beforeAll(async () => {
      platform = await startPlatform({ DATABASE_URL: url.toString(), ZHENGWU_DATA_DIR: join(dataDir, 'given') }, 28_731);
    }, STARTUP_TIMEOUT);
    afterAll(async () => {
      await platform?.interrupt();
      await dropDatabaseOnTestServer(database);
    }, STARTUP_TIMEOUT);

    it('answers /health with ok', async () => {
      const response = await fetch(`${platform.baseUrl}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' } } });
    });

    it('lists all 205 centres', async () => {
      const centres = (await (await fetch(`${platform.baseUrl}/api/v1/centres`)).json()) as CentreSummary[];
      expect(centres).toHaveLength(205);
    });

    it('serves both web apps, with deep links falling back to their index.html', async () => {
      for (const path of ['/', '/login', '/workbench/', '/workbench/login']) {
        const response = await fetch(`${platform.baseUrl}${path}`);
        expect({ path, status: response.status, type: response.headers.get('content-type') }).toEqual({
          path,
          status: 200,
          type: 'text/html; charset=utf-8',
        });
        const html = await response.text();
        expect(html).toContain(path.startsWith('/workbench') ? '<wb-root' : '<portal-root');
      }
      const missingApi = await fetch(`${platform.baseUrl}/api/v1/nothing-here`);
      expect(missingApi.status).toBe(404);
      expect(((await missingApi.json()) as { code: string }).code).toBe('ROUTE_NOT_FOUND');
    });

    it('seeded the demo staff, who can log in', async () => {
      const response = await fetch(`${platform.baseUrl}/api/v1/auth/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ centreCode: '510981', username: 'clerk', password: 'Zhengwu@2026' }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as StaffTokenResponse).profile.centreCode).toBe('510981');
      expect(platform.output()).toContain('Demo accounts');
    });

    it('restarts on the same database without duplicating the demo data, and stops on Ctrl-C', async () => {
      expect(await platform.interrupt()).toBe(0);
      expect(await isListening(28_731)).toBe(false);
      platform = await startPlatform({ DATABASE_URL: url.toString(), ZHENGWU_DATA_DIR: join(dataDir, 'given') }, 28_731);
      expect(platform.output()).toContain('Demo accounts ready (0 created)');
      const health = await fetch(`${platform.baseUrl}/health`);
      expect(health.status).toBe(200);
    }, STARTUP_TIMEOUT);
  });

  describe('with DATABASE_URL unset', () => {
    const embeddedPort = 28_749;
    let platform: PlatformProcess;

    beforeAll(async () => {
      platform = await startPlatform(
        { DATABASE_URL: undefined, ZHENGWU_DATA_DIR: join(dataDir, 'embedded'), EMBEDDED_PG_PORT: String(embeddedPort) },
        28_732,
      );
    }, STARTUP_TIMEOUT);
    afterAll(() => platform?.interrupt(), STARTUP_TIMEOUT);

    it('comes up on the embedded PostgreSQL and stops it on Ctrl-C', async () => {
      expect(platform.output()).toContain('starting the embedded PostgreSQL');
      const health = await fetch(`${platform.baseUrl}/health`);
      expect(health.status).toBe(200);
      const centres = (await (await fetch(`${platform.baseUrl}/api/v1/centres`)).json()) as CentreSummary[];
      expect(centres).toHaveLength(205);
      expect(await isListening(embeddedPort)).toBe(true);
      expect(await platform.interrupt()).toBe(0);
      expect(await isListening(28_732)).toBe(false);
      expect(await isListening(embeddedPort)).toBe(false);
    }, STARTUP_TIMEOUT);
  });
});
