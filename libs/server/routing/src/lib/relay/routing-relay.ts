import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants, RepeatingRound, RequestContext } from '@zhengwu/server/core/tenancy';
import type { Envelope } from '@zhengwu/shared/contracts';
import { RoutingAlerts } from '../alerts/routing-alerts';
import { ClaimedEnvelope, OutboxRepository } from '../outbox/outbox.repository';
import { retryDelayMs, ROUTING_SETTINGS, RoutingSettings } from '../routing-settings';
import { ROUTE_TRANSPORT, RouteTransport } from '../transport/route-transport';

export interface RoutingRelayReport {
  claimed: number;
  published: number;
  retrying: number;
  dead: number;
}

/**
 * Publishes the outbox: every round finds the hosted centres with envelopes due, claims a batch of
 * each centre's in a unit of work scoped to that centre, and hands them to the transport.
 *
 * Row-level security stays on throughout (the relay is the runtime role like every request, each
 * claim a transaction scoped to one centre; the due-centres probe is an RLS-bound function).
 * Replicas cooperate through the database alone: FOR UPDATE SKIP LOCKED gives concurrent claims
 * disjoint rows and the claim's lease keeps an envelope off every other relay while it is
 * published. A relay dying after the transport took an envelope but before recording it publishes
 * it again after the lease: NATS drops it as a duplicate id within its window, and the receiver's
 * inbox drops any later copy, so it is applied once. Failures back off exponentially with jitter;
 * after ROUTING_MAX_ATTEMPTS the envelope is dead and an alert is raised for the sending centre.
 */
@Injectable()
export class RoutingRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RoutingRelay');
  private loop?: RepeatingRound;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly hosted: HostedTenants,
    private readonly context: RequestContext,
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxRepository,
    @Inject(ROUTE_TRANSPORT) private readonly transport: RouteTransport,
    private readonly alerts: RoutingAlerts,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.WORKERS_ENABLED) {
      this.logger.log(`Relaying routed envelopes through the ${this.transport.name} transport`);
      this.loop = new RepeatingRound(() => this.relayOnce(), this.settings.intervalMs, (error: unknown) => this.logger.error(`Routing relay round failed: ${describe(error)}`));
      this.loop.start();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.loop?.stop();
  }

  /** One round over every hosted centre. `at` stands in for the clock (tests); default: the database's. */
  async relayOnce(at?: Date): Promise<RoutingRelayReport> {
    const report: RoutingRelayReport = { claimed: 0, published: 0, retrying: 0, dead: 0 };
    const when = at ?? null;
    await this.context.runDetached(async () => {
      const centres = await this.uow.run({}, () => this.outbox.dueCentres(this.hosted.list(), when));
      for (const tenantId of centres) {
        if (this.stopped) break;
        await this.relayCentre(tenantId, when, report);
      }
    });
    return report;
  }

  private async relayCentre(tenantId: string, at: Date | null, report: RoutingRelayReport): Promise<void> {
    const claimedAt = Date.now();
    const batch = await this.uow.run({ tenantId }, () =>
      this.outbox.claimDue(tenantId, { at, limit: this.settings.batchSize, leaseMs: this.settings.leaseMs }),
    );
    report.claimed += batch.length;
    for (const claimed of batch) {
      // Past half the lease the rest is left to lapse and be claimed again, so a slow transport
      // never lets a second relay publish what this one still holds.
      if (this.stopped || Date.now() - claimedAt > this.settings.leaseMs / 2) break;
      await this.publish(claimed, at, report);
    }
  }

  private async publish(claimed: ClaimedEnvelope, at: Date | null, report: RoutingRelayReport): Promise<void> {
    const { tenantId, envelopeId, attempt } = claimed;
    let failure: { error: string; permanent: boolean };
    try {
      const envelope = JSON.parse(claimed.serialized) as Envelope<unknown>;
      const result = await this.transport.publish(envelope, claimed.serialized);
      if (result.ok) {
        const recorded = await this.uow.run({ tenantId }, () => this.outbox.recordPublished(tenantId, envelopeId, attempt));
        if (!recorded) {
          this.logger.warn({ event: 'routing.claim_lapsed', envelopeId, centre: tenantId, attempt });
        }
        report.published++;
        return;
      }
      failure = { error: result.reason, permanent: true };
    } catch (error) {
      failure = { error: describe(error), permanent: false };
    }
    const dead = failure.permanent || attempt >= this.settings.maxAttempts;
    const retryInMs = retryDelayMs(attempt, this.settings);
    await this.uow.run({ tenantId }, () => this.outbox.recordFailure(tenantId, envelopeId, attempt, { dead, error: failure.error, at, retryInMs }));
    if (dead) {
      report.dead++;
      const kind = failure.permanent ? 'envelope.undeliverable' : 'envelope.dead';
      await this.alerts.alert(
        tenantId,
        kind,
        `${claimed.type} to ${claimed.to} given up after ${attempt} attempt(s): ${failure.error}`,
        envelopeId,
      );
    } else {
      report.retrying++;
      this.logger.warn({ event: 'routing.retry', envelopeId, centre: tenantId, to: claimed.to, attempt, retryInMs, error: failure.error });
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
