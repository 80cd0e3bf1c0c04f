import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { DomainError } from '@zhengwu/server/core/errors';
import { MaterialStore, StoredObject } from '@zhengwu/server/storage';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { createHash } from 'node:crypto';
import { Readable, Transform, TransformCallback } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { RoutingAlerts } from '../alerts/routing-alerts';
import { RoutingError } from '../routing-errors';
import { NO_CENTRE } from '../routing-tenants';
import { NatsConnector } from '../transport/nats-connector';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Material bytes between deployments, through a JetStream object-store bucket keyed by SHA-256.
 * The sender offers the objects before it sends the message that names them; the receiver fetches
 * them into its own store, re-hashing on the way: bytes that do not hash to their name are refused
 * and alerted, and nothing is stored. With the loopback transport there is one store and both
 * calls do nothing.
 */
@Injectable()
export class MaterialTransfer {
  private readonly logger = new Logger('MaterialTransfer');

  constructor(
    private readonly config: AppConfig,
    private readonly store: MaterialStore,
    private readonly nats: NatsConnector,
    private readonly alerts: RoutingAlerts,
    private readonly uow: UnitOfWork,
  ) {}

  /** Puts each local object into the bucket unless it is there already. Returns the ones uploaded. */
  async offer(sha256s: string[]): Promise<string[]> {
    if (!this.nats.enabled) return [];
    const bucket = await this.nats.objectStore();
    const uploaded: string[] = [];
    for (const sha256 of [...new Set(sha256s)]) {
      if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
      const existing = await bucket.info(sha256);
      // Already there with the right bytes (the bucket's own digest: SHA-256, base64url padded).
      if (existing && !existing.deleted && existing.digest === bucketDigestOf(sha256)) continue;
      const source = this.store.open(sha256);
      await bucket.put({ name: sha256, description: 'material' }, Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>);
      uploaded.push(sha256);
    }
    return uploaded;
  }

  /**
   * Brings the object into the local store (no-op when it is there). The centre it is fetched for
   * (default: the unit of work's) receives the alert if the bytes do not match.
   */
  async fetch(sha256: string, forCentre?: string): Promise<StoredObject | undefined> {
    if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    if (!this.nats.enabled || this.store.has(sha256)) return undefined;
    const bucket = await this.nats.objectStore();
    const object = await bucket.get(sha256);
    if (!object) throw RoutingError.MATERIAL_NOT_IN_TRANSIT({ sha256 });
    const verifier = new DigestVerifier(sha256);
    const download = Readable.fromWeb(object.data as unknown as WebReadableStream<Uint8Array>);
    // A broken download (NATS's own digest check, a lost connection) fails the store's write too.
    download.once('error', (error) => verifier.destroy(error));
    try {
      const stored = await this.store.put(download.pipe(verifier), { maxBytes: this.config.MAX_UPLOAD_BYTES });
      await object.error;
      return stored;
    } catch (error) {
      if (error instanceof DomainError && error.code === RoutingError.MATERIAL_DIGEST_MISMATCH.code) {
        const centre = forCentre ?? this.uow.activeScope()?.tenantId ?? NO_CENTRE;
        await this.alerts.alert(centre, 'material.digest_mismatch', `material ${sha256} from bucket ${this.config.ROUTING_OBJECT_BUCKET}: ${verifier.computed()}`);
      } else {
        this.logger.warn(`Fetching material ${sha256} failed: ${(error as Error).message}`);
      }
      throw error;
    }
  }
}

function bucketDigestOf(sha256: string): string {
  const base64url = Buffer.from(sha256, 'hex').toString('base64url');
  return `SHA-256=${base64url}${'='.repeat((4 - (base64url.length % 4)) % 4)}`;
}

/** Passes bytes through, and fails at the end unless they hash to the expected SHA-256. */
class DigestVerifier extends Transform {
  private readonly hash = createHash('sha256');
  private digest?: string;

  constructor(private readonly expected: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.digest = this.hash.digest('hex');
    done(this.digest === this.expected ? null : RoutingError.MATERIAL_DIGEST_MISMATCH({ expected: this.expected, received: this.digest }));
  }

  computed(): string {
    return this.digest ? `bytes hash to ${this.digest}` : 'the transfer ended early';
  }
}
