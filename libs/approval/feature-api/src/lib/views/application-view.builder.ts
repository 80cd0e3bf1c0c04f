import { Injectable } from '@nestjs/common';
import { allowedActions, noticeLocks, STATUS_LABELS, TransitionContext } from '@zhengwu/approval/domain';
import {
  ApplicationEntity,
  ApplicationMaterialEntity,
  ApplicationNoticeEntity,
  ApplicationPauseEntity,
  ApplicationRecordsRepository,
  ApplicationStepEntity,
  OriginalsCheckRepository,
  RatingRepository,
} from '@zhengwu/approval/data-access';
import { CatalogueReader } from '@zhengwu/catalogue/data-access';
import type {
  ApplicationMaterialView,
  ApplicationSummary,
  ApplicationView,
  NoticeView,
  PauseView,
  TimelineEntry,
} from '@zhengwu/shared/contracts';
import { maskName } from '@zhengwu/shared/util';
import { stateOf } from '../workflow/application-state';

export type Audience = { kind: 'applicant' } | { kind: 'staff'; post?: TransitionContext['post'] };

interface MaterialRequirement {
  code: string;
  name: string;
  required: boolean;
  originalCount: number;
  copyCount: number;
  deferrable: boolean;
  sampleDocumentId: string | null;
}

/**
 * Builds what applicants and staff see of an application, inside the caller's unit of work. The
 * applicant sees handlers masked (李**), no override reasons and no internal comments.
 */
@Injectable()
export class ApplicationViewBuilder {
  constructor(
    private readonly records: ApplicationRecordsRepository,
    private readonly ratings: RatingRepository,
    private readonly catalogue: CatalogueReader,
    private readonly checks: OriginalsCheckRepository,
  ) {}

  async build(application: ApplicationEntity, audience: Audience): Promise<ApplicationView> {
    const tenantId = application.tenantId;
    // One after another: these share the unit of work's single connection.
    const steps = await this.records.steps(tenantId, application.id);
    const notices = await this.records.notices(tenantId, application.id);
    const pauses = await this.records.pauses(tenantId, application.id);
    const materials = await this.records.materialVersions(tenantId, application.id);
    const ratings = await this.ratings.ofApplication(tenantId, application.id);
    const item = await this.catalogue.itemForApplication(tenantId, application.itemId);
    const checks = await this.checks.checksOf(tenantId, application.id);
    const requirements: MaterialRequirement[] = item?.materials ?? [];
    const forStaff = audience.kind === 'staff';
    const openPause = pauses.find((pause) => pause.endedAt === null) ?? null;
    const ratedSteps = new Set(ratings.map((rating) => rating.stepSeq));
    const current = steps.find((step) => step.finishedAt === null) ?? null;
    const context: TransitionContext =
      audience.kind === 'applicant' ? { actor: 'applicant' } : { actor: 'staff', ...(audience.post ? { post: audience.post } : {}) };

    return {
      id: application.id,
      version: application.version,
      centreCode: tenantId,
      receivingCentre: application.receivingCentre,
      verificationCentre: application.verificationCentre,
      caseNumber: application.caseNumber,
      ...(forStaff ? {} : { queryCode: application.queryCode }),
      item: {
        id: application.itemId,
        name: application.itemName,
        departmentName: application.departmentName,
        caseType: application.caseType,
        itemTypeCode: application.itemTypeCode,
      },
      applicant: { kind: application.applicantKind, name: application.applicantName, identityMasked: application.applicantIdentityMasked },
      status: application.status,
      statusLabel: STATUS_LABELS[application.status],
      clockState: application.clockState,
      pause: openPause ? pauseView(openPause) : null,
      supervisionLevel: application.supervisionLevel,
      resultType: application.resultType,
      deliveryMode: application.deliveryMode,
      originalsCheckRequired: application.originalsCheckRequired,
      originalsVerified: application.originalsVerified,
      originalsChecks: checks.map((check) => ({
        seq: check.seq,
        verifyingCentre: check.verifyingCentre,
        status: check.status,
        requestedAt: check.requestedAt.toISOString(),
        completedAt: iso(check.completedAt),
        results: check.results,
        identityChecked: check.identityChecked,
        custody: check.custody,
        courierNumber: check.courierNumber,
        paperArrivedAt: iso(check.paperArrivedAt),
      })),
      deadlines: {
        promisedDue: application.promisedDue,
        legalDue: application.legalDue,
        provisional: application.deadlinesProvisional,
        extensionWorkingDays: application.extensionWorkingDays,
      },
      currentStep: current
        ? {
            position: current.position,
            name: current.name,
            post: current.post,
            due: current.due,
            assignee: current.assigneeName ? (forStaff ? current.assigneeName : maskName(current.assigneeName)) : null,
          }
        : null,
      timeline: steps.map((step) => timelineEntry(step, forStaff, ratedSteps.has(step.seq))),
      pauses: pauses.map(pauseView),
      notices: notices.map((notice) => noticeView(notice, requirements, forStaff)),
      materials: materialViews(requirements, materials),
      ...(forStaff
        ? {
            noticeLocks: noticeLocks({
              previousNotices: notices.map((notice) => ({ sentAt: notice.sentAt.toISOString(), defects: notice.defects })),
              materials: materialHistory(materials),
            }),
          }
        : {}),
      allowedActions: allowedActions(stateOf(application), context),
      formData: application.formData as Record<string, unknown>,
      createdAt: application.createdAt.toISOString(),
      submittedAt: iso(application.submittedAt),
      acceptedAt: iso(application.acceptedAt),
      completedAt: iso(application.completedAt),
      deemedAcceptedAt: iso(application.deemedAcceptedAt),
      caseRated: ratedSteps.has(null),
    };
  }
}

export function summaryOf(application: ApplicationEntity): ApplicationSummary {
  return {
    id: application.id,
    centreCode: application.tenantId,
    caseNumber: application.caseNumber,
    itemName: application.itemName,
    applicantName: application.applicantName,
    status: application.status,
    statusLabel: STATUS_LABELS[application.status],
    clockState: application.clockState,
    supervisionLevel: application.supervisionLevel,
    currentStepName: null,
    currentPost: application.currentPost,
    currentStepDue: application.currentStepDue,
    promisedDue: application.promisedDue,
    submittedAt: iso(application.submittedAt),
    createdAt: application.createdAt.toISOString(),
    version: application.version,
  };
}

export function materialHistory(materials: readonly ApplicationMaterialEntity[]) {
  const byCode = new Map<string, Array<{ version: number; uploadedAt: string }>>();
  for (const material of materials) {
    const versions = byCode.get(material.materialCode) ?? [];
    versions.push({ version: material.version, uploadedAt: material.uploadedAt.toISOString() });
    byCode.set(material.materialCode, versions);
  }
  return [...byCode.entries()].map(([materialCode, versions]) => ({ materialCode, versions }));
}

function materialViews(requirements: readonly MaterialRequirement[], materials: readonly ApplicationMaterialEntity[]): ApplicationMaterialView[] {
  return requirements.map((requirement) => ({
    code: requirement.code,
    name: requirement.name,
    required: requirement.required,
    originalCount: requirement.originalCount,
    copyCount: requirement.copyCount,
    deferrable: requirement.deferrable,
    sampleDocumentId: requirement.sampleDocumentId,
    versions: materials
      .filter((material) => material.materialCode === requirement.code)
      .map((material) => ({
        version: material.version,
        fileName: material.fileName,
        mediaType: material.mediaType,
        sizeBytes: Number(material.sizeBytes),
        sha256: material.sha256,
        uploadedAt: material.uploadedAt.toISOString(),
        uploadedBy: material.uploadedByKind,
      })),
  }));
}

function timelineEntry(step: ApplicationStepEntity, forStaff: boolean, rated: boolean): TimelineEntry {
  return {
    seq: step.seq,
    position: step.position,
    code: step.code,
    name: step.name,
    post: step.post,
    handler: step.handlerName ? (forStaff ? step.handlerName : maskName(step.handlerName)) : null,
    ...(forStaff ? { assignee: step.assigneeName, comment: step.comment } : {}),
    startedAt: step.startedAt.toISOString(),
    due: step.due,
    dueProvisional: step.dueProvisional,
    finishedAt: iso(step.finishedAt),
    outcome: step.outcome,
    rated,
  };
}

function noticeView(notice: ApplicationNoticeEntity, requirements: readonly MaterialRequirement[], forStaff: boolean): NoticeView {
  return {
    seq: notice.seq,
    sentAt: notice.sentAt.toISOString(),
    defects: notice.defects.map((defect) => {
      const requirement = requirements.find((r) => r.code === defect.materialCode);
      return {
        materialCode: defect.materialCode,
        materialName: requirement?.name ?? defect.materialCode,
        kind: defect.kind,
        explanation: defect.explanation,
        sampleDocumentId: requirement?.sampleDocumentId ?? null,
      };
    }),
    ...(forStaff && notice.overrideReason && notice.overrideBy ? { override: { reason: notice.overrideReason, by: notice.overrideBy } } : {}),
  };
}

function pauseView(pause: ApplicationPauseEntity): PauseView {
  return {
    kind: pause.kind as PauseView['kind'],
    reason: pause.reason,
    startedAt: pause.startedAt.toISOString(),
    capWorkingDays: pause.capWorkingDays,
    resumeBy: pause.resumeBy,
    endedAt: iso(pause.endedAt),
  };
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}
