import { Injectable } from '@nestjs/common';
import {
  ApplicationAction,
  ApplicationStatus,
  SpecialProcedureKind,
  StepPost,
  transition,
  TransitionContext,
} from '@zhengwu/approval/domain';
import {
  ApplicationEntity,
  ApplicationRecordsRepository,
  ApplicationRepository,
  ApprovalSettingsRepository,
  EventLog,
  StepOutcome,
} from '@zhengwu/approval/data-access';
import { CatalogueReader, PinnedProcedure } from '@zhengwu/catalogue/data-access';
import { PlatformError } from '@zhengwu/server/core/errors';
import { ApprovalError } from '../approval-errors';
import { IntakeStatusReporter } from '../counter/intake-status-reporter';
import { stateOf } from './application-state';
import { DeadlinesService } from './deadlines.service';

export interface WorkflowActor {
  kind: 'applicant' | 'staff' | 'system';
  id: string | null;
  name: string | null;
  post?: TransitionContext['post'];
}

export interface PerformOptions {
  actor: WorkflowActor;
  /** The version the actor saw; null for the applicant's own and system actions (current version). */
  expectedVersion: number | null;
  comment?: string;
  reason?: string;
  specialProcedure?: SpecialProcedureKind;
  /** Extra columns written with the transition (e.g. case number at submission). */
  changes?: Partial<ApplicationEntity>;
  eventData?: Record<string, unknown>;
  /** What a counter that forwarded the case is told with the new status (default: reason or comment). */
  reportNote?: string;
}

const STEP_OUTCOME: Partial<Record<ApplicationAction, StepOutcome>> = {
  pass_step: 'passed',
  return_step: 'returned',
  approve: 'approved',
  deny: 'denied',
  withdraw: 'withdrawn',
  terminate: 'terminated',
};

const IN_STEPS = new Set<ApplicationStatus>([ApplicationStatus.Accepted, ApplicationStatus.AcceptedMaterialsOwed]);

/**
 * The one place an application changes state: the domain machine decides, then — in the caller's
 * unit of work — the row is updated only if nobody else changed it (optimistic concurrency), the
 * step records and deadlines follow, and the event is appended to the centre's hash chain.
 */
@Injectable()
export class ApplicationWorkflow {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly records: ApplicationRecordsRepository,
    private readonly events: EventLog,
    private readonly catalogue: CatalogueReader,
    private readonly deadlines: DeadlinesService,
    private readonly settings: ApprovalSettingsRepository,
    private readonly intakeReports: IntakeStatusReporter,
  ) {}

  async load(tenantId: string, applicationId: string): Promise<ApplicationEntity> {
    const application = await this.applications.findById(tenantId, applicationId);
    if (!application) throw ApprovalError.APPLICATION_NOT_FOUND();
    return application;
  }

  async procedureOf(application: ApplicationEntity): Promise<PinnedProcedure> {
    const procedure = await this.catalogue.procedureVersion(application.tenantId, application.procedureVersionId);
    if (!procedure) throw new Error(`Pinned procedure ${application.procedureVersionId} of ${application.id} is missing`);
    return procedure;
  }

  async perform(application: ApplicationEntity, action: ApplicationAction, options: PerformOptions): Promise<ApplicationEntity> {
    if (options.expectedVersion !== null && options.expectedVersion !== application.version) {
      throw PlatformError.CONCURRENT_MODIFICATION({ currentVersion: application.version });
    }
    const result = transition(stateOf(application), action, {
      actor: options.actor.kind,
      post: options.actor.post,
      reason: options.reason,
      specialProcedure: options.specialProcedure,
    });
    if (!result.ok) {
      const error =
        result.code === 'WRONG_POST' || result.code === 'WRONG_ACTOR'
          ? ApprovalError.NOT_YOUR_POST
          : result.code === 'REASON_REQUIRED'
            ? ApprovalError.REASON_REQUIRED
            : ApprovalError.TRANSITION_NOT_ALLOWED;
      throw error({ action, rule: result.code, message: result.message });
    }
    const now = new Date();
    const next = result.state;
    const tenantId = application.tenantId;
    const changes: Partial<ApplicationEntity> = {
      ...options.changes,
      status: next.status,
      clockState: next.clock,
      currentStep: next.currentStep,
      extensionUsed: next.extensionUsed,
      openSpecialProcedure: next.openSpecialProcedure,
      noticesSent: next.noticesSent,
      originalsVerified: next.originalsVerified,
      ...(result.resultType ? { resultType: result.resultType } : {}),
    };
    if (action === 'submit' || action === 'resubmit') changes.submittedAt = now;
    if ((action === 'accept' || action === 'accept_with_owed_materials') && !application.acceptedAt) {
      // 行政许可法 §32: a case not pre-reviewed in time counts as accepted when its materials arrived.
      changes.acceptedAt = application.deemedAcceptedAt && application.submittedAt ? application.submittedAt : now;
    }
    if (action === 'approve' || action === 'deny' || (action === 'accept' && next.status !== ApplicationStatus.Accepted)) changes.decidedAt = now;
    if (next.status === ApplicationStatus.Completed || next.status === ApplicationStatus.NotAccepted) changes.completedAt = now;
    if (action === 'extend') changes.extensionWorkingDays = application.extensionWorkingDays + 10;
    if (!IN_STEPS.has(next.status)) {
      changes.currentPost = null;
      changes.currentStepDue = null;
      changes.currentAssigneeId = null;
    }
    // The pre-review queue is the window clerks' inbox too.
    if (next.status === ApplicationStatus.Submitted) changes.currentPost = 'window_clerk';

    const updated = { ...application, ...changes, version: application.version + 1 };
    await this.followSteps(updated, action, result.event.fromStep, result.event.toStep, options, now);
    await this.followDeadlines(updated, action);
    Object.assign(changes, {
      currentPost: updated.currentPost,
      currentStepDue: updated.currentStepDue,
      currentAssigneeId: updated.currentAssigneeId,
      promisedDue: updated.promisedDue,
      legalDue: updated.legalDue,
      deadlinesProvisional: updated.deadlinesProvisional,
    });

    if (!(await this.applications.updateIfVersion(tenantId, application.id, application.version, changes))) {
      throw PlatformError.CONCURRENT_MODIFICATION();
    }
    await this.events.append(tenantId, {
      applicationId: application.id,
      applicantId: application.applicantId,
      caseNumber: updated.caseNumber,
      actorKind: options.actor.kind,
      actorId: options.actor.id,
      actorPost: options.actor.post ?? null,
      action,
      fromStatus: result.event.from,
      toStatus: result.event.to,
      fromStep: result.event.fromStep,
      toStep: result.event.toStep,
      comment: options.reason ?? options.comment ?? null,
      data: options.eventData ?? {},
      occurredAt: now,
    });
    if (result.event.from !== result.event.to) {
      await this.intakeReports.report(updated, options.actor.id, options.reportNote ?? options.reason ?? options.comment ?? null, now);
    }
    return updated;
  }

  /** Closes the step being left and opens the step being entered, with its working-day due date. */
  private async followSteps(
    application: ApplicationEntity,
    action: ApplicationAction,
    fromStep: number | null,
    toStep: number | null,
    options: PerformOptions,
    now: Date,
  ): Promise<void> {
    const tenantId = application.tenantId;
    const open = await this.records.openStepOf(tenantId, application.id);
    const stepChanges = fromStep !== toStep || !IN_STEPS.has(application.status);
    if (open && stepChanges) {
      await this.records.closeStep(tenantId, application.id, open.seq, {
        finishedAt: now,
        outcome: STEP_OUTCOME[action] ?? 'passed',
        handlerId: options.actor.kind === 'staff' ? options.actor.id : null,
        handlerName: options.actor.kind === 'staff' ? options.actor.name : null,
        comment: options.reason ?? options.comment ?? null,
      });
    }
    if (toStep !== null && IN_STEPS.has(application.status) && (stepChanges || !open)) {
      const procedure = await this.procedureOf(application);
      const step = procedure.steps[toStep];
      if (!step) throw new Error(`Step ${toStep} missing from procedure ${procedure.versionId}`);
      const pauses = await this.records.pauses(tenantId, application.id);
      const due = await this.deadlines.forStep(tenantId, { startedAt: now, limitWorkingDays: step.limitWorkingDays }, pauses);
      await this.records.openStep(tenantId, {
        tenantId,
        applicationId: application.id,
        applicantId: application.applicantId,
        position: toStep,
        code: step.code,
        name: step.name,
        post: step.post as StepPost,
        limitWorkingDays: step.limitWorkingDays,
        startedAt: now,
        due: due.due,
        dueProvisional: due.provisional,
      });
      application.currentPost = step.post;
      application.currentStepDue = due.due;
      application.currentAssigneeId = null;
    }
  }

  /**
   * Case deadlines start at acceptance and move with the §42 extension and with special procedures
   * (§45). While a procedure is open the last computed dates stay (the clock state says paused);
   * when it ends, every date is recomputed with the paused working days left out.
   */
  private async followDeadlines(application: ApplicationEntity, action: ApplicationAction): Promise<void> {
    const affects: ApplicationAction[] = ['accept', 'accept_with_owed_materials', 'extend', 'end_special_procedure'];
    if (!affects.includes(action) || !application.acceptedAt) return;
    const tenantId = application.tenantId;
    const pauses = await this.records.pauses(tenantId, application.id);
    const settings = await this.settings.of(tenantId);
    Object.assign(application, await this.deadlines.forCase(application, pauses, settings.afterHoursCutoff));
    if (action === 'end_special_procedure') {
      const open = await this.records.openStepOf(tenantId, application.id);
      if (open) {
        const due = await this.deadlines.forStep(tenantId, open, pauses);
        await this.records.updateStepDue(tenantId, application.id, open.seq, due.due, due.provisional);
        application.currentStepDue = due.due;
      }
    }
  }
}
