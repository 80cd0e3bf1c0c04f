import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants, RepeatingRound, RequestContext } from '@zhengwu/server/core/tenancy';
import { redactContacts } from '../delivery/contact-masking';
import { NOTIFICATION_DRIVER, NotificationDriver, NotificationUndeliverableError } from '../delivery/notification-driver';
import { ClaimedNotification, NotificationRepository } from '../notification.repository';
import { DEFAULT_RELAY_SETTINGS, NOTIFICATION_RELAY_SETTINGS, NotificationRelaySettings, retryDelayMs } from './relay-settings';

export interface RelayReport {
  claimed: number;
  sent: number;
  retrying: number;
  dead: number;
}

/**
 * Delivers the outbox: every round finds the hosted centres with notifications due, claims a batch
 * of each centre's in a unit of work scoped to that centre, and sends them through the driver.
 *
 * Row-level security stays on throughout: the relay connects as the runtime role like every
 * request, and each claim runs in a transaction scoped to one centre. Finding which centres have
 * work is one call to `notifications_due_centres` (SECURITY INVOKER, RLS-bound, see the migration)
 * rather than one transaction per hosted centre per second. Replicas cooperate through the
 * database alone: FOR UPDATE SKIP LOCKED gives concurrent claims disjoint rows, and the claim's
 * lease keeps a notification off every relay's list while it is being sent. Delivery is therefore
 * at-least-once: only a relay dying between the channel's acceptance and the recording of it makes
 * a notification go out twice (the notification id travels as the reference to let a channel
 * deduplicate).
 */
@Injectable()
export class NotificationRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NotificationRelay');
  private readonly settings: NotificationRelaySettings;
  private loop?: RepeatingRound;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly hosted: HostedTenants,
    private readonly context: RequestContext,
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationRepository,
    @Inject(NOTIFICATION_DRIVER) private readonly driver: NotificationDriver,
    @Optional() @Inject(NOTIFICATION_RELAY_SETTINGS) settings?: Partial<NotificationRelaySettings>,
  ) {
    this.settings = { ...DEFAULT_RELAY_SETTINGS, ...settings };
  }

  onApplicationBootstrap(): void {
    if (this.config.WORKERS_ENABLED) {
      this.logger.log(`Relaying notifications through the ${this.driver.name} driver`);
      this.loop = new RepeatingRound(() => this.relayOnce(), this.settings.intervalMs, (error: unknown) => this.logger.error(`Notification relay round failed: ${describe(error)}`));
      this.loop.start();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.loop?.stop();
  }

  /** One round over every hosted centre. `at` stands in for the clock (tests); default: the database's. */
  async relayOnce(at?: Date): Promise<RelayReport> {
    const report: RelayReport = { claimed: 0, sent: 0, retrying: 0, dead: 0 };
    const when = at ?? null;
    await this.context.runDetached(async () => {
      const centres = await this.uow.run({}, () => this.notifications.dueCentres(this.hosted.list(), when));
      for (const tenantId of centres) {
        if (this.stopped) break;
        await this.relayCentre(tenantId, when, report);
      }
    });
    return report;
  }

  private async relayCentre(tenantId: string, at: Date | null, report: RelayReport): Promise<void> {
    const claimedAt = Date.now();
    const batch = await this.uow.run({ tenantId }, () =>
      this.notifications.claimDue(tenantId, { at, limit: this.settings.batchSize, leaseMs: this.settings.leaseMs }),
    );
    report.claimed += batch.length;
    for (const notification of batch) {
      // Past half the lease, the rest of the batch is left to lapse and be claimed again, so a slow
      // channel can never let a second relay send what this one is still sending.
      if (Date.now() - claimedAt > this.settings.leaseMs / 2) break;
      await this.deliver(notification, at, report);
    }
  }

  private async deliver(notification: ClaimedNotification, at: Date | null, report: RelayReport): Promise<void> {
    const language = notification.locale === 'en' ? 'en' : 'zh';
    const { tenantId, id, attempt } = notification;
    try {
      await this.driver.send({
        id,
        tenantId,
        applicantId: notification.applicantId,
        template: notification.template,
        locale: notification.locale,
        subject: notification.subject[language],
        body: notification.body[language],
        caseNumber: notification.caseNumber,
        attempt,
      });
    } catch (error) {
      const dead = error instanceof NotificationUndeliverableError || attempt >= this.settings.maxAttempts;
      const reason = redactContacts(describe(error));
      const retryInMs = retryDelayMs(attempt, this.settings);
      await this.uow.run({ tenantId }, () =>
        this.notifications.recordFailure(tenantId, id, attempt, { dead, error: reason, at, retryInMs }),
      );
      if (dead) {
        report.dead++;
        this.logger.error({
          event: 'notification.dead',
          notificationId: id,
          centre: tenantId,
          template: notification.template,
          attempts: attempt,
          error: reason,
        });
      } else {
        report.retrying++;
        this.logger.warn({ event: 'notification.retry', notificationId: id, centre: tenantId, attempt, retryInMs, error: reason });
      }
      return;
    }
    const recorded = await this.uow.run({ tenantId }, () => this.notifications.recordSent(tenantId, id, attempt));
    if (!recorded) {
      // The claim lapsed and another relay took the notification over: it may go out twice.
      this.logger.warn({ event: 'notification.claim_lapsed', notificationId: id, centre: tenantId, attempt });
    }
    report.sent++;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
