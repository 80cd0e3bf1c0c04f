import {
  dropDatabaseOnTestServer,
  freePortRun,
  PlatformProcess,
  PrivateNatsServer,
  startPlatform,
  startPrivateNatsServer,
  testDatabaseFromEnv,
  TOPOLOGY_RUNNER,
} from '@zhengwu/server/testing';
import type { StaffTokenResponse } from '@zhengwu/shared/contracts';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIMEOUT = 240_000;
const PASSWORD = 'Zhengwu@2026';
/** Short enough for a test, long enough that 204 centres reporting do not swamp a small machine. */
const INTERVAL_MS = 30_000;

/** The parts of the roll-up answer (`RollupView` of @zhengwu/supervision/domain) this test reads. */
interface RollupNode {
  code: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
  snapshotAt: string | null;
  missing: boolean;
  periodFrom: string | null;
  openWork: { open: number; red: number; yellow: number } | null;
  subtree: { centres: number; missing: number };
  children: RollupNode[];
}
interface RollupView {
  root: RollupNode;
  missing: string[];
}

function find(node: RollupNode, code: string): RollupNode | undefined {
  return node.code === code ? node : node.children.map((child) => find(child, code)).find((found) => found !== undefined);
}

/**
 * The roll-up across the three-deployment topology (`npm run topology`: province, city and county
 * deployments with their own databases, joined by NATS JetStream): Shehong's snapshot, sent by the
 * county deployment's worker, arrives at Suining on the city deployment and at the province.
 */
describe('supervision roll-up across the three-deployment topology', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhengwu-rollup-'));
  chmodSync(dataDir, 0o755);
  const prefix = `rollup_${Date.now()}`;
  let nats: PrivateNatsServer;
  let topology: PlatformProcess;
  let base: { province: string; city: string; county: string };

  beforeAll(async () => {
    nats = await startPrivateNatsServer();
    const basePort = (await freePortRun(3)) - 1;
    base = { province: `http://127.0.0.1:${basePort + 1}`, city: `http://127.0.0.1:${basePort + 2}`, county: `http://127.0.0.1:${basePort + 3}` };
    const admin = new URL(testDatabaseFromEnv().adminUrl);
    topology = await startPlatform(
      {
        DATABASE_URL: admin.toString(),
        NATS_URL: nats.url,
        TOPOLOGY_BASE_PORT: String(basePort),
        TOPOLOGY_DB_PREFIX: prefix,
        ZHENGWU_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ZHENGWU_SERVE_WEB: 'false',
        SUPERVISION_SNAPSHOT_INTERVAL_MS: String(INTERVAL_MS),
      },
      basePort + 1,
      TOPOLOGY_RUNNER,
    );
  }, TIMEOUT);

  afterAll(async () => {
    await topology?.interrupt();
    await nats?.stop();
    for (const deployment of ['province', 'city', 'county']) await dropDatabaseOnTestServer(`${prefix}_${deployment}`);
    rmSync(dataDir, { recursive: true, force: true });
  }, TIMEOUT);

  async function get<T>(url: string, token?: string): Promise<{ status: number; body: T }> {
    const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const text = await response.text();
    return { status: response.status, body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
  }

  async function supervisor(deployment: string, centreCode: string): Promise<string> {
    const response = await fetch(`${deployment}/api/v1/auth/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ centreCode, username: 'supervisor', password: PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`login ${centreCode}: HTTP ${response.status} ${await response.text()}`);
    return ((await response.json()) as StaffTokenResponse).accessToken;
  }

  /** Waits for a condition driven by the deployments' background loops (snapshot sender, relay, consumer). */
  async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 150_000;
    for (;;) {
      const value = await probe();
      if (accept(value)) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 800)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  it(
    'carries a county snapshot to the city deployment and to the province deployment',
    async () => {
      const cityToken = await supervisor(base.city, '510900');
      const provinceToken = await supervisor(base.province, '510000');
      const rollupAt = (deployment: string, centre: string, token: string) => async () => {
        const response = await get<RollupView>(`${deployment}/api/v1/centres/${centre}/supervision/rollup`, token);
        if (response.status !== 200) throw new Error(`rollup ${centre}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
        return response.body;
      };

      const city = await eventually(rollupAt(base.city, '510900', cityToken), (view) => find(view.root, '510981')?.snapshotAt != null, 'Shehong at Suining');
      const shehongAtCity = find(city.root, '510981');
      expect(shehongAtCity).toMatchObject({ level: 'county', parentCode: '510900', missing: false });
      expect(shehongAtCity?.openWork).toEqual(expect.objectContaining({ open: expect.any(Number), red: expect.any(Number), yellow: expect.any(Number) }));
      // Suining's tree holds its own counties only, all from the directory.
      expect(city.root.children.every((child) => child.parentCode === '510900' && child.level === 'county')).toBe(true);

      const province = await eventually(
        rollupAt(base.province, '510000', provinceToken),
        (view) => find(view.root, '510981')?.snapshotAt != null && find(view.root, '510900')?.snapshotAt != null,
        'Shehong and Suining at the province',
      );
      expect(find(province.root, '510900')).toMatchObject({ level: 'city', missing: false });
      expect(find(province.root, '510900')?.children.map((child) => child.code)).toContain('510981');
      expect(find(province.root, '510981')).toMatchObject({ level: 'county', missing: false, periodFrom: shehongAtCity?.periodFrom });
      // Cities and counties of the whole province are in the tree (21 cities, 183 counties).
      expect(province.root.children).toHaveLength(21);
      expect(province.root.subtree.centres).toBe(205);
    },
    TIMEOUT,
  );
});
