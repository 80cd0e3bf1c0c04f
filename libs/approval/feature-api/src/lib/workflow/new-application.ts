import { initialState } from '@zhengwu/approval/domain';
import type { ApplicationEntity } from '@zhengwu/approval/data-access';
import type { ItemForApplication } from '@zhengwu/catalogue/domain';
import { v7 as uuidv7 } from 'uuid';

export interface NewApplication {
  tenantId: string;
  item: ItemForApplication;
  applicant: { id: string; kind: ApplicationEntity['applicantKind']; name: string; identityMasked: string };
  receivingCentre: string;
  verificationCentre: string | null;
  deliveryMode: ApplicationEntity['deliveryMode'];
  formData: object;
  counterIntakeId?: string | null;
  receivedByName?: string | null;
}

/** A draft application for an item, pinned to the item's published procedure version. */
export function newApplication(spec: NewApplication): ApplicationEntity {
  const { item, applicant } = spec;
  const state = initialState({ caseType: item.caseType, stepCount: item.procedure.steps.length, originalsCheckRequired: item.originalsCheckRequired });
  const now = new Date();
  return {
    tenantId: spec.tenantId,
    id: uuidv7(),
    applicantId: applicant.id,
    applicantKind: applicant.kind,
    applicantName: applicant.name,
    applicantIdentityMasked: applicant.identityMasked,
    itemId: item.id,
    itemName: item.name,
    itemTypeCode: item.itemTypeCode,
    departmentName: item.departmentName,
    caseType: item.caseType,
    procedureVersionId: item.procedure.versionId,
    stepCount: item.procedure.steps.length,
    caseNumber: null,
    queryCode: null,
    receivingCentre: spec.receivingCentre,
    verificationCentre: spec.verificationCentre,
    counterIntakeId: spec.counterIntakeId ?? null,
    receivedByName: spec.receivedByName ?? null,
    status: state.status,
    clockState: state.clock,
    supervisionLevel: 'normal',
    resultType: null,
    deliveryMode: spec.deliveryMode,
    currentStep: null,
    currentPost: null,
    currentStepDue: null,
    currentAssigneeId: null,
    originalsCheckRequired: item.originalsCheckRequired,
    originalsCheckPoint: item.originalsCheckPoint,
    originalsVerified: false,
    extensionUsed: false,
    extensionWorkingDays: 0,
    openSpecialProcedure: null,
    noticesSent: 0,
    promisedLimitValue: item.promisedLimit.value,
    promisedLimitUnit: item.promisedLimit.unit,
    legalLimitValue: item.legalLimit.value,
    legalLimitUnit: item.legalLimit.unit,
    promisedDue: null,
    legalDue: null,
    deadlinesProvisional: false,
    formData: spec.formData,
    createdAt: now,
    submittedAt: null,
    acceptedAt: null,
    decidedAt: null,
    completedAt: null,
    deemedAcceptedAt: null,
    updatedAt: now,
    version: 1,
  };
}
