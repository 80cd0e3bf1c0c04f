import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { HostedTenants, RequestContext } from '@zhengwu/server/core/tenancy';
import { AckPolicy, Consumer, ConsumerMessages, DeliverPolicy, JetStreamApiCodes, JetStreamApiError, JsMsg } from '@nats-io/jetstream';
import { RoutingAlerts } from '../alerts/routing-alerts';
import { RoutingReceiver } from '../receiver/routing-receiver';
import { consumerBackoffMs, retryDelayMs, ROUTING_SETTINGS, RoutingSettings } from '../routing-settings';
import { NO_CENTRE } from '../routing-tenants';
import { nanos, NatsConnector } from './nats-connector';

/**
 * The deployment's one durable pull consumer (`routing-<DEPLOYMENT_ID>`, explicit acks, max_deliver
 * and backoff from the settings) and the loop that feeds the receiver from it.
 *
 * nats-server 2.9 has no multi-filter consumers, so: a deployment hosting exactly one centre filters
 * `<prefix>.<centre>.>`; any other filters `<prefix>.>` and acknowledges envelopes for centres other
 * deployments host as `not_for_us` (each deployment's durable keeps its own acks, so this costs
 * bandwidth, never correctness). Upgrade path (nats-server ≥ 2.10): set `filter_subjects` to one
 * `<prefix>.<centre>.>` per hosted centre and the not_for_us traffic disappears; nothing else changes.
 *
 * Ack protocol: acknowledged (ackAck, so we know the server has it) only after the receiver
 * returned, i.e. after the inbox row committed, or after a refusal was recorded. A transient
 * failure is nak'ed with an exponential delay; at the last delivery it is terminated with an alert.
 * A crash before the ack redelivers after the backoff; the inbox turns that into a duplicate.
 */
@Injectable()
export class NatsRouteConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NatsRouteConsumer');
  private stopped = false;
  private loop?: Promise<void>;
  private batch?: ConsumerMessages;
  private wake?: () => void;

  constructor(
    private readonly config: AppConfig,
    private readonly hosted: HostedTenants,
    private readonly context: RequestContext,
    private readonly nats: NatsConnector,
    private readonly receiver: RoutingReceiver,
    private readonly alerts: RoutingAlerts,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
  ) {}

  get durableName(): string {
    return `routing-${this.config.DEPLOYMENT_ID}`;
  }

  /** The consumer's subject filter (see the class comment for why it is not one per centre). */
  filterSubject(): string {
    const hosted = this.hosted.list();
    return hosted.length === 1 ? `${this.config.ROUTING_SUBJECT_PREFIX}.${hosted[0]}.>` : `${this.config.ROUTING_SUBJECT_PREFIX}.>`;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.nats.enabled || !this.config.WORKERS_ENABLED) return;
    await this.ensureConsumer();
    this.logger.log(`Consuming ${this.filterSubject()} from ${this.nats.stream} as ${this.durableName}`);
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.batch?.close().catch(() => undefined);
    await this.loop;
  }

  async ensureConsumer(): Promise<void> {
    const jsm = this.nats.manager();
    const config = {
      filter_subject: this.filterSubject(),
      ack_wait: nanos(this.settings.ackWaitMs),
      max_deliver: this.settings.maxAttempts,
      backoff: consumerBackoffMs(this.settings).map(nanos),
    };
    try {
      const info = await jsm.consumers.info(this.nats.stream, this.durableName);
      const current = info.config;
      if (current.filter_subject !== config.filter_subject || current.max_deliver !== config.max_deliver || !sameBackoff(current.backoff, config.backoff)) {
        // The hosted centres (or the retry settings) changed since the consumer was made.
        await jsm.consumers.update(this.nats.stream, this.durableName, config);
      }
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== JetStreamApiCodes.ConsumerNotFound) throw error;
      await jsm.consumers.add(this.nats.stream, {
        durable_name: this.durableName,
        ack_policy: AckPolicy.Explicit,
        // From the start of the stream: envelopes sent before this deployment first came up wait for it.
        deliver_policy: DeliverPolicy.All,
        max_ack_pending: 1000,
        ...config,
      });
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    let consumer: Consumer | undefined;
    while (!this.stopped) {
      try {
        consumer ??= await this.nats.jetstream().consumers.get(this.nats.stream, this.durableName);
        this.batch = await consumer.fetch({ max_messages: this.settings.fetchBatch, expires: this.settings.fetchExpiresMs });
        for await (const message of this.batch) {
          await this.handle(message);
          if (this.stopped) break;
        }
        failures = 0;
      } catch (error) {
        if (this.stopped) break;
        failures++;
        consumer = undefined;
        // NATS restarting or unreachable: the client reconnects by itself; pull again shortly.
        if (failures <= 3 || failures % 20 === 0) {
          this.logger.warn(`Pulling routed envelopes failed (${failures}×): ${(error as Error).message}`);
        }
        await this.pause(Math.min(5000, 100 * 2 ** failures));
      } finally {
        this.batch = undefined;
      }
    }
  }

  private async handle(message: JsMsg): Promise<void> {
    const addressedTo = this.nats.parseSubject(message.subject);
    try {
      await this.context.runDetached(() => this.receiver.receive(message.string(), { transport: 'nats', addressedTo }));
    } catch (error) {
      const deliveries = message.info.deliveryCount;
      if (deliveries >= this.settings.maxAttempts) {
        message.term(`given up after ${deliveries} deliveries`);
        const centre = addressedTo && this.hosted.has(addressedTo.to) ? addressedTo.to : NO_CENTRE;
        await this.alerts
          .alert(centre, 'handler.gave_up', `${message.subject} not applied after ${deliveries} deliveries: ${(error as Error).message}`)
          .catch((alertError: unknown) => this.logger.error(`Could not record an alert: ${(alertError as Error).message}`));
      } else {
        message.nak(retryDelayMs(deliveries, this.settings));
      }
      return;
    }
    try {
      await message.ackAck();
    } catch (error) {
      // The server will deliver it again; the inbox makes that a duplicate.
      this.logger.warn(`Ack of ${message.subject} #${message.seq} not confirmed: ${(error as Error).message}`);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function sameBackoff(a: number[] | undefined, b: number[]): boolean {
  return (a ?? []).length === b.length && (a ?? []).every((value, index) => value === b[index]);
}
