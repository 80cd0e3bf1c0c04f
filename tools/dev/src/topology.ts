import { DEMO_APPLICANT, DEMO_PASSWORD } from '@zhengwu/org/feature-api';
import { provisionDatabase } from '@zhengwu/server/core/database';
import { provisionRoutingKeys } from '@zhengwu/server/routing';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { ApiProcess, startApi } from './api-process';
import { resolveDatabaseServer } from './database-server';
import { loadDevSecrets } from './dev-secrets';
import type { EmbeddedDatabase } from './embedded-database';

/*
 * `npm run topology`: the reference multi-deployment setup on one machine. Three deployments of the
 * same API build — province (510000), city (the 21 cities), county (the 183 counties) — each with
 * its own database on the same PostgreSQL server, joined by NATS JetStream; the province is the
 * identity issuer for applicant accounts. Each deployment serves the web apps too; they look the
 * serving deployment of each centre up in the directory (GET /api/v1/directory).
 * Environment: DATABASE_URL (else embedded PostgreSQL), NATS_URL (default nats://127.0.0.1:4222),
 * TOPOLOGY_BASE_PORT (3000: deployments on +1, +2, +3), TOPOLOGY_DB_PREFIX (zhengwu),
 * TOPOLOGY_STREAM / TOPOLOGY_SUBJECT_PREFIX / TOPOLOGY_BUCKET (ROUTES / route / MATERIALS),
 * ZHENGWU_DATA_DIR (./.data/topology), ZHENGWU_SERVE_WEB (true).
 */
const root = resolve(__dirname, '../../..');
const dataDir = resolve(process.env['ZHENGWU_DATA_DIR'] ?? join(root, '.data/topology'));
const basePort = Number(process.env['TOPOLOGY_BASE_PORT'] ?? 3000);
const embeddedPort = Number(process.env['EMBEDDED_PG_PORT'] ?? 54329);
const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const dbPrefix = process.env['TOPOLOGY_DB_PREFIX'] ?? 'zhengwu';

export const TOPOLOGY = [
  { id: 'province', hostedTenants: '510000', port: basePort + 1 },
  { id: 'city', hostedTenants: 'level:city', port: basePort + 2 },
  { id: 'county', hostedTenants: 'level:county', port: basePort + 3 },
] as const;

let database: EmbeddedDatabase | undefined;
const apis: ApiProcess[] = [];
let stopping = false;

async function main(): Promise<void> {
  const apiMain = join(root, 'dist/apps/api/main.js');
  if (!existsSync(apiMain)) throw new Error(`${apiMain} is missing: run "npm run topology" (it builds first)`);
  await assertReachable(natsUrl);

  const server = await resolveDatabaseServer(process.env['DATABASE_URL'], dataDir, embeddedPort);
  database = server.embedded;
  const secrets = loadDevSecrets(join(dataDir, 'db-passwords.json'));
  const origins = TOPOLOGY.flatMap((d) => [`http://localhost:${d.port}`, `http://127.0.0.1:${d.port}`]).join(',');
  const routing = provisionRoutingKeys({
    outDir: join(dataDir, 'routing'),
    deployments: TOPOLOGY.map((d) => ({ id: d.id, hostedTenants: d.hostedTenants, apiBaseUrl: `http://localhost:${d.port}` })),
    identityIssuer: { deploymentId: 'province', signingKeyPaths: [join(dataDir, 'keys/province-auth-signing.pem')], generateMissing: true },
  });

  // One after another: each deployment migrates and seeds its own database while the others wait.
  for (const deployment of TOPOLOGY) {
    const { ownerUrl, runtimeUrl } = await provisionDatabase({
      adminUrl: server.adminUrl,
      database: `${dbPrefix}_${deployment.id}`,
      owner: { name: 'zhengwu_owner', password: secrets.ownerPassword },
      runtime: { name: 'zhengwu_app', password: secrets.runtimePassword },
    });
    apis.push(
      await startApi(
        deployment.id,
        apiMain,
        {
          ...process.env,
          DATABASE_URL: runtimeUrl,
          DATABASE_MIGRATIONS_URL: ownerUrl,
          DEPLOYMENT_ID: deployment.id,
          HOSTED_TENANTS: deployment.hostedTenants,
          PORT: String(deployment.port),
          HOST: process.env['HOST'] ?? '127.0.0.1',
          AUTH_SIGNING_KEY_PATH: join(dataDir, `keys/${deployment.id}-auth-signing.pem`),
          PII_KEY_PATH: join(dataDir, `keys/${deployment.id}-pii.key`),
          GENERATE_MISSING_KEYS: 'true',
          SEED_DEMO: 'true',
          // ZHENGWU_SERVE_WEB=false: APIs only (the routing end-to-end suite needs no web apps).
          WEB_ROOT: process.env['ZHENGWU_SERVE_WEB'] === 'false' ? '' : join(root, 'dist/apps'),
          CORS_ORIGINS: origins,
          MATERIAL_STORE_DIR: join(dataDir, `materials/${deployment.id}`),
          ROUTING_TRANSPORT: 'nats',
          NATS_URL: natsUrl,
          ROUTING_STREAM: process.env['TOPOLOGY_STREAM'] ?? 'ROUTES',
          ROUTING_SUBJECT_PREFIX: process.env['TOPOLOGY_SUBJECT_PREFIX'] ?? 'route',
          ROUTING_OBJECT_BUCKET: process.env['TOPOLOGY_BUCKET'] ?? 'MATERIALS',
          ROUTING_DIRECTORY_PATH: routing.directoryPath,
          ROUTING_ROOT_PUBLIC_KEY_PATH: routing.rootPublicKeyPath,
          CENTRE_KEYS_DIR: routing.centreKeysDirs[deployment.id],
          LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
        },
        deployment.port,
        (code) => {
          if (!stopping) {
            process.stderr.write(`The ${deployment.id} API exited (${code}); stopping the topology.\n`);
            void shutdown(code ?? 1);
          }
        },
      ),
    );
  }
  printWelcome();
}

function printWelcome(): void {
  const url = (id: string) => `http://localhost:${TOPOLOGY.find((d) => d.id === id)?.port}`;
  process.stdout.write(
    [
      '',
      '政务大厅 Zhengwu Hall topology is running (three deployments on NATS JetStream)',
      `  province (510000, identity issuer):  ${url('province')}/   workbench ${url('province')}/workbench/`,
      `  city (21 city centres):               ${url('city')}/   workbench ${url('city')}/workbench/`,
      `  county (183 county centres):          ${url('county')}/   workbench ${url('county')}/workbench/`,
      '',
      `Demo staff at each deployment's demo centres (510000 / 510900 / 510981): admin, clerk, reviewer, approver, supervisor; password ${DEMO_PASSWORD}`,
      `Demo applicant (register and sign in at the province): ${DEMO_APPLICANT.name}, mobile ${DEMO_APPLICANT.mobile}`,
      '',
      'Press Ctrl-C to stop all three.',
      '',
    ].join('\n'),
  );
}

async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(apis.map((api) => api.stop()));
  if (database) await database.stop().catch((error: Error) => process.stderr.write(`${error.message}\n`));
  process.exit(exitCode);
}

function assertReachable(url: string): Promise<void> {
  const parsed = new URL(url);
  return new Promise((resolveCheck, reject) => {
    const socket = createConnection({ host: parsed.hostname, port: Number(parsed.port || 4222) });
    socket.once('connect', () => {
      socket.destroy();
      resolveCheck();
    });
    socket.once('error', () =>
      reject(new Error(`NATS is not reachable at ${url}: start a nats-server with JetStream (nats-server -js) or set NATS_URL`)),
    );
  });
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

main().catch((error: unknown) => {
  process.stderr.write(`npm run topology failed: ${error instanceof Error ? error.message : String(error)}\n`);
  void shutdown(1);
});
