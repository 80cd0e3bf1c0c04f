import { Injectable } from '@nestjs/common';
import { ApplicationAction, ApplicationStatus, SPECIAL_PROCEDURE_LABELS } from '@zhengwu/approval/domain';
import { ApplicationEntity, ApplicationRecordsRepository, ApplicationRepository } from '@zhengwu/approval/data-access';
import { CentreCalendar } from '@zhengwu/calendar/data-access';
import { AuditLog, StaffRepository } from '@zhengwu/org/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { PlatformError } from '@zhengwu/server/core/errors';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import type {
  ApplicationView,
  AssignStepRequest,
  CompleteRequest,
  ReasonedTransitionRequest,
  StartSpecialProcedureRequest,
  TransitionRequest,
} from '@zhengwu/shared/contracts';
import { ApprovalError } from '../approval-errors';
import { awaitsOriginalsCheck } from '../originals/check-point';
import { OriginalsCheckService } from '../originals/originals-check.service';
import { ApplicationViewBuilder } from '../views/application-view.builder';
import { ApplicantNotifier } from '../workflow/applicant-notifier';
import { ApplicationWorkflow, PerformOptions } from '../workflow/application-workflow.service';
import { holdsPost, staffActor, StepPost } from './staff-actor';

/**
 * What the holder of a step does after acceptance: pass or return the step, decide (approve/deny),
 * run special procedures, extend the legal limit (行政许可法 §42), complete or terminate the case.
 * The caller must hold the current step's post, and the step must be theirs or nobody's yet.
 */
@Injectable()
export class StepActionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly workflow: ApplicationWorkflow,
    private readonly applications: ApplicationRepository,
    private readonly records: ApplicationRecordsRepository,
    private readonly staff: StaffRepository,
    private readonly audit: AuditLog,
    private readonly calendars: CentreCalendar,
    private readonly notifier: ApplicantNotifier,
    private readonly views: ApplicationViewBuilder,
    private readonly originals: OriginalsCheckService,
  ) {}

  pass(tenantId: string, principal: StaffPrincipal, id: string, request: TransitionRequest): Promise<ApplicationView> {
    return this.onStep(tenantId, principal, id, request.version, 'pass_step', { comment: request.comment });
  }

  returnStep(tenantId: string, principal: StaffPrincipal, id: string, request: ReasonedTransitionRequest): Promise<ApplicationView> {
    return this.onStep(tenantId, principal, id, request.version, 'return_step', { reason: request.reason });
  }

  approve(tenantId: string, principal: StaffPrincipal, id: string, request: TransitionRequest): Promise<ApplicationView> {
    return this.onStep(tenantId, principal, id, request.version, 'approve', { comment: request.comment }, async (app) => {
      await this.notifier.notify(app, 'application.approved', {});
      // After approval (the default check point), the originals are checked where the applicant chose.
      if (awaitsOriginalsCheck(app, 'after_approval')) await this.originals.request(app, principal.id);
    });
  }

  deny(tenantId: string, principal: StaffPrincipal, id: string, request: ReasonedTransitionRequest): Promise<ApplicationView> {
    return this.onStep(tenantId, principal, id, request.version, 'deny', { reason: request.reason }, (app) =>
      this.notifier.notify(app, 'application.denied', { reason: request.reason }),
    );
  }

  startSpecialProcedure(tenantId: string, principal: StaffPrincipal, id: string, request: StartSpecialProcedureRequest): Promise<ApplicationView> {
    return this.uow.run({ tenantId }, async () => {
      const application = await this.workflow.load(tenantId, id);
      const post = this.assertHolder(principal, application, await this.currentStepAssignee(application));
      const calendar = await this.calendars.forCentre(tenantId);
      const now = new Date();
      const resume = calendar.addWorkingDays(now, request.capWorkingDays);
      await this.records.openPause(tenantId, {
        tenantId,
        applicationId: id,
        applicantId: application.applicantId,
        kind: request.kind,
        reason: request.reason,
        startedAt: now,
        capWorkingDays: request.capWorkingDays,
        resumeBy: resume.suspended ? null : resume.date,
      });
      const updated = await this.workflow.perform(application, 'start_special_procedure', {
        actor: staffActor(principal, post),
        expectedVersion: request.version,
        reason: request.reason,
        specialProcedure: request.kind,
        eventData: { kind: request.kind, capWorkingDays: request.capWorkingDays },
      });
      await this.notifier.notify(updated, 'application.special_procedure_started', { procedure: SPECIAL_PROCEDURE_LABELS[request.kind] });
      return this.views.build(updated, { kind: 'staff', post });
    });
  }

  endSpecialProcedure(tenantId: string, principal: StaffPrincipal, id: string, request: TransitionRequest): Promise<ApplicationView> {
    return this.uow.run({ tenantId }, async () => {
      const application = await this.workflow.load(tenantId, id);
      const post = this.assertHolder(principal, application, await this.currentStepAssignee(application));
      const updated = await this.resume(application, staffActor(principal, post), request.version);
      return this.views.build(updated, { kind: 'staff', post });
    });
  }

  /** Ends the open special procedure (by its holder, or by the sweep when its cap is reached). */
  async resume(application: ApplicationEntity, actor: PerformOptions['actor'], expectedVersion: number | null): Promise<ApplicationEntity> {
    const open = (await this.records.pauses(application.tenantId, application.id)).find((pause) => pause.endedAt === null);
    if (open) await this.records.closePause(application.tenantId, application.id, open.seq, new Date(), actor.kind);
    return this.workflow.perform(application, 'end_special_procedure', { actor, expectedVersion });
  }

  extend(tenantId: string, principal: StaffPrincipal, id: string, request: ReasonedTransitionRequest): Promise<ApplicationView> {
    return this.decision(tenantId, principal, id, request.version, 'extend', { reason: request.reason }, async (app) => {
      if (app.legalDue) await this.notifier.notify(app, 'application.extended', { reason: request.reason, newDue: app.legalDue });
    });
  }

  complete(tenantId: string, principal: StaffPrincipal, id: string, request: CompleteRequest): Promise<ApplicationView> {
    return this.decision(
      tenantId,
      principal,
      id,
      request.version,
      'complete',
      { comment: request.comment, changes: request.deliveryMode ? { deliveryMode: request.deliveryMode } : {} },
      (app) => this.notifier.notify(app, 'application.completed', {}),
    );
  }

  terminate(tenantId: string, principal: StaffPrincipal, id: string, request: ReasonedTransitionRequest): Promise<ApplicationView> {
    return this.decision(tenantId, principal, id, request.version, 'terminate', { reason: request.reason });
  }

  /** Takes the current step (an unassigned step, or one already mine). */
  claim(tenantId: string, principal: StaffPrincipal, id: string, request: TransitionRequest): Promise<ApplicationView> {
    return this.uow.run({ tenantId }, async () => {
      const application = await this.workflow.load(tenantId, id);
      const post = this.assertHolder(principal, application, await this.currentStepAssignee(application));
      const updated = await this.setAssignee(application, request.version, principal.id, principal.name);
      return this.views.build(updated, { kind: 'staff', post });
    });
  }

  /** A supervisor or centre admin hands the current step to a staff member holding its post. */
  assign(tenantId: string, principal: StaffPrincipal, id: string, request: AssignStepRequest): Promise<ApplicationView> {
    return this.uow.run({ tenantId }, async () => {
      const application = await this.workflow.load(tenantId, id);
      const assignee = await this.staff.findById(tenantId, request.staffId);
      if (!assignee?.active || !application.currentPost || !assignee.roles.includes(application.currentPost as never)) {
        throw ApprovalError.ASSIGNEE_NOT_ELIGIBLE();
      }
      const updated = await this.setAssignee(application, request.version, assignee.id, assignee.name);
      return this.views.build(updated, { kind: 'staff' });
    });
  }

  private async setAssignee(application: ApplicationEntity, expectedVersion: number, staffId: string, name: string): Promise<ApplicationEntity> {
    const open = await this.records.openStepOf(application.tenantId, application.id);
    if (!open) throw ApprovalError.TRANSITION_NOT_ALLOWED({ action: 'assign' });
    if (!(await this.applications.updateIfVersion(application.tenantId, application.id, expectedVersion, { currentAssigneeId: staffId }))) {
      throw PlatformError.CONCURRENT_MODIFICATION();
    }
    await this.records.assignStep(application.tenantId, application.id, open.seq, staffId, name);
    await this.audit.record(application.tenantId, {
      action: 'step.assigned',
      subjectType: 'application',
      subjectId: application.id,
      details: { stepSeq: open.seq, assigneeId: staffId, previousAssigneeId: open.assigneeId },
    });
    return { ...application, currentAssigneeId: staffId, version: application.version + 1 };
  }

  private onStep(
    tenantId: string,
    principal: StaffPrincipal,
    id: string,
    version: number,
    action: ApplicationAction,
    options: Pick<PerformOptions, 'comment' | 'reason'>,
    after?: (application: ApplicationEntity) => Promise<void>,
  ): Promise<ApplicationView> {
    return this.uow.run({ tenantId }, async () => {
      const application = await this.workflow.load(tenantId, id);
      const assignee = await this.currentStepAssignee(application);
      const post = this.assertHolder(principal, application, assignee);
      if (assignee === null) {
        // Whoever acts on an unassigned step is its holder: accountability names them.
        const open = await this.records.openStepOf(tenantId, id);
        if (open) await this.records.assignStep(tenantId, id, open.seq, principal.id, principal.name);
      }
      const updated = await this.workflow.perform(application, action, { actor: staffActor(principal, post), expectedVersion: version, ...options });
      await after?.(updated);
      return this.views.build(updated, { kind: 'staff', post });
    });
  }

  private decision(
    tenantId: string,
    principal: StaffPrincipal,
    id: string,
    version: number,
    action: ApplicationAction,
    options: Pick<PerformOptions, 'comment' | 'reason' | 'changes'>,
    after?: (application: ApplicationEntity) => Promise<void>,
  ): Promise<ApplicationView> {
    return this.uow.run({ tenantId }, async () => {
      const application = await this.workflow.load(tenantId, id);
      const updated = await this.workflow.perform(application, action, { actor: staffActor(principal, 'approver'), expectedVersion: version, ...options });
      await after?.(updated);
      return this.views.build(updated, { kind: 'staff', post: 'approver' });
    });
  }

  private async currentStepAssignee(application: ApplicationEntity): Promise<string | null> {
    const open = await this.records.openStepOf(application.tenantId, application.id);
    return open?.assigneeId ?? null;
  }

  /** The caller must hold the step's post, and the step must be theirs or unassigned. */
  private assertHolder(principal: StaffPrincipal, application: ApplicationEntity, assignee: string | null): StepPost {
    const post = application.currentPost;
    const inSteps = application.status === ApplicationStatus.Accepted || application.status === ApplicationStatus.AcceptedMaterialsOwed;
    if (!inSteps || !post) throw ApprovalError.TRANSITION_NOT_ALLOWED({ status: application.status });
    if (!holdsPost(principal, post)) throw ApprovalError.NOT_YOUR_POST({ post });
    if (assignee !== null && assignee !== principal.id) throw ApprovalError.STEP_ASSIGNED_TO_OTHER();
    return post as StepPost;
  }
}
