import { Injectable } from '@nestjs/common';
import { ApplicationStatus, isBadReview } from '@zhengwu/approval/domain';
import { ApplicationRecordsRepository, ApprovalSettingsRepository, RatingEntity, RatingRepository } from '@zhengwu/approval/data-access';
import { CentreCalendar } from '@zhengwu/calendar/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { ApplicantPrincipal } from '@zhengwu/server/core/tenancy';
import type { RateRequest, RatingView } from '@zhengwu/shared/contracts';
import { v7 as uuidv7 } from 'uuid';
import { ApprovalError } from '../approval-errors';
import { ApplicantNotifier } from '../workflow/applicant-notifier';
import { ApplicationWorkflow } from '../workflow/application-workflow.service';

const RATEABLE_CASE = new Set<ApplicationStatus>([ApplicationStatus.Completed, ApplicationStatus.NotAccepted]);
/** Channel 1 (PC) when the client does not say: online ratings come from the portal. */
const DEFAULT_CHANNEL = 1;

/**
 * 好差评: the applicant rates each finished step and the completed case once. A bad rating
 * (不满意/非常不满意) opens a rectification case with the centre's deadline (local practice: 15 working days).
 */
@Injectable()
export class RatingsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly workflow: ApplicationWorkflow,
    private readonly records: ApplicationRecordsRepository,
    private readonly ratings: RatingRepository,
    private readonly settings: ApprovalSettingsRepository,
    private readonly calendars: CentreCalendar,
    private readonly notifier: ApplicantNotifier,
  ) {}

  rate(tenantId: string, principal: ApplicantPrincipal, applicationId: string, request: RateRequest): Promise<RatingView> {
    return this.uow.run({ tenantId, applicantId: principal.id }, async () => {
      const application = await this.workflow.load(tenantId, applicationId);
      let handlerId: string | null = null;
      if (request.stepSeq !== undefined) {
        const step = (await this.records.steps(tenantId, applicationId)).find((s) => s.seq === request.stepSeq);
        if (!step?.finishedAt) throw ApprovalError.RATING_NOT_ALLOWED({ stepSeq: request.stepSeq });
        handlerId = step.handlerId;
      } else if (!RATEABLE_CASE.has(application.status)) {
        throw ApprovalError.RATING_NOT_ALLOWED({ status: application.status });
      }
      const existing = await this.ratings.ofApplication(tenantId, applicationId);
      if (existing.some((rating) => rating.stepSeq === (request.stepSeq ?? null))) throw ApprovalError.RATING_NOT_ALLOWED();

      const rating: RatingEntity = {
        tenantId,
        id: uuidv7(),
        applicationId,
        applicantId: principal.id,
        stepSeq: request.stepSeq ?? null,
        level: request.level,
        indicators: request.indicators ?? [],
        comment: request.comment ?? null,
        channel: request.channel ?? DEFAULT_CHANNEL,
        handlerId,
        createdAt: new Date(),
      };
      await this.ratings.insert(tenantId, rating);
      const bad = isBadReview(rating.level);
      if (bad) {
        const { rectificationWorkingDays } = await this.settings.of(tenantId);
        const due = (await this.calendars.forCentre(tenantId)).addWorkingDays(rating.createdAt, rectificationWorkingDays);
        await this.ratings.openRectification(tenantId, {
          tenantId,
          id: uuidv7(),
          ratingId: rating.id,
          applicationId,
          caseNumber: application.caseNumber ?? '',
          status: 'open',
          due: due.date,
          dueProvisional: due.provisional,
          responsibleStaffId: handlerId,
          createdAt: rating.createdAt,
          updatedAt: rating.createdAt,
        });
        await this.notifier.notify(application, 'rating.rectification_opened', { rectificationDue: due.date });
      }
      return {
        id: rating.id,
        stepSeq: rating.stepSeq,
        level: rating.level,
        indicators: rating.indicators,
        comment: rating.comment,
        createdAt: rating.createdAt.toISOString(),
        rectificationOpened: bad,
      };
    });
  }
}
