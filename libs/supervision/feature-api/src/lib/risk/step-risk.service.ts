import { Injectable } from '@nestjs/common';
import { CentreCalendar } from '@zhengwu/calendar/data-access';
import type { AtRiskStepView } from '@zhengwu/shared/contracts';
import { StepHistoryReader, type StepRecord } from '@zhengwu/supervision/data-access';
import { openStepQuestions, riskSamples, RiskModel, type StepHistoryEntry } from '@zhengwu/supervision/domain';

/** How far back the model learns, and how much of it: recent practice, bounded cost. */
const HISTORY_DAYS = 365;
const HISTORY_LIMIT = 20_000;
/** Open steps looked at per board (a centre with more has bigger problems than a ranking). */
const OPEN_LIMIT = 5_000;
/** A fitted model is reused this long per centre (per replica): history changes slowly. */
const MODEL_TTL_MS = 10 * 60_000;
/** Shown from medium risk up (RISK_BANDS): below that the threshold lists say enough. */
const SHOWN_FROM = 0.2;

function entryOf(step: StepRecord): StepHistoryEntry {
  return { itemKey: step.itemId, stepCode: step.stepCode, post: step.post, startedAt: step.startedAt, finishedAt: step.finishedAt, due: step.due, outcome: step.outcome };
}

/**
 * Predicted overdue risk on the board: the centre's recent finished steps fit the explainable
 * model of libs/supervision/domain (risk.ts), and each open step whose case has no open alert is
 * asked its chance of breaching its limit, on the centre's working-day calendar. Runs inside the
 * caller's unit of work (row-level security of the centre).
 */
@Injectable()
export class StepRiskService {
  private readonly models = new Map<string, { model: RiskModel; fittedAt: number }>();

  constructor(
    private readonly steps: StepHistoryReader,
    private readonly calendars: CentreCalendar,
  ) {}

  async atRisk(tenantId: string, casesWithAlerts: ReadonlySet<string>, now: Date, limit: number): Promise<AtRiskStepView[]> {
    const open = (await this.steps.openSteps(tenantId, OPEN_LIMIT)).filter((step) => step.clockRunning);
    if (open.length === 0) return [];
    const calendar = await this.calendars.forCentre(tenantId);
    const model = await this.model(tenantId, open, now);
    const questions = openStepQuestions(open.map(entryOf), calendar, now);
    const views: AtRiskStepView[] = [];
    open.forEach((step, index) => {
      const question = questions[index];
      if (!question || !step.due || casesWithAlerts.has(step.applicationId)) return;
      const estimate = model.predict(question);
      if (estimate.breached || estimate.probability < SHOWN_FROM) return;
      views.push({
        applicationId: step.applicationId,
        caseNumber: step.caseNumber,
        itemName: step.itemName,
        stepSeq: step.stepSeq,
        stepName: step.stepName,
        post: step.post,
        holderName: step.holderName,
        due: step.due,
        probability: estimate.probability,
        band: estimate.band,
        elapsedWorkingDays: estimate.elapsedWorkingDays,
        limitWorkingDays: estimate.limitWorkingDays,
        queue: estimate.queue,
        basis: estimate.basis,
        explanation: estimate.explanation,
      });
    });
    return views.sort((a, b) => b.probability - a.probability || a.due.localeCompare(b.due)).slice(0, limit);
  }

  /** Forgets the fitted models (tests; a replica picks up new history within MODEL_TTL_MS anyway). */
  forget(): void {
    this.models.clear();
  }

  private async model(tenantId: string, open: readonly StepRecord[], now: Date): Promise<RiskModel> {
    const cached = this.models.get(tenantId);
    if (cached && now.getTime() - cached.fittedAt < MODEL_TTL_MS) return cached.model;
    const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
    const finished = await this.steps.finishedSince(tenantId, since, HISTORY_LIMIT);
    // Open steps count in the queues the finished ones met when they started.
    const samples = riskSamples([...finished, ...open].map(entryOf), await this.calendars.forCentre(tenantId));
    const model = RiskModel.fit(samples);
    this.models.set(tenantId, { model, fittedAt: now.getTime() });
    return model;
  }
}
