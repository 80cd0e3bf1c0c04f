import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants, RequestContext } from '@zhengwu/server/core/tenancy';
import { RoutedOutbox } from '@zhengwu/server/routing';
import { RollupSnapshotRepository } from '@zhengwu/supervision/data-access';
import type { RollupSnapshot } from '@zhengwu/supervision/domain';
import { ROLLUP_SETTINGS, type RollupSettings } from './rollup-settings';
import { SupervisionRollupService } from './supervision-rollup.service';

export interface SnapshotSendOptions {
  /** Only these centres (default: every hosted centre). */
  tenants?: readonly string[];
  /** Send even if the centre sent less than an interval ago (tests, an operator's nudge). */
  force?: boolean;
}

export interface SnapshotSendReport {
  /** Centres that sent, with the snapshot and to whom. */
  sent: Array<{ centreCode: string; to: string[]; snapshot: RollupSnapshot }>;
  /** Centres skipped: nothing above them, not due yet, or another replica at it. */
  skipped: number;
}

/**
 * Every SUPERVISION_SNAPSHOT_INTERVAL_MS each hosted centre below the province sends its snapshot
 * to every centre above it (a county to its city and to the province, a city to the province),
 * through the routing outbox: signed by the centre, relayed by loopback or NATS like any routed
 * message. Safe in several replicas: the centre's send-state row is locked FOR UPDATE SKIP LOCKED
 * in the transaction that writes the outbox rows and moves `last_generated_at`.
 */
@Injectable()
export class SupervisionSnapshotSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SupervisionSnapshotSender');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  /** When this replica last sent each centre's snapshot: spares the database a look every tick. */
  private readonly sentHere = new Map<string, number>();

  constructor(
    private readonly config: AppConfig,
    private readonly hosted: HostedTenants,
    private readonly context: RequestContext,
    private readonly uow: UnitOfWork,
    private readonly outbox: RoutedOutbox,
    private readonly snapshots: RollupSnapshotRepository,
    private readonly rollup: SupervisionRollupService,
    @Inject(ROLLUP_SETTINGS) private readonly settings: RollupSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.WORKERS_ENABLED) return;
    this.timer = setInterval(() => {
      this.running ??= this.send(new Date())
        .catch((error: unknown) => this.logger.error(`Sending snapshots failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (this.running = undefined));
    }, this.settings.tickMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Sends the snapshots that are due as of `now` (tests pass the instant they want). */
  async send(now: Date, options: SnapshotSendOptions = {}): Promise<SnapshotSendReport> {
    const report: SnapshotSendReport = { sent: [], skipped: 0 };
    // Due a tick early, so a snapshot goes every interval rather than every interval + a tick.
    const minIntervalMs = options.force ? 0 : Math.max(0, this.settings.intervalMs - this.settings.tickMs);
    for (const tenantId of options.tenants ?? this.hosted.list()) {
      const last = this.sentHere.get(tenantId);
      if (!options.force && last !== undefined && now.getTime() >= last && now.getTime() - last < minIntervalMs) {
        report.skipped++;
        continue;
      }
      try {
        const sent = await this.context.runDetached(() => this.sendFrom(tenantId, now, minIntervalMs));
        if (sent) {
          report.sent.push(sent);
          this.sentHere.set(tenantId, now.getTime());
        } else report.skipped++;
      } catch (error) {
        // One centre's failure must not keep the others from reporting.
        report.skipped++;
        this.logger.error(`Snapshot of ${tenantId} not sent: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return report;
  }

  private async sendFrom(tenantId: string, now: Date, minIntervalMs: number): Promise<SnapshotSendReport['sent'][number] | null> {
    const to = this.rollup.ancestorsOf(tenantId);
    if (to.length === 0) return null;
    await this.uow.run({ tenantId }, () => this.snapshots.ensureSendState(tenantId));
    return this.uow.run({ tenantId }, async () => {
      if (!(await this.snapshots.claimSend(tenantId, now, minIntervalMs))) return null;
      const snapshot = await this.rollup.snapshotOf(tenantId, now);
      for (const recipient of to) {
        await this.outbox.send(tenantId, { type: 'supervision.snapshot.v1', to: recipient, actor: 'system', payload: snapshot });
      }
      await this.snapshots.recordSend(tenantId, now, to);
      return { centreCode: tenantId, to, snapshot };
    });
  }
}
