import { Injectable } from '@nestjs/common';
import { ApplicationStatus, parseCaseNumber, STATUS_LABELS } from '@zhengwu/approval/domain';
import { ApplicationRecordsRepository, ApplicationRepository, EventLog, RatingRepository } from '@zhengwu/approval/data-access';
import { CentreCalendar } from '@zhengwu/calendar/data-access';
import { chinaCivilDate } from '@zhengwu/calendar/domain';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants, Principal, StaffPrincipal } from '@zhengwu/server/core/tenancy';
import type {
  ApplicationSummary,
  ApplicationView,
  ChainVerificationView,
  InboxQuery,
  PageOf,
  PublicCaseView,
  RectificationView,
} from '@zhengwu/shared/contracts';
import { timingSafeEqual } from 'node:crypto';
import { ApprovalError } from '../approval-errors';
import { ApplicationViewBuilder, summaryOf } from './application-view.builder';

const STEP_POSTS = ['window_clerk', 'reviewer', 'approver'] as const;

@Injectable()
export class ApplicationQueriesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly applications: ApplicationRepository,
    private readonly records: ApplicationRecordsRepository,
    private readonly ratings: RatingRepository,
    private readonly events: EventLog,
    private readonly calendars: CentreCalendar,
    private readonly views: ApplicationViewBuilder,
    private readonly hosted: HostedTenants,
  ) {}

  /** One application: to its applicant (RLS narrows to their own) or to staff of the centre. */
  view(tenantId: string, principal: Principal, applicationId: string): Promise<ApplicationView> {
    const scope = principal.kind === 'applicant' ? { tenantId, applicantId: principal.id } : { tenantId };
    return this.uow.run(scope, async () => {
      const application = await this.applications.findById(tenantId, applicationId);
      if (!application) throw ApprovalError.APPLICATION_NOT_FOUND();
      const post = principal.kind === 'staff' && application.currentPost && principal.roles.includes(application.currentPost as never)
        ? (application.currentPost as 'window_clerk' | 'reviewer' | 'approver')
        : undefined;
      return this.views.build(application, principal.kind === 'applicant' ? { kind: 'applicant' } : { kind: 'staff', post });
    });
  }

  /** The applicant's own applications across every centre of this deployment. */
  async mine(applicantId: string, page: number, pageSize: number): Promise<PageOf<ApplicationSummary>> {
    const result = await this.uow.run({ applicantId }, () => this.applications.ofApplicant(applicantId, page, pageSize));
    return { ...result, items: result.items.map(summaryOf) };
  }

  /** What waits at the caller's posts in their centre, soonest due first. */
  inbox(tenantId: string, principal: StaffPrincipal, query: InboxQuery): Promise<PageOf<ApplicationSummary>> {
    const held = STEP_POSTS.filter((post) => principal.roles.includes(post as never));
    const posts = query.post ? held.filter((post) => post === query.post) : held;
    return this.uow.run({ tenantId }, async () => {
      if (posts.length === 0) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      const today = chinaCivilDate(new Date());
      let dueOnOrBefore: string | undefined;
      if (query.dueWithin !== undefined) {
        const calendar = await this.calendars.forCentre(tenantId);
        dueOnOrBefore = calendar.addWorkingDays(today, query.dueWithin).date;
      }
      const result = await this.applications.inbox(tenantId, {
        posts,
        statuses: query.status as ApplicationStatus[] | undefined,
        itemId: query.itemId,
        dueOnOrBefore,
        overdueAsOf: query.overdue ? today : undefined,
        assigneeId: query.mine ? principal.id : undefined,
        page: query.page,
        pageSize: query.pageSize,
      });
      return { ...result, items: result.items.map(summaryOf) };
    });
  }

  /** Public lookup: case number + query code, no personal data; a wrong code looks like no case. */
  async publicLookup(caseNumber: string, queryCode: string): Promise<PublicCaseView> {
    const parsed = parseCaseNumber(caseNumber);
    if (!parsed || !this.hosted.has(parsed.centreCode)) throw ApprovalError.PUBLIC_CASE_NOT_FOUND();
    const tenantId = parsed.centreCode;
    return this.uow.run({ tenantId }, async () => {
      const application = await this.applications.findByCaseNumber(tenantId, caseNumber);
      if (!application?.queryCode || !sameCode(application.queryCode, queryCode.toUpperCase())) throw ApprovalError.PUBLIC_CASE_NOT_FOUND();
      const steps = await this.records.steps(tenantId, application.id);
      return {
        caseNumber,
        centreCode: tenantId,
        itemName: application.itemName,
        status: application.status,
        statusLabel: STATUS_LABELS[application.status],
        clockState: application.clockState,
        promisedDue: application.promisedDue,
        steps: steps.map((step) => ({
          name: step.name,
          startedAt: step.startedAt.toISOString(),
          finishedAt: step.finishedAt?.toISOString() ?? null,
          outcome: step.outcome,
        })),
        submittedAt: application.submittedAt?.toISOString() ?? null,
        completedAt: application.completedAt?.toISOString() ?? null,
      };
    });
  }

  verifyChain(tenantId: string): Promise<ChainVerificationView> {
    return this.uow.run({ tenantId }, () => this.events.verify(tenantId));
  }

  rectifications(tenantId: string): Promise<RectificationView[]> {
    return this.uow.run({ tenantId }, async () =>
      (await this.ratings.rectifications(tenantId, ['open', 'valid', 'appealed', 'rectifying'])).map((r) => ({
        id: r.id,
        caseNumber: r.caseNumber,
        applicationId: r.applicationId,
        status: r.status,
        due: r.due,
        dueProvisional: r.dueProvisional,
        createdAt: r.createdAt.toISOString(),
      })),
    );
  }
}

function sameCode(stored: string, given: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
