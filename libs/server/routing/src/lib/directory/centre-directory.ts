import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants, RequestContext } from '@zhengwu/server/core/tenancy';
import type {
  DirectoryCentreV1,
  DirectoryDeploymentV1,
  DirectoryIdentityIssuerV1,
  DirectoryKeyV1,
  SignedCentreDirectory,
} from '@zhengwu/shared/contracts';
import { createPublicKey, KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ed25519KeyId, publicKeyFromSpki } from '../keys/key-id';
import { verifyDirectory } from './directory-signature';
import { keyValidityAt, KeyValidity } from './key-validity';

export type SenderKeyCheck =
  | { ok: true; key: KeyObject }
  | { ok: false; reason: 'unknown_sender' | 'unknown_key' | 'key_not_valid_at_creation' | 'key_expired' };

export type DirectoryAdoption = 'adopted' | 'not_newer' | 'invalid';

interface DirectoryIndex {
  directory: SignedCentreDirectory;
  centres: ReadonlyMap<string, DirectoryCentreV1>;
  publicKeys: ReadonlyMap<string, KeyObject>;
}

/** How often at most a lookup miss makes a replica re-read directories received by another replica. */
const REFRESH_AT_MOST_EVERY_MS = 5000;
/** How often a worker replica re-reads them anyway (a key retired in a newer version must stop working everywhere). */
const PERIODIC_REFRESH_MS = 30_000;

/**
 * The signed directory of centres this deployment trusts (ARCHITECTURE.md §6). At boot it reads the
 * pinned province root key and the directory file, refusing to start unless the directory verifies;
 * a newer version received as `directory.updated.v1` (persisted in routing_directory_versions) wins
 * over the file, so a restart keeps it. Lookups are in memory.
 */
@Injectable()
export class CentreDirectory implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CentreDirectory');
  private index?: DirectoryIndex;
  private timer?: NodeJS.Timeout;
  private rootKey?: KeyObject;
  private rootKeyId = '';
  private lastRefresh = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly hosted: HostedTenants,
    private readonly uow: UnitOfWork,
    private readonly context: RequestContext,
  ) {}

  async onModuleInit(): Promise<void> {
    const rootPath = required(this.config.ROUTING_ROOT_PUBLIC_KEY_PATH, 'ROUTING_ROOT_PUBLIC_KEY_PATH', 'the province root public key (PEM)');
    const directoryPath = required(this.config.ROUTING_DIRECTORY_PATH, 'ROUTING_DIRECTORY_PATH', 'the signed centre directory (JSON)');
    required(this.config.CENTRE_KEYS_DIR, 'CENTRE_KEYS_DIR', "the directory of the hosted centres' private keys");
    this.rootKey = readRootKey(rootPath);
    this.rootKeyId = ed25519KeyId(this.rootKey);

    const fromFile = verifyDirectory(readJson(directoryPath), this.rootKey);
    if (!fromFile.ok) {
      throw new Error(`Routing: the centre directory ${directoryPath} is not valid: ${fromFile.problem}. Refusing to start.`);
    }
    this.index = indexOf(fromFile.directory);
    await this.refresh(true);
    this.logger.log(`Centre directory version ${this.version()} (root key ${this.rootKeyId}, ${this.index.centres.size} centres)`);
    this.warnAboutHostedCentres();
  }

  onApplicationBootstrap(): void {
    if (!this.config.WORKERS_ENABLED) return;
    this.timer = setInterval(() => {
      this.refresh(true).catch((error: unknown) => this.logger.warn(`Re-reading stored directories failed: ${(error as Error).message}`));
    }, PERIODIC_REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  version(): number {
    return this.current().version;
  }

  current(): SignedCentreDirectory {
    return this.loaded().directory;
  }

  rootKeyIdPinned(): string {
    return this.rootKeyId;
  }

  centre(code: string): DirectoryCentreV1 | undefined {
    return this.loaded().centres.get(code);
  }

  has(code: string): boolean {
    return this.loaded().centres.has(code);
  }

  /** The deployment that hosts a centre, per the directory. */
  deploymentOf(code: string): string | undefined {
    return this.centre(code)?.deploymentId;
  }

  deployment(id: string): DirectoryDeploymentV1 | undefined {
    return this.current().deployments.find((deployment) => deployment.id === id);
  }

  /** Who issues access tokens, and the keys (JWKS) to verify them with. */
  identityIssuer(): DirectoryIdentityIssuerV1 {
    return this.current().identityIssuer;
  }

  /** The key's state at an instant, or undefined for a key the centre does not have. */
  keyValidity(code: string, keyId: string, at: Date): KeyValidity | undefined {
    const key = this.key(code, keyId);
    return key ? keyValidityAt(key, at) : undefined;
  }

  key(code: string, keyId: string): DirectoryKeyV1 | undefined {
    return this.centre(code)?.keys.find((key) => key.keyId === keyId);
  }

  /**
   * May this key have signed an envelope created at `createdAt`, received `now`? It must be the
   * sender's, valid when the envelope was made, and not retired since (validTo in the past).
   */
  senderKey(code: string, keyId: string, createdAt: Date, now: Date): SenderKeyCheck {
    const centre = this.centre(code);
    if (!centre) return { ok: false, reason: 'unknown_sender' };
    const key = centre.keys.find((candidate) => candidate.keyId === keyId);
    const publicKey = this.loaded().publicKeys.get(keyId);
    if (!key || !publicKey) return { ok: false, reason: 'unknown_key' };
    if (keyValidityAt(key, createdAt) !== 'valid') return { ok: false, reason: 'key_not_valid_at_creation' };
    if (keyValidityAt(key, now) === 'expired') return { ok: false, reason: 'key_expired' };
    return { ok: true, key: publicKey };
  }

  /**
   * Takes a directory received by message: it must verify against the pinned root key and be newer
   * than the one in use. Persisted in the caller's unit of work (the receiving handler's), so the
   * inbox row and the stored directory commit together.
   */
  async adopt(candidate: unknown, envelopeId: string | null): Promise<{ outcome: DirectoryAdoption; problem?: string }> {
    const verified = verifyDirectory(candidate, this.root());
    if (!verified.ok) return { outcome: 'invalid', problem: verified.problem };
    if (verified.directory.version <= this.version()) return { outcome: 'not_newer' };
    await this.uow
      .manager()
      .query(
        `INSERT INTO routing_directory_versions (root_key_id, version, document, envelope_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (root_key_id, version) DO NOTHING`,
        [this.rootKeyId, verified.directory.version, JSON.stringify(verified.directory), envelopeId],
      );
    this.index = indexOf(verified.directory);
    this.logger.log(`Centre directory updated to version ${verified.directory.version}`);
    return { outcome: 'adopted' };
  }

  /**
   * Re-reads directories other replicas received: every 30 s on worker replicas, and after a lookup
   * miss (a sender or key this replica does not know yet), at most every few seconds unless forced.
   */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.lastRefresh < REFRESH_AT_MOST_EVERY_MS) return;
    this.lastRefresh = Date.now();
    const rows = await this.context.runDetached(() =>
      this.uow.run({}, (manager) =>
        manager.query(
          'SELECT version, document FROM routing_directory_versions WHERE root_key_id = $1 AND version > $2 ORDER BY version DESC LIMIT 5',
          [this.rootKeyId, this.version()],
        ),
      ),
    ) as Array<{ version: number; document: string }>;
    for (const row of rows) {
      const verified = verifyDirectory(JSON.parse(row.document) as unknown, this.root());
      if (verified.ok) {
        this.index = indexOf(verified.directory);
        return;
      }
      this.logger.error(`Stored centre directory version ${row.version} does not verify (${verified.problem}); ignoring it`);
    }
  }

  private warnAboutHostedCentres(): void {
    const elsewhere = this.hosted.list().filter((code) => this.deploymentOf(code) !== this.config.DEPLOYMENT_ID);
    if (elsewhere.length > 0) {
      this.logger.warn(
        `${elsewhere.length} hosted centre(s) are not assigned to deployment ${this.config.DEPLOYMENT_ID} in the directory ` +
          `(e.g. ${elsewhere.slice(0, 5).join(', ')}): their messages cannot be routed here`,
      );
    }
  }

  private loaded(): DirectoryIndex {
    if (!this.index) throw new Error('The centre directory is not loaded yet');
    return this.index;
  }

  private root(): KeyObject {
    if (!this.rootKey) throw new Error('The routing root key is not loaded yet');
    return this.rootKey;
  }
}

function indexOf(directory: SignedCentreDirectory): DirectoryIndex {
  const centres = new Map(directory.centres.map((centre) => [centre.code, centre]));
  const publicKeys = new Map<string, KeyObject>();
  for (const centre of directory.centres) {
    for (const key of centre.keys) publicKeys.set(key.keyId, publicKeyFromSpki(key.publicKey));
  }
  return { directory, centres, publicKeys };
}

function required(value: string | undefined, name: string, what: string): string {
  if (!value) {
    throw new Error(`Routing: ${name} is not set; it must name ${what} (generate them with tools/keys). Refusing to start.`);
  }
  return value;
}

function readRootKey(path: string): KeyObject {
  if (!existsSync(path)) throw new Error(`Routing: the root public key ${path} does not exist. Refusing to start.`);
  const key = createPublicKey(readFileSync(path));
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`Routing: ${path} holds a ${key.asymmetricKeyType} key; the root key must be Ed25519. Refusing to start.`);
  }
  return key;
}

function readJson(path: string): unknown {
  if (!existsSync(path)) throw new Error(`Routing: the centre directory ${path} does not exist. Refusing to start.`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`Routing: the centre directory ${path} is not JSON (${(error as Error).message}). Refusing to start.`);
  }
}
