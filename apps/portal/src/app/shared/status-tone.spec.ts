import { APPLICATION_STATUSES, ApplicationStatus } from '@zhengwu/approval/domain';
import { statusTone } from './status-tone';

describe('statusTone', () => {
  it('tells the applicant when it is their move', () => {
    expect(
      [ApplicationStatus.Returned, ApplicationStatus.CorrectionRequested, ApplicationStatus.AwaitingPaper, ApplicationStatus.AcceptedMaterialsOwed].map(
        statusTone,
      ),
    ).toEqual(['action', 'action', 'action', 'action']);
  });

  it('maps every status of the domain', () => {
    const tones = Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, statusTone(status)]));
    expect(tones).toEqual({
      10: 'draft',
      12: 'waiting',
      14: 'action',
      16: 'waiting',
      24: 'action',
      26: 'waiting',
      28: 'action',
      30: 'progress',
      37: 'action',
      40: 'refused',
      50: 'success',
      90: 'success',
      97: 'refused',
      98: 'closed',
      99: 'closed',
    });
  });
});
