import { sichuanDivisions } from '@zhengwu/divisions/domain';
import { loadEd25519Key } from '@zhengwu/server/core/crypto';
import type { CentreDirectoryDocument, DirectoryCentreV1, DirectoryKeyV1, SignedCentreDirectory } from '@zhengwu/shared/contracts';
import { createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { canonicalJson } from '../envelope/canonical-json';
import { signDirectory, verifyDirectory } from '../directory/directory-signature';
import { ed25519KeyId, ed25519PublicJwk, spkiBase64 } from './key-id';

export interface RoutingDeploymentSpec {
  /** DEPLOYMENT_ID of the deployment. */
  id: string;
  /** Its HOSTED_TENANTS selector (`level:county`, `under:510900`, `510900,510981`, `all`). */
  hostedTenants: string;
  apiBaseUrl: string;
}

export interface ProvisionRoutingKeysOptions {
  /** Where the root key, the centre keys and the directory live (created if missing). */
  outDir: string;
  deployments: RoutingDeploymentSpec[];
  /** The deployment that issues access tokens, and its AUTH_SIGNING_KEY_PATH PEM file(s). */
  identityIssuer: { deploymentId: string; signingKeyPaths: string[]; generateMissing?: boolean };
  /** How long a replaced centre key stays valid for messages already under way (default 7 days). */
  rotationOverlapMs?: number;
  now?: Date;
}

export interface ProvisionedRoutingKeys {
  directory: SignedCentreDirectory;
  /** ROUTING_DIRECTORY_PATH for every deployment. */
  directoryPath: string;
  /** ROUTING_ROOT_PUBLIC_KEY_PATH for every deployment: the pinned trust anchor. */
  rootPublicKeyPath: string;
  /** The province root private key: keep it offline in production. */
  rootPrivateKeyPath: string;
  /** CENTRE_KEYS_DIR of each deployment: the private keys of the centres it hosts, and no others. */
  centreKeysDirs: Record<string, string>;
  /** False when the directory on disk already said all this (it is then left untouched). */
  changed: boolean;
}

const DEPLOYMENT_ID = /^[a-z][a-z0-9-]{1,62}$/;
const DAY_MS = 86_400_000;

/**
 * Generates what routing needs and is missing (the province root key pair, one Ed25519 key pair per
 * hosted centre), then writes the directory signed by the root key. Idempotent: run again with the
 * same input it changes nothing (`npm start` runs it at every start); with a changed input it issues
 * the next version. A centre whose key file was replaced keeps its previous key in the directory
 * for `rotationOverlapMs`, so messages signed just before the rotation still verify.
 *
 * Layout: `root/root.pem`, `root/root.pub.pem`, `directory.json`, `centres/<deployment>/<code>.pem`.
 */
export function provisionRoutingKeys(options: ProvisionRoutingKeysOptions): ProvisionedRoutingKeys {
  const outDir = resolve(options.outDir);
  const now = options.now ?? new Date();
  const overlapMs = options.rotationOverlapMs ?? 7 * DAY_MS;
  const rootPrivateKeyPath = join(outDir, 'root', 'root.pem');
  const rootPublicKeyPath = join(outDir, 'root', 'root.pub.pem');
  const directoryPath = join(outDir, 'directory.json');

  const root = loadEd25519Key(rootPrivateKeyPath, true);
  writeIfChanged(rootPublicKeyPath, root.publicKey.export({ type: 'spki', format: 'pem' }).toString(), 0o644);
  const previous = readPrevious(directoryPath, root.publicKey);

  const hostedBy = assignCentres(options.deployments);
  const centreKeysDirs: Record<string, string> = {};
  const centres: DirectoryCentreV1[] = [];
  for (const deployment of options.deployments) {
    centreKeysDirs[deployment.id] = join(outDir, 'centres', deployment.id);
  }
  for (const [code, deploymentId] of [...hostedBy.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const division = sichuanDivisions.find(code);
    if (!division) throw new Error(`Unknown centre ${code}`);
    const key = loadEd25519Key(join(centreKeysDirs[deploymentId] as string, `${code}.pem`), true);
    centres.push({
      code,
      name: `${division.name}政务服务中心`,
      level: division.level,
      parentCode: division.parentCode,
      deploymentId,
      keys: keysOf(ed25519KeyId(key.publicKey), spkiBase64(key.publicKey), previous?.centres.find((c) => c.code === code), now, overlapMs),
    });
  }

  const issuerKeys = options.identityIssuer.signingKeyPaths.map((path) =>
    ed25519PublicJwk(loadEd25519Key(path, options.identityIssuer.generateMissing ?? false).publicKey),
  );
  if (issuerKeys.length === 0) throw new Error('The identity issuer needs at least one access-token signing key');
  const content: Omit<CentreDirectoryDocument, 'version' | 'issuedAt'> = {
    centres,
    deployments: options.deployments.map(({ id, apiBaseUrl }) => ({ id, apiBaseUrl })),
    identityIssuer: { deploymentId: options.identityIssuer.deploymentId, jwks: { keys: issuerKeys } },
  };

  const result = { directoryPath, rootPublicKeyPath, rootPrivateKeyPath, centreKeysDirs };
  if (previous && sameContent(previous, content)) {
    return { ...result, directory: previous, changed: false };
  }
  const directory = signDirectory({ version: (previous?.version ?? 0) + 1, issuedAt: now.toISOString(), ...content }, root.privateKey);
  const check = verifyDirectory(directory, createPublicKey(root.privateKey));
  if (!check.ok) throw new Error(`The generated directory does not verify: ${check.problem}`);
  writeAtomically(directoryPath, `${JSON.stringify(directory, null, 2)}\n`);
  return { ...result, directory, changed: true };
}

function assignCentres(deployments: RoutingDeploymentSpec[]): Map<string, string> {
  const hostedBy = new Map<string, string>();
  const ids = new Set<string>();
  for (const deployment of deployments) {
    if (!DEPLOYMENT_ID.test(deployment.id)) throw new Error(`Deployment id "${deployment.id}" is not a valid DEPLOYMENT_ID`);
    if (ids.has(deployment.id)) throw new Error(`Deployment ${deployment.id} is listed twice`);
    ids.add(deployment.id);
    if (!/^https?:\/\/\S+$/.test(deployment.apiBaseUrl)) throw new Error(`Deployment ${deployment.id}: apiBaseUrl must be an http(s) URL`);
    for (const code of sichuanDivisions.selectHosted(deployment.hostedTenants)) {
      const other = hostedBy.get(code);
      if (other) throw new Error(`Centre ${code} would be hosted by both ${other} and ${deployment.id}`);
      hostedBy.set(code, deployment.id);
    }
  }
  return hostedBy;
}

function keysOf(keyId: string, publicKey: string, before: DirectoryCentreV1 | undefined, now: Date, overlapMs: number): DirectoryKeyV1[] {
  const current = before?.keys.find((key) => key.keyId === keyId && key.validTo === null);
  const keys: DirectoryKeyV1[] = [current ?? { keyId, publicKey, validFrom: now.toISOString(), validTo: null }];
  for (const old of before?.keys ?? []) {
    if (old.keyId === keyId) continue;
    const validTo = old.validTo ?? new Date(now.getTime() + overlapMs).toISOString();
    if (Date.parse(validTo) > now.getTime()) keys.push({ ...old, validTo });
  }
  return keys;
}

function readPrevious(path: string, rootPublicKey: import('node:crypto').KeyObject): SignedCentreDirectory | undefined {
  if (!existsSync(path)) return undefined;
  const verified = verifyDirectory(JSON.parse(readFileSync(path, 'utf8')) as unknown, rootPublicKey);
  if (!verified.ok) {
    throw new Error(`${path} exists but does not verify against ${ed25519KeyId(rootPublicKey)} (${verified.problem}); move it away to start over`);
  }
  return verified.directory;
}

function sameContent(previous: SignedCentreDirectory, content: Omit<CentreDirectoryDocument, 'version' | 'issuedAt'>): boolean {
  const { centres, deployments, identityIssuer } = previous;
  return canonicalJson({ centres, deployments, identityIssuer }) === canonicalJson(content);
}

function writeIfChanged(path: string, content: string, mode: number): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return;
  writeAtomically(path, content, mode);
}

function writeAtomically(path: string, content: string, mode = 0o644): void {
  mkdirSync(resolve(path, '..'), { recursive: true, mode: 0o755 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode });
  renameSync(temporary, path);
}
