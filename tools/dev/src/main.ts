import { DEMO_APPLICANT, DEMO_CENTRES, DEMO_COMPANY, DEMO_PASSWORD, DEMO_STAFF } from '@zhengwu/org/feature-api';
import { provisionDatabase } from '@zhengwu/server/core/database';
import { provisionRoutingKeys } from '@zhengwu/server/routing';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDevSecrets } from './dev-secrets';
import { ApiProcess, startApi } from './api-process';
import { resolveDatabaseServer } from './database-server';
import type { EmbeddedDatabase } from './embedded-database';

/*
 * `npm start`: one deployment hosting every Sichuan centre, on the PostgreSQL at DATABASE_URL or,
 * when that is unset, on an embedded PostgreSQL under ./.data. The runner provisions the roles,
 * then starts the built API (which migrates and seeds) and serves both web apps from it.
 * This file is a development tool: it is the only place besides the API's config that reads env.
 */
const root = resolve(__dirname, '../../..');
const dataDir = resolve(process.env['ZHENGWU_DATA_DIR'] ?? join(root, '.data'));
const port = Number(process.env['PORT'] ?? 3000);
const embeddedPort = Number(process.env['EMBEDDED_PG_PORT'] ?? 54329);
const deploymentId = process.env['DEPLOYMENT_ID'] ?? 'local';
const hostedTenants = process.env['HOSTED_TENANTS'] ?? 'all';

let database: EmbeddedDatabase | undefined;
let api: ApiProcess | undefined;
let stopping = false;

async function main(): Promise<void> {
  const apiMain = join(root, 'dist/apps/api/main.js');
  for (const built of [apiMain, join(root, 'dist/apps/portal/browser/index.html'), join(root, 'dist/apps/workbench/browser/index.html')]) {
    if (!existsSync(built)) {
      throw new Error(`${built} is missing: run "npm start" (it builds first) rather than this script directly`);
    }
  }

  const server = await resolveDatabaseServer(process.env['DATABASE_URL'], dataDir, embeddedPort);
  database = server.embedded;
  const adminUrl = server.adminUrl;
  const secrets = loadDevSecrets(join(dataDir, 'db-passwords.json'));
  const databaseName = new URL(process.env['DATABASE_URL'] ?? 'postgres://x/zhengwu').pathname.slice(1) || 'zhengwu';
  const { ownerUrl, runtimeUrl } = await provisionDatabase({
    adminUrl,
    database: databaseName === 'postgres' ? 'zhengwu' : databaseName,
    owner: { name: 'zhengwu_owner', password: secrets.ownerPassword },
    runtime: { name: 'zhengwu_app', password: secrets.runtimePassword },
  });

  // One deployment hosting every centre: routing between centres runs over the loopback transport,
  // still signed and still through outbox and inbox. Keys and the signed directory live in .data.
  const routing = provisionRoutingKeys({
    outDir: join(dataDir, 'routing'),
    deployments: [{ id: deploymentId, hostedTenants, apiBaseUrl: `http://localhost:${port}` }],
    identityIssuer: { deploymentId, signingKeyPaths: [join(dataDir, 'keys/auth-signing.pem')], generateMissing: true },
  });

  api = await startApi(
    deploymentId,
    apiMain,
    {
      ...process.env,
      DATABASE_URL: runtimeUrl,
      DATABASE_MIGRATIONS_URL: ownerUrl,
      DEPLOYMENT_ID: deploymentId,
      ROUTING_TRANSPORT: 'loopback',
      ROUTING_DIRECTORY_PATH: routing.directoryPath,
      ROUTING_ROOT_PUBLIC_KEY_PATH: routing.rootPublicKeyPath,
      CENTRE_KEYS_DIR: routing.centreKeysDirs[deploymentId],
      MATERIAL_STORE_DIR: join(dataDir, 'materials'),
      HOSTED_TENANTS: hostedTenants,
      PORT: String(port),
      HOST: process.env['HOST'] ?? '127.0.0.1',
      AUTH_SIGNING_KEY_PATH: join(dataDir, 'keys/auth-signing.pem'),
      PII_KEY_PATH: join(dataDir, 'keys/pii.key'),
      GENERATE_MISSING_KEYS: 'true',
      SEED_DEMO: 'true',
      WEB_ROOT: join(root, 'dist/apps'),
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info',
    },
    port,
    (code) => {
      if (!stopping) {
        process.stderr.write(`API exited (${code}); stopping.\n`);
        void shutdown(code ?? 1);
      }
    },
  );
  printWelcome();
}

function printWelcome(): void {
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    '政务大厅 Zhengwu Hall is running (one deployment hosting all 205 Sichuan centres)',
    `  Portal (applicants):   ${base}/`,
    `  Workbench (staff):     ${base}/workbench/`,
    `  API docs (OpenAPI):    ${base}/api/docs`,
    `  Health / metrics:      ${base}/health   ${base}/metrics`,
    '',
    `Demo accounts (password ${DEMO_PASSWORD}):`,
    `  Staff at centres ${DEMO_CENTRES.join(', ')}: ${DEMO_STAFF.map((s) => `${s.username} (${s.roles.join(', ')})`).join('; ')}`,
    `  Applicant (natural person): ${DEMO_APPLICANT.name}, ID ${DEMO_APPLICANT.idNumber} or mobile ${DEMO_APPLICANT.mobile}`,
    `  Applicant (legal person):   ${DEMO_COMPANY.name}, USCC ${DEMO_COMPANY.uscc}`,
    '',
    'Press Ctrl-C to stop (the embedded database stops too).',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await api?.stop();
  if (database) {
    process.stdout.write('Stopping the embedded PostgreSQL...\n');
    await database.stop().catch((error: Error) => process.stderr.write(`${error.message}\n`));
  }
  process.exit(exitCode);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  void shutdown(1);
});
