import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CentreCalendar } from '@zhengwu/calendar/data-access';
import { AppConfig } from '@zhengwu/server/core/config';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants, RequestContext } from '@zhengwu/server/core/tenancy';
import { OpenWorkReader, SupervisionAlertRepository, SweepLeaseRepository, type WorkContext } from '@zhengwu/supervision/data-access';
import {
  evaluateCase,
  evaluateVerification,
  type Finding,
  type SupervisionRule,
  type SweepReport,
} from '@zhengwu/supervision/domain';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { SupervisionRulesService } from '../rules/supervision-rules.service';
import { SupervisionStatisticsService } from '../statistics/supervision-statistics.service';
import { AlertRaiser } from './alert-raiser';

export const SUPERVISION_SWEEP_INTERVAL_MS = 60_000;
/** Open cases evaluated per centre per sweep; a centre with more is reported (`truncated`) and the rest waits for capacity work. */
const CASE_LIMIT = 50_000;
const VERIFICATION_LIMIT = 5_000;
/** Refusals are looked at for a month after they happened; the alert stays on the record after that. */
const REFUSAL_LOOKBACK_MS = 31 * 86_400_000;

export interface SweepOptions {
  /** Skip a centre another replica swept less than this long ago (the worker loop passes most of a minute). */
  minIntervalMs?: number;
  /** Only these centres (default: every hosted centre). */
  tenants?: readonly string[];
}

interface CentreReport {
  evaluated: number;
  raised: number;
  notices: number;
  resolved: number;
  folded: number;
  truncated: boolean;
}

/**
 * The supervision sweep (电子监察): every minute, each hosted centre's open cases, steps and routed
 * originals checks are evaluated against the centre's effective rules on its working-day calendar,
 * and alerts are raised idempotently. Safe in several replicas: a centre is swept inside one
 * transaction that holds its lease row (FOR UPDATE SKIP LOCKED), so two sweepers never work on
 * the same centre at once, and the unique alert key makes a repeated sweep raise nothing twice.
 */
@Injectable()
export class SupervisionSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SupervisionSweeper');
  private readonly holder = `${hostname()}#${process.pid}#${randomUUID().slice(0, 8)}`;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly config: AppConfig,
    private readonly hosted: HostedTenants,
    private readonly context: RequestContext,
    private readonly uow: UnitOfWork,
    private readonly calendars: CentreCalendar,
    private readonly rules: SupervisionRulesService,
    private readonly work: OpenWorkReader,
    private readonly alerts: SupervisionAlertRepository,
    private readonly leases: SweepLeaseRepository,
    private readonly raiser: AlertRaiser,
    private readonly statistics: SupervisionStatisticsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.WORKERS_ENABLED) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep(new Date(), { minIntervalMs: SUPERVISION_SWEEP_INTERVAL_MS - 10_000 })
        .catch((error: unknown) => this.logger.error(`Sweep failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (this.running = undefined));
    }, SUPERVISION_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep of every hosted centre as of `now` (tests pass the instant they want to look at). */
  async sweep(now: Date, options: SweepOptions = {}): Promise<SweepReport> {
    const report: SweepReport = { centres: 0, skipped: 0, evaluated: 0, raised: 0, notices: 0, resolved: 0, folded: 0 };
    const province = await this.context.runDetached(() => this.rules.provinceRules());
    for (const tenantId of options.tenants ?? this.hosted.list()) {
      try {
        const centre = await this.context.runDetached(() => this.sweepCentre(tenantId, province, now, options.minIntervalMs ?? 0));
        if (!centre) {
          report.skipped++;
          continue;
        }
        report.centres++;
        report.evaluated += centre.evaluated;
        report.raised += centre.raised;
        report.notices += centre.notices;
        report.resolved += centre.resolved;
        report.folded += centre.folded;
        if (centre.truncated) this.logger.warn(`Centre ${tenantId}: more than ${CASE_LIMIT} open cases, the rest waits for the next sweep`);
      } catch (error) {
        // One centre's failure must not stop the supervision of the others.
        this.logger.error(`Sweep of ${tenantId} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return report;
  }

  private async sweepCentre(tenantId: string, province: readonly SupervisionRule[], now: Date, minIntervalMs: number): Promise<CentreReport | null> {
    await this.uow.run({ tenantId }, () => this.leases.ensure(tenantId));
    const calendar = await this.calendars.forCentre(tenantId);
    return this.uow.run({ tenantId }, async () => {
      if (!(await this.leases.claim(tenantId, this.holder, minIntervalMs))) return null;
      const { rules, loosenings } = await this.rules.effectiveWith(province, tenantId);
      if (loosenings.length > 0) this.logger.warn(`Centre ${tenantId}: ${loosenings.length} stored override(s) looser than the province rule are ignored`);

      const cases = await this.work.openCases(tenantId, CASE_LIMIT);
      const refusals = await this.work.recentRefusals(tenantId, new Date(now.getTime() - REFUSAL_LOOKBACK_MS), CASE_LIMIT);
      const verifications = await this.work.pendingVerifications(tenantId, VERIFICATION_LIMIT);

      const found: Array<{ finding: Finding; context: WorkContext }> = [];
      for (const work of [...cases, ...refusals]) {
        for (const finding of evaluateCase(rules, work, calendar, now)) found.push({ finding, context: work });
      }
      for (const task of verifications) {
        for (const finding of evaluateVerification(rules, task, calendar, now)) found.push({ finding, context: task });
      }

      const report: CentreReport = { evaluated: cases.length + refusals.length + verifications.length, raised: 0, notices: 0, resolved: 0, folded: 0, truncated: cases.length >= CASE_LIMIT };
      for (const { finding, context } of found) {
        const result = await this.raiser.raise(tenantId, finding, context, calendar, now);
        if (result.raised) report.raised++;
        if (result.notice) report.notices++;
      }
      // A truncated sweep did not see every case: it must not resolve alerts of the ones it missed.
      if (!report.truncated) {
        const pastEvents = rules.filter((rule) => rule.trigger.kind === 'refused_without_reasons').map((rule) => rule.id);
        report.resolved = await this.alerts.resolveAllExcept(tenantId, found.map(({ finding }) => finding), pastEvents, now);
      }
      // The statistics counters move under the same lease, so two sweepers never fold the same events.
      report.folded = await this.statistics.fold(tenantId, calendar);
      await this.leases.finish(tenantId, now, report);
      return report;
    });
  }
}
