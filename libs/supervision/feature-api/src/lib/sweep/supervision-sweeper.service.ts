import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CentreCalendar } from '@zhengwu/calendar/data-access';
import { AppConfig } from '@zhengwu/server/core/config';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants, RequestContext } from '@zhengwu/server/core/tenancy';
import { alertKey, CaseLevelProjection, OpenWorkReader, SupervisionAlertRepository, SweepLeaseRepository, type WorkContext } from '@zhengwu/supervision/data-access';
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
import { BoardSummarizer } from '../board/board-summarizer';
import { AlertRaiser } from './alert-raiser';

export const SUPERVISION_SWEEP_INTERVAL_MS = 60_000;
/** Open cases read with their context at a time: a centre's open work is evaluated page by page. */
const CASE_PAGE = 5_000;
/** Refusals and pending originals checks looked at per sweep (a month's refusals, a queue of checks). */
const REFUSAL_LIMIT = 50_000;
const VERIFICATION_LIMIT = 5_000;
/**
 * A sweep that raised or resolved more than this many alerts, and more than this share of those
 * that were open, refreshes the table's planner statistics (autovacuum would, later, if it is on).
 */
const STATISTICS_REFRESH_MIN = 1_000;
const STATISTICS_REFRESH_SHARE = 0.2;
/** Cases brought to their supervision level per transaction (short, so clerks' row locks are never held up long). */
const LEVEL_BATCH = 2_000;
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
  /** Milliseconds the sweep of the centre took (its transaction). */
  ms: number;
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
    private readonly summarizer: BoardSummarizer,
    private readonly levels: CaseLevelProjection,
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
    const report: SweepReport = { centres: 0, skipped: 0, evaluated: 0, raised: 0, notices: 0, resolved: 0, folded: 0, levelsChanged: 0 };
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
        // After the sweep's transaction, in short ones of their own: the cases' levels follow the
        // alerts it committed. Only when they may have moved, as the lease row says: this or an
        // earlier sweep raised or resolved alerts (recorded with them, so a crash in between loses
        // nothing), or the last catch-up, by any replica, skipped cases.
        const levelsBehind = await this.context.runDetached(() => this.uow.run({ tenantId }, () => this.leases.levelsBehind(tenantId)));
        if (levelsBehind) {
          report.levelsChanged += await this.context.runDetached(() => this.catchUpLevels(tenantId));
        }
      } catch (error) {
        // One centre's failure must not stop the supervision of the others.
        this.logger.error(`Sweep of ${tenantId} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return report;
  }

  private async catchUpLevels(tenantId: string): Promise<number> {
    const started = Date.now();
    let changed = 0;
    for (;;) {
      const batch = await this.uow.run({ tenantId }, () => this.levels.catchUp(tenantId, LEVEL_BATCH));
      changed += batch.changed;
      if (batch.changed === LEVEL_BATCH) continue;
      // Fewer than wanted: cases a clerk held were skipped; the next sweep, on any replica, tries them again.
      await this.uow.run({ tenantId }, () => this.leases.markLevels(tenantId, batch.changed < batch.wanted));
      if (changed > 0) this.logger.log({ event: 'supervision.levels', centre: tenantId, changed, skipped: batch.wanted - batch.changed, ms: Date.now() - started });
      return changed;
    }
  }

  private async sweepCentre(tenantId: string, province: readonly SupervisionRule[], now: Date, minIntervalMs: number): Promise<CentreReport | null> {
    await this.uow.run({ tenantId }, () => this.leases.ensure(tenantId));
    const calendar = await this.calendars.forCentre(tenantId);
    return this.uow.run({ tenantId }, async () => {
      if (!(await this.leases.claim(tenantId, this.holder, minIntervalMs))) return null;
      const { rules, loosenings } = await this.rules.effectiveWith(province, tenantId);
      if (loosenings.length > 0) this.logger.warn(`Centre ${tenantId}: ${loosenings.length} stored override(s) looser than the province rule are ignored`);

      const started = Date.now();
      const report: CentreReport = { evaluated: 0, raised: 0, notices: 0, resolved: 0, folded: 0, ms: 0 };
      // Only findings without an open alert go to the raiser, a page at a time: at scale nearly
      // every finding of a sweep is one an earlier sweep raised already.
      const alreadyOpen = await this.alerts.openKeys(tenantId);
      const firing: Finding[] = [];
      const raise = async (found: ReadonlyArray<{ finding: Finding; context: WorkContext }>) => {
        for (const { finding } of found) firing.push(finding);
        const fresh = found.filter(({ finding }) => !alreadyOpen.has(alertKey(finding)));
        if (fresh.length === 0) return;
        const result = await this.raiser.raise(tenantId, fresh, calendar, now);
        report.raised += result.raised;
        report.notices += result.notices;
      };

      const openIds = await this.work.openCaseIds(tenantId);
      for (let from = 0; from < openIds.length; from += CASE_PAGE) {
        const cases = await this.work.openCasesByIds(tenantId, openIds.slice(from, from + CASE_PAGE));
        report.evaluated += cases.length;
        await raise(cases.flatMap((work) => evaluateCase(rules, work, calendar, now).map((finding) => ({ finding, context: work }))));
      }
      const refusals = await this.work.recentRefusals(tenantId, new Date(now.getTime() - REFUSAL_LOOKBACK_MS), REFUSAL_LIMIT);
      const verifications = await this.work.pendingVerifications(tenantId, VERIFICATION_LIMIT);
      report.evaluated += refusals.length + verifications.length;
      await raise(refusals.flatMap((work) => evaluateCase(rules, work, calendar, now).map((finding) => ({ finding, context: work }))));
      await raise(verifications.flatMap((task) => evaluateVerification(rules, task, calendar, now).map((finding) => ({ finding, context: task as WorkContext }))));

      const pastEvents = rules.filter((rule) => rule.trigger.kind === 'refused_without_reasons').map((rule) => rule.id);
      report.resolved = await this.alerts.resolveAllExcept(tenantId, firing, pastEvents, now);
      if (report.raised + report.resolved > 0) await this.leases.markLevels(tenantId, true);
      // After a mass change the planner must know, before the board's counts below are taken.
      if (report.raised + report.resolved > Math.max(STATISTICS_REFRESH_MIN, alreadyOpen.size * STATISTICS_REFRESH_SHARE)) {
        await this.alerts.refreshStatistics(tenantId);
      }
      // The statistics counters move under the same lease, so two sweepers never fold the same events.
      report.folded = await this.statistics.fold(tenantId, calendar);
      // The board's counts as this sweep leaves the alerts, for the board and the roll-up to read.
      const board = await this.summarizer.summarize(tenantId, now);
      report.ms = Date.now() - started;
      await this.leases.finish(tenantId, now, report, board);
      return report;
    });
  }
}
