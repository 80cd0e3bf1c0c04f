import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { HealthService } from '@zhengwu/server/core/observability';
import { JetStreamApiCodes, JetStreamApiError, JetStreamClient, jetstream, JetStreamManager, jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { Objm, ObjectStore } from '@nats-io/obj';
import { connect } from '@nats-io/transport-node';
import { ROUTING_SETTINGS, RoutingSettings } from '../routing-settings';

type NatsConnection = Awaited<ReturnType<typeof connect>>;

const CONNECT_TIMEOUT_MS = 10_000;

/** Milliseconds to the nanoseconds the JetStream API counts in. */
export function nanos(ms: number): number {
  return Math.round(ms * 1_000_000);
}

/**
 * The deployment's NATS connection (ROUTING_TRANSPORT=nats), the JetStream stream the envelopes
 * travel in, and the object-store bucket for material bytes. Connects at boot and refuses to start
 * when NATS cannot be reached; afterwards the client reconnects by itself for as long as it takes,
 * and `/health` reports `nats` down meanwhile.
 */
@Injectable()
export class NatsConnector implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('NatsConnector');
  private nc?: NatsConnection;
  private js?: JetStreamClient;
  private jsm?: JetStreamManager;
  private bucket?: Promise<ObjectStore>;

  constructor(
    private readonly config: AppConfig,
    private readonly health: HealthService,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
  ) {}

  get enabled(): boolean {
    return this.config.ROUTING_TRANSPORT === 'nats';
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    const servers = this.config.NATS_URL.split(',');
    try {
      this.nc = await connect({
        servers,
        name: `zhengwu-api:${this.config.DEPLOYMENT_ID}`,
        maxReconnectAttempts: -1,
        reconnectTimeWait: 1000,
        timeout: CONNECT_TIMEOUT_MS,
      });
    } catch (error) {
      throw new Error(`Routing: cannot reach NATS at ${servers.join(', ')} (${(error as Error).message}). Refusing to start.`);
    }
    void this.watchStatus(this.nc);
    this.js = jetstream(this.nc, { timeout: this.settings.publishTimeoutMs });
    this.jsm = await jetstreamManager(this.nc);
    await this.ensureStream(this.jsm);
    this.health.register({ name: 'nats', check: () => this.check() });
  }

  async onApplicationShutdown(): Promise<void> {
    const nc = this.nc;
    this.nc = undefined;
    if (nc && !nc.isClosed()) {
      await nc.drain().catch(() => nc.close());
    }
  }

  connection(): NatsConnection {
    if (!this.nc) throw new Error('NATS is not connected (ROUTING_TRANSPORT is not nats, or the module is not initialised)');
    return this.nc;
  }

  jetstream(): JetStreamClient {
    if (!this.js) throw new Error('NATS is not connected');
    return this.js;
  }

  manager(): JetStreamManager {
    if (!this.jsm) throw new Error('NATS is not connected');
    return this.jsm;
  }

  /** `<prefix>.<toCentre>.<type>`: what a consumer filters on. */
  subject(to: string, type: string): string {
    return `${this.config.ROUTING_SUBJECT_PREFIX}.${to}.${type}`;
  }

  /** The receiver and type a subject addresses, or undefined for one outside the routing subjects. */
  parseSubject(subject: string): { to: string; type: string } | undefined {
    const prefix = `${this.config.ROUTING_SUBJECT_PREFIX}.`;
    if (!subject.startsWith(prefix)) return undefined;
    const [to, ...type] = subject.slice(prefix.length).split('.');
    return to && type.length > 0 ? { to, type: type.join('.') } : undefined;
  }

  get stream(): string {
    return this.config.ROUTING_STREAM;
  }

  /** The object-store bucket for material bytes, created on first use. */
  objectStore(): Promise<ObjectStore> {
    this.bucket ??= new Objm(this.jetstream())
      .create(this.config.ROUTING_OBJECT_BUCKET, { storage: StorageType.File })
      .catch((error: unknown) => {
        this.bucket = undefined;
        throw error;
      });
    return this.bucket;
  }

  private async check(): Promise<void> {
    const nc = this.connection();
    if (nc.isClosed()) throw new Error('connection closed');
    await nc.flush();
  }

  /**
   * Creates the stream when missing: file storage, limits retention (a deployment that is away
   * catches up from it; every deployment's consumer keeps its own acknowledgements), and a
   * duplicate window that turns a relay's re-publication of the same envelope id into a no-op.
   */
  private async ensureStream(jsm: JetStreamManager): Promise<void> {
    const subjects = `${this.config.ROUTING_SUBJECT_PREFIX}.>`;
    try {
      const info = await jsm.streams.info(this.stream);
      if (!info.config.subjects?.includes(subjects)) {
        await jsm.streams.update(this.stream, { subjects: [...(info.config.subjects ?? []), subjects] });
      }
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== JetStreamApiCodes.StreamNotFound) throw error;
      await jsm.streams.add({
        name: this.stream,
        subjects: [subjects],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        max_age: nanos(this.settings.streamMaxAgeMs),
        duplicate_window: nanos(this.settings.duplicateWindowMs),
        num_replicas: 1,
      });
      this.logger.log(`Created JetStream stream ${this.stream} (${subjects})`);
    }
  }

  private async watchStatus(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') this.logger.warn(`NATS disconnected; reconnecting`);
      if (status.type === 'reconnect') this.logger.log(`NATS reconnected`);
    }
  }
}
