import { Module } from '@nestjs/common';
import { ApprovalDataAccessModule } from '@zhengwu/approval/data-access';
import { CalendarDataAccessModule } from '@zhengwu/calendar/data-access';
import { CatalogueDataAccessModule } from '@zhengwu/catalogue/data-access';
import { OrgDataAccessModule } from '@zhengwu/org/data-access';
import { NotificationsModule } from '@zhengwu/server/notifications';
import { StorageModule } from '@zhengwu/server/storage';
import { ApplicantApplicationsController } from './applicant/applicant-applications.controller';
import { ApplicationDraftsService } from './applicant/application-drafts.service';
import { MyApplicationsController } from './applicant/my-applications.controller';
import { SubmitApplicationService } from './applicant/submit-application.service';
import { ApplicationForwardedHandler } from './counter/application-forwarded.handler';
import { ApplicationSupplementedHandler } from './counter/application-supplemented.handler';
import { ApplicationStatusHandler } from './counter/application-status.handler';
import { CounterIntakeService } from './counter/counter-intake.service';
import { CounterIntakesController } from './counter/counter-intakes.controller';
import { IntakeStatusReporter } from './counter/intake-status-reporter';
import { PublicCasesController } from './public/public-cases.controller';
import { RatingsService } from './ratings/ratings.service';
import { RectificationCasesController } from './ratings/rectification-cases.controller';
import { RectificationCasesService } from './ratings/rectification-cases.service';
import { CentreCasesController } from './staff/centre-cases.controller';
import { PreReviewService } from './staff/pre-review.service';
import { StaffApplicationsController } from './staff/staff-applications.controller';
import { StepActionsService } from './staff/step-actions.service';
import { ApprovalSweeper } from './sweeper/approval-sweeper.service';
import { ApplicationQueriesService } from './views/application-queries.service';
import { ApplicationViewBuilder } from './views/application-view.builder';
import { ApplicationChangeFeed } from './live/application-change-feed';
import { LiveApplicationController } from './live/live-application.controller';
import { HallDisplayFeedController } from './hall-display/hall-display-feed.controller';
import { HallDisplaysController } from './hall-display/hall-displays.controller';
import { HallDisplayService } from './hall-display/hall-display.service';
import { OriginalsCheckService } from './originals/originals-check.service';
import { VerificationCompletedHandler } from './originals/verification-completed.handler';
import { VerificationRequestedHandler } from './originals/verification-requested.handler';
import { VerificationTasksController } from './originals/verification-tasks.controller';
import { VerificationTasksService } from './originals/verification-tasks.service';
import { ApplicantNotifier } from './workflow/applicant-notifier';
import { ApplicationWorkflow } from './workflow/application-workflow.service';
import { CaseNumbering } from './workflow/case-numbering';
import { DeadlinesService } from './workflow/deadlines.service';

/** Scope approval: applications from draft to completion, the one-time notice, steps and ratings. */
@Module({
  imports: [ApprovalDataAccessModule, CatalogueDataAccessModule, CalendarDataAccessModule, OrgDataAccessModule, NotificationsModule, StorageModule],
  controllers: [
    ApplicantApplicationsController,
    MyApplicationsController,
    StaffApplicationsController,
    CentreCasesController,
    PublicCasesController,
    VerificationTasksController,
    LiveApplicationController,
    CounterIntakesController,
    RectificationCasesController,
    HallDisplaysController,
    HallDisplayFeedController,
  ],
  providers: [
    ApplicationWorkflow,
    RectificationCasesService,
    DeadlinesService,
    ApplicantNotifier,
    ApplicationViewBuilder,
    ApplicationQueriesService,
    ApplicationDraftsService,
    SubmitApplicationService,
    PreReviewService,
    StepActionsService,
    RatingsService,
    ApprovalSweeper,
    OriginalsCheckService,
    VerificationTasksService,
    VerificationRequestedHandler,
    VerificationCompletedHandler,
    ApplicationChangeFeed,
    CaseNumbering,
    IntakeStatusReporter,
    CounterIntakeService,
    ApplicationForwardedHandler,
    ApplicationSupplementedHandler,
    ApplicationStatusHandler,
    HallDisplayService,
  ],
  exports: [ApplicationWorkflow, ApplicationQueriesService, ApprovalSweeper],
})
export class ApprovalFeatureModule {}
