import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { preReviewDeemedAcceptanceDate } from '@zhengwu/approval/domain';
import { ApplicationRecordsRepository, ApplicationRepository, ApprovalSettingsRepository } from '@zhengwu/approval/data-access';
import { CentreCalendar } from '@zhengwu/calendar/data-access';
import { chinaCivilDate } from '@zhengwu/calendar/domain';
import { AppConfig } from '@zhengwu/server/core/config';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { DomainError } from '@zhengwu/server/core/errors';
import { HostedTenants, RequestContext } from '@zhengwu/server/core/tenancy';
import { StepActionsService } from '../staff/step-actions.service';
import { ApplicationWorkflow } from '../workflow/application-workflow.service';

const SWEEP_INTERVAL_MS = 60_000;
const BATCH = 200;

export interface SweepReport {
  deemedAccepted: number;
  resumed: number;
}

/**
 * Time-driven rules of the approval core, once a minute: a submission not pre-reviewed within the
 * centre's limit (5 working days, 行政许可法 §32) is flagged as deemed accepted; a special procedure
 * that reached its cap resumes the clock by itself. Safe in several replicas: the flag is set only
 * where unset, and resuming is an optimistic transition, so a second sweeper's attempt is a no-op.
 */
@Injectable()
export class ApprovalSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ApprovalSweeper');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly config: AppConfig,
    private readonly hosted: HostedTenants,
    private readonly context: RequestContext,
    private readonly uow: UnitOfWork,
    private readonly applications: ApplicationRepository,
    private readonly records: ApplicationRecordsRepository,
    private readonly settings: ApprovalSettingsRepository,
    private readonly calendars: CentreCalendar,
    private readonly workflow: ApplicationWorkflow,
    private readonly steps: StepActionsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.WORKERS_ENABLED) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep(new Date())
        .catch((error: unknown) => this.logger.error(`Sweep failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (this.running = undefined));
    }, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(now: Date): Promise<SweepReport> {
    const report: SweepReport = { deemedAccepted: 0, resumed: 0 };
    for (const tenantId of this.hosted.list()) {
      await this.context.runDetached(async () => {
        report.deemedAccepted += await this.flagDeemedAcceptance(tenantId, now);
        report.resumed += await this.resumeCappedProcedures(tenantId, now);
      });
    }
    return report;
  }

  private flagDeemedAcceptance(tenantId: string, now: Date): Promise<number> {
    return this.uow.run({ tenantId }, async () => {
      const { preReviewWorkingDays } = await this.settings.of(tenantId);
      const calendar = await this.calendars.forCentre(tenantId);
      // A cheap bound first: nothing submitted within the last week can be 5 working days old.
      const candidates = await this.applications.submittedBefore(tenantId, new Date(now.getTime() - preReviewWorkingDays * 86_400_000), BATCH);
      const today = chinaCivilDate(now);
      let flagged = 0;
      for (const application of candidates) {
        if (!application.submittedAt) continue;
        const deemed = preReviewDeemedAcceptanceDate(calendar, application.submittedAt);
        if (deemed.date < today && (await this.applications.flagDeemedAccepted(tenantId, application.id, now))) flagged++;
      }
      return flagged;
    });
  }

  private async resumeCappedProcedures(tenantId: string, now: Date): Promise<number> {
    const due = await this.uow.run({ tenantId }, () => this.records.pausesToResume(tenantId, chinaCivilDate(now), BATCH));
    let resumed = 0;
    for (const pause of due) {
      try {
        await this.uow.run({ tenantId }, async () => {
          const application = await this.workflow.load(tenantId, pause.applicationId);
          await this.steps.resume(application, { kind: 'system', id: null, name: null }, null);
        });
        resumed++;
      } catch (error) {
        // Another sweeper or the holder got there first.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return resumed;
  }
}
