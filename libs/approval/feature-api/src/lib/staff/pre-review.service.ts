import { Injectable } from '@nestjs/common';
import { ApplicationStatus, checkNewNotice, DEFECT_KIND_LABELS } from '@zhengwu/approval/domain';
import { ApplicationEntity, ApplicationRecordsRepository, OriginalsCheckRepository } from '@zhengwu/approval/data-access';
import { AuditLog } from '@zhengwu/org/data-access';
import { CatalogueReader } from '@zhengwu/catalogue/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import type { AcceptRequest, ApplicationView, NotAcceptRequest, OverrideReturnRequest, ReturnWithNoticeRequest } from '@zhengwu/shared/contracts';
import { ApprovalError } from '../approval-errors';
import { awaitsOriginalsCheck } from '../originals/check-point';
import { OriginalsCheckService } from '../originals/originals-check.service';
import { ApplicationViewBuilder, materialHistory } from '../views/application-view.builder';
import { ApplicantNotifier } from '../workflow/applicant-notifier';
import { ApplicationWorkflow } from '../workflow/application-workflow.service';
import { staffActor } from './staff-actor';

/**
 * Window pre-review (预审): accept (受理; the clock starts, a 即办件 is decided on the spot), return
 * with the one-time notice (一次性告知, 行政许可法 §32), or not accept with reasons and legal basis.
 */
@Injectable()
export class PreReviewService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly workflow: ApplicationWorkflow,
    private readonly records: ApplicationRecordsRepository,
    private readonly catalogue: CatalogueReader,
    private readonly notifier: ApplicantNotifier,
    private readonly views: ApplicationViewBuilder,
    private readonly originals: OriginalsCheckService,
    private readonly checks: OriginalsCheckRepository,
    private readonly audit: AuditLog,
  ) {}

  accept(tenantId: string, principal: StaffPrincipal, applicationId: string, request: AcceptRequest): Promise<ApplicationView> {
    return this.uow.run({ tenantId }, async () => {
      const application = await this.workflow.load(tenantId, applicationId);
      if (awaitsOriginalsCheck(application, 'before_acceptance')) throw ApprovalError.ORIGINALS_NOT_VERIFIED();
      const owed = request.owedMaterials ?? [];
      if (owed.length > 0) await this.assertDeferrable(application, owed);
      const actor = staffActor(principal, 'window_clerk');
      let updated = await this.workflow.perform(application, owed.length > 0 ? 'accept_with_owed_materials' : 'accept', {
        actor,
        expectedVersion: request.version,
        comment: request.comment,
        eventData: owed.length > 0 ? { owedMaterials: owed } : {},
      });
      // The procedure's first step is usually 受理 at the window: acceptance itself completes it.
      if (updated.currentStep === 0 && updated.currentPost === 'window_clerk' && updated.stepCount > 1) {
        updated = await this.workflow.perform(updated, 'pass_step', { actor, expectedVersion: null, comment: request.comment });
      }
      if (updated.status === ApplicationStatus.Completed) {
        await this.notifier.notify(updated, 'application.completed', {});
      } else if (updated.status === ApplicationStatus.Approved) {
        // A 即办件 decided on the spot whose originals must still be seen.
        if (awaitsOriginalsCheck(updated, 'after_approval')) await this.originals.request(updated, principal.id);
      } else if (updated.promisedDue) {
        await this.notifier.notify(updated, 'application.accepted', { promisedDue: updated.promisedDue });
      }
      return this.views.build(updated, { kind: 'staff', post: 'window_clerk' });
    });
  }

  returnWithNotice(tenantId: string, principal: StaffPrincipal, applicationId: string, request: ReturnWithNoticeRequest): Promise<ApplicationView> {
    return this.returnApplication(tenantId, principal, applicationId, request, null);
  }

  /** A supervisor may raise defects the one-time rule refuses; the written reason is kept for supervision. */
  returnWithOverride(tenantId: string, principal: StaffPrincipal, applicationId: string, request: OverrideReturnRequest): Promise<ApplicationView> {
    return this.returnApplication(tenantId, principal, applicationId, request, request.overrideReason);
  }

  notAccept(tenantId: string, principal: StaffPrincipal, applicationId: string, request: NotAcceptRequest): Promise<ApplicationView> {
    return this.uow.run({ tenantId }, async () => {
      const application = await this.workflow.load(tenantId, applicationId);
      const updated = await this.workflow.perform(application, 'not_accept', {
        actor: staffActor(principal, 'window_clerk'),
        expectedVersion: request.version,
        reason: request.reason,
        eventData: { legalBasis: request.legalBasis },
      });
      await this.notifier.notify(updated, 'application.not_accepted', { reason: `${request.reason}（${request.legalBasis}）` });
      return this.views.build(updated, { kind: 'staff', post: 'window_clerk' });
    });
  }

  private returnApplication(
    tenantId: string,
    principal: StaffPrincipal,
    applicationId: string,
    request: ReturnWithNoticeRequest,
    overrideReason: string | null,
  ): Promise<ApplicationView> {
    return this.uow.run({ tenantId }, async () => {
      const application = await this.workflow.load(tenantId, applicationId);
      const item = await this.catalogue.itemForApplication(tenantId, application.itemId);
      const names = new Map((item?.materials ?? []).map((m) => [m.code, m.name]));
      const unknown = request.defects.filter((defect) => !names.has(defect.materialCode)).map((d) => d.materialCode);
      if (unknown.length > 0) throw ApprovalError.DEFECT_MATERIAL_UNKNOWN({ materialCodes: unknown });

      const notices = await this.records.notices(tenantId, application.id);
      const materials = await this.records.materialVersions(tenantId, application.id);
      const check = checkNewNotice({
        previousNotices: notices.map((notice) => ({ sentAt: notice.sentAt.toISOString(), defects: notice.defects })),
        materials: materialHistory(materials),
        defects: request.defects,
      });
      if (!check.allowed && overrideReason === null) {
        throw ApprovalError.ONE_TIME_NOTICE_VIOLATION({ violations: check.violations });
      }
      const updated = await this.workflow.perform(application, 'return_with_notice', {
        actor: staffActor(principal, overrideReason === null ? 'window_clerk' : 'supervisor'),
        expectedVersion: request.version,
        eventData: { defects: request.defects.length, ...(overrideReason ? { override: true } : {}) },
        reportNote: request.defects.map((defect) => `${names.get(defect.materialCode) ?? defect.materialCode}：${defect.explanation}`).join('；'),
        ...(overrideReason ? { comment: `override: ${overrideReason}` } : {}),
      });
      await this.records.addNotice(tenantId, {
        tenantId,
        applicationId: application.id,
        seq: updated.noticesSent,
        applicantId: application.applicantId,
        sentAt: new Date(),
        sentBy: principal.id,
        defects: request.defects.map((defect) => ({ materialCode: defect.materialCode, kind: defect.kind, explanation: defect.explanation })),
        overrideReason: overrideReason,
        overrideBy: overrideReason === null ? null : principal.id,
      });
      await this.notifier.notify(updated, 'application.returned', {
        defects: request.defects.map((defect) => ({
          materialName: `${names.get(defect.materialCode) ?? defect.materialCode}（${DEFECT_KIND_LABELS[defect.kind].zh}）`,
          explanation: defect.explanation,
        })),
      });
      return this.views.build(updated, { kind: 'staff', post: 'window_clerk' });
    });
  }

  /** The paper originals forwarded by a verifying centre arrived at this counter. */
  confirmPaperArrival(tenantId: string, principal: StaffPrincipal, applicationId: string): Promise<ApplicationView> {
    return this.uow.run({ tenantId }, async () => {
      const application = await this.workflow.load(tenantId, applicationId);
      const forwarded = (await this.checks.checksOf(tenantId, applicationId)).filter((c) => c.custody === 'forwarded' && !c.paperArrivedAt).pop();
      if (!forwarded) throw ApprovalError.TRANSITION_NOT_ALLOWED({ action: 'confirm_paper_arrival' });
      await this.checks.updateCheck(tenantId, applicationId, forwarded.seq, { paperArrivedAt: new Date() });
      await this.audit.record(tenantId, { action: 'originals.paper_arrived', subjectType: 'application', subjectId: applicationId, details: { checkSeq: forwarded.seq } });
      return this.views.build(application, { kind: 'staff', post: 'window_clerk' });
    });
  }

  private async assertDeferrable(application: ApplicationEntity, owed: readonly string[]): Promise<void> {
    const item = await this.catalogue.itemForApplication(application.tenantId, application.itemId);
    const deferrable = new Set((item?.materials ?? []).filter((m) => m.deferrable).map((m) => m.code));
    const refused = owed.filter((code) => !deferrable.has(code));
    if (refused.length > 0) throw ApprovalError.MATERIAL_NOT_REQUIRED_BY_ITEM({ notDeferrable: refused });
  }
}
