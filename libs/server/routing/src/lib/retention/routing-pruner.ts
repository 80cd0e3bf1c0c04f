import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants, RepeatingRound, RequestContext } from '@zhengwu/server/core/tenancy';
import { ROUTING_SETTINGS, RoutingSettings } from '../routing-settings';
import { RoutingRetentionRepository } from './routing-retention.repository';

export interface RoutingPruneReport {
  outbox: number;
  inbox: number;
}

/**
 * Keeps the outbox and inbox from growing for ever: every round deletes, per hosted centre, the
 * outbox rows published and the inbox rows applied more than retentionMs ago (see
 * minimumRetentionMs for why that is long enough), in batches of pruneBatchSize, each its own
 * short transaction scoped to the centre, until a batch comes back short.
 *
 * Kept for good: outbox rows not published (pending, failed, dead), inbox rows the handler refused,
 * rejections and alerts: they are what an operator investigates, and they have no "resolved"
 * state to age from. Replicas take turns per table and centre (see RoutingRetentionRepository).
 */
@Injectable()
export class RoutingPruner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RoutingPruner');
  private loop?: RepeatingRound;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly hosted: HostedTenants,
    private readonly context: RequestContext,
    private readonly uow: UnitOfWork,
    private readonly repository: RoutingRetentionRepository,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.WORKERS_ENABLED) return;
    this.loop = new RepeatingRound(() => this.pruneOnce(), this.settings.pruneIntervalMs, (error: unknown) =>
      this.logger.error(`Routing pruning round failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.loop?.stop();
  }

  /** One round over every hosted centre. `now` stands in for the clock (tests). */
  async pruneOnce(now = new Date()): Promise<RoutingPruneReport> {
    const cutoff = new Date(now.getTime() - this.settings.retentionMs);
    const report: RoutingPruneReport = { outbox: 0, inbox: 0 };
    await this.context.runDetached(async () => {
      for (const tenantId of this.hosted.list()) {
        if (this.stopped) break;
        const outbox = await this.drain(tenantId, (limit) => this.repository.deletePublishedOutbox(tenantId, cutoff, limit));
        const inbox = await this.drain(tenantId, (limit) => this.repository.deleteAppliedInbox(tenantId, cutoff, limit));
        if (outbox + inbox > 0) {
          this.logger.log({ event: 'routing.pruned', centre: tenantId, outbox, inbox, before: cutoff.toISOString() });
        }
        report.outbox += outbox;
        report.inbox += inbox;
      }
    });
    return report;
  }

  /**
   * Deletes batch after batch, each in its own transaction so no lock or transaction grows with the
   * backlog; stops when a batch comes back short, or when another replica has the centre's turn.
   */
  private async drain(tenantId: string, deleteBatch: (limit: number) => Promise<number | null>): Promise<number> {
    const limit = this.settings.pruneBatchSize;
    let total = 0;
    for (;;) {
      const deleted = await this.uow.run({ tenantId }, () => deleteBatch(limit));
      if (deleted === null) return total;
      total += deleted;
      if (deleted < limit || this.stopped) return total;
    }
  }
}
