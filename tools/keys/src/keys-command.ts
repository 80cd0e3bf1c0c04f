import { ProvisionedRoutingKeys, provisionRoutingKeys, RoutingDeploymentSpec } from '@zhengwu/server/routing';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const USAGE = `Usage: node dist/tools/keys/main.js --out <dir> --deployments <json | @file.json>
          [--issuer <deploymentId>] [--issuer-key <pem>]... [--generate-issuer-key]

Generates what routing between centres needs and is missing: the province root key pair, one
Ed25519 key pair per centre of every deployment, and the directory signed by the root key. Run it
again after a change (a deployment's URL, which centres it hosts, a replaced key): it issues the
next directory version; with no change it changes nothing.

  --deployments   [{"id":"province","hosted":"level:province","apiBaseUrl":"https://province.example"}, …]
                  "hosted" is the deployment's HOSTED_TENANTS selector.
  --issuer        the deployment that issues access tokens (default: the first one)
  --issuer-key    its AUTH_SIGNING_KEY_PATH PEM (repeat during a rotation; default
                  <out>/identity/<issuer>-auth-signing.pem, created when missing)
`;

export interface KeysCommand {
  outDir: string;
  deployments: RoutingDeploymentSpec[];
  issuer: string;
  issuerKeys: string[];
  generateIssuerKey: boolean;
}

export function parseKeysCommand(argv: string[]): KeysCommand {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      deployments: { type: 'string' },
      issuer: { type: 'string' },
      'issuer-key': { type: 'string', multiple: true },
      'generate-issuer-key': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.out) throw new Error('--out is required');
  if (!values.deployments) throw new Error('--deployments is required');
  const text = values.deployments.startsWith('@') ? readFileSync(values.deployments.slice(1), 'utf8') : values.deployments;
  const deployments = parseDeployments(JSON.parse(text) as unknown);
  const issuer = values.issuer ?? deployments[0]?.id ?? '';
  if (!deployments.some((deployment) => deployment.id === issuer)) throw new Error(`--issuer ${issuer} is not one of the deployments`);
  const outDir = resolve(values.out);
  const issuerKeys = values['issuer-key']?.map((path) => resolve(path)) ?? [join(outDir, 'identity', `${issuer}-auth-signing.pem`)];
  return { outDir, deployments, issuer, issuerKeys, generateIssuerKey: values['generate-issuer-key'] || values['issuer-key'] === undefined };
}

export function runKeysCommand(command: KeysCommand): { result: ProvisionedRoutingKeys; summary: string } {
  for (const path of command.issuerKeys) {
    if (!command.generateIssuerKey && !existsSync(path)) throw new Error(`Issuer key ${path} does not exist (pass --generate-issuer-key to create it)`);
  }
  const result = provisionRoutingKeys({
    outDir: command.outDir,
    deployments: command.deployments,
    identityIssuer: { deploymentId: command.issuer, signingKeyPaths: command.issuerKeys, generateMissing: command.generateIssuerKey },
  });
  const lines = [
    `${result.changed ? 'Wrote' : 'Unchanged:'} directory version ${result.directory.version} (${result.directory.centres.length} centres, root key ${result.directory.rootKeyId})`,
    `  root private key (keep offline): ${result.rootPrivateKeyPath}`,
    '',
    'Environment of each deployment:',
    ...command.deployments.map((deployment) =>
      [
        `  ${deployment.id}:`,
        `    DEPLOYMENT_ID=${deployment.id} HOSTED_TENANTS=${deployment.hostedTenants}`,
        `    ROUTING_DIRECTORY_PATH=${result.directoryPath}`,
        `    ROUTING_ROOT_PUBLIC_KEY_PATH=${result.rootPublicKeyPath}`,
        `    CENTRE_KEYS_DIR=${result.centreKeysDirs[deployment.id]}`,
        ...(deployment.id === command.issuer ? command.issuerKeys.slice(0, 1).map((path) => `    AUTH_SIGNING_KEY_PATH=${path}`) : []),
      ].join('\n'),
    ),
  ];
  return { result, summary: `${lines.join('\n')}\n` };
}

function parseDeployments(value: unknown): RoutingDeploymentSpec[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error('--deployments must be a non-empty JSON array');
  return value.map((entry: unknown, index) => {
    const record = (entry ?? {}) as Record<string, unknown>;
    const hosted = record['hostedTenants'] ?? record['hosted'];
    if (typeof record['id'] !== 'string' || typeof hosted !== 'string' || typeof record['apiBaseUrl'] !== 'string') {
      throw new Error(`--deployments[${index}] needs "id", "hosted" (a HOSTED_TENANTS selector) and "apiBaseUrl" strings`);
    }
    return { id: record['id'], hostedTenants: hosted, apiBaseUrl: record['apiBaseUrl'] };
  });
}
