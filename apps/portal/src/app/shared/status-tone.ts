import { ApplicationStatus } from '@zhengwu/approval/domain';

/**
 * How a status chip looks, i.e. what the applicant should take from it at a glance:
 * - `draft`: not sent yet;
 * - `waiting`: with the centre before acceptance, nothing to do;
 * - `action`: the applicant must act (correct materials, bring paper, hand in owed materials);
 * - `progress`: accepted, the clock runs;
 * - `success`: approved or completed;
 * - `refused`: denied or not accepted;
 * - `closed`: withdrawn or terminated.
 */
export type StatusTone = 'draft' | 'waiting' | 'action' | 'progress' | 'success' | 'refused' | 'closed';

export function statusTone(status: ApplicationStatus): StatusTone {
  switch (status) {
    case ApplicationStatus.Draft:
      return 'draft';
    case ApplicationStatus.Submitted:
    case ApplicationStatus.PreReviewPassed:
    case ApplicationStatus.ReceivedAtCounter:
      return 'waiting';
    case ApplicationStatus.Returned:
    case ApplicationStatus.CorrectionRequested:
    case ApplicationStatus.AwaitingPaper:
    case ApplicationStatus.AcceptedMaterialsOwed:
      return 'action';
    case ApplicationStatus.Accepted:
      return 'progress';
    case ApplicationStatus.Approved:
    case ApplicationStatus.Completed:
      return 'success';
    case ApplicationStatus.Denied:
    case ApplicationStatus.NotAccepted:
      return 'refused';
    case ApplicationStatus.Withdrawn:
    case ApplicationStatus.Terminated:
      return 'closed';
    default:
      return unknownStatus(status);
  }
}

// A status added to the domain must be given a tone here: this stops the build until it is.
function unknownStatus(status: never): StatusTone {
  return status;
}
