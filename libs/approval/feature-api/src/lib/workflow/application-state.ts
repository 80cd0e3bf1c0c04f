import type { ApplicationState, CaseType, ClockState, SpecialProcedureKind } from '@zhengwu/approval/domain';
import type { ApplicationEntity } from '@zhengwu/approval/data-access';

/** The domain state machine's view of a stored application. */
export function stateOf(application: ApplicationEntity): ApplicationState {
  return {
    status: application.status,
    clock: application.clockState as ClockState,
    currentStep: application.currentStep,
    stepCount: application.stepCount,
    caseType: application.caseType as CaseType,
    originalsCheckRequired: application.originalsCheckRequired,
    originalsVerified: application.originalsVerified,
    extensionUsed: application.extensionUsed,
    openSpecialProcedure: application.openSpecialProcedure as SpecialProcedureKind | null,
    noticesSent: application.noticesSent,
  };
}
