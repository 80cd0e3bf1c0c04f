import { Injectable } from '@nestjs/common';
import type { WorkingDayCalendar } from '@zhengwu/calendar/domain';
import {
  AccountabilityRecordRepository,
  SupervisionAlertRepository,
  SupervisionNoticeRepository,
  type WorkContext,
} from '@zhengwu/supervision/data-access';
import { AccountabilityRecordEntity, SupervisionNoticeEntity } from '@zhengwu/supervision/data-access';
import type { Finding } from '@zhengwu/supervision/domain';
import { randomUUID } from 'node:crypto';

/** Working days a department has to answer a 督办 notice. */
export const NOTICE_RESPONSE_WORKING_DAYS = 3;

/** A notice about work no department answers for (a routed originals check) goes to the windows. */
const WINDOWS_DEPARTMENT = '窗口服务';

export interface RaiseResult {
  raised: number;
  notices: number;
}

/** Rows per multi-row INSERT of notices and records (PostgreSQL takes at most 65,535 parameters). */
const INSERT_CHUNK = 1_000;

/**
 * Raises alerts, and for each new red one, in the same transaction, the supervision notice to the
 * responsible department and the accountability record naming who held the work at that moment.
 * A second sweeper seeing the same finding inserts nothing (unique alert key), so neither the
 * notice nor the record can be doubled. Set-based: the first sweep after a backlog (a deployment,
 * a restore, a long outage) raises tens of thousands at once.
 */
@Injectable()
export class AlertRaiser {
  constructor(
    private readonly alerts: SupervisionAlertRepository,
    private readonly notices: SupervisionNoticeRepository,
    private readonly accountability: AccountabilityRecordRepository,
  ) {}

  async raise(tenantId: string, found: ReadonlyArray<{ finding: Finding; context: WorkContext }>, calendar: WorkingDayCalendar, now: Date): Promise<RaiseResult> {
    const alerts = await this.alerts.raiseMany(tenantId, found, now);
    const red = alerts.filter((alert) => alert.level === 'red');
    if (red.length === 0) return { raised: alerts.length, notices: 0 };

    const responseDue = calendar.addWorkingDays(now, NOTICE_RESPONSE_WORKING_DAYS);
    const notices = red.map((alert) =>
      Object.assign(new SupervisionNoticeEntity(), {
        tenantId,
        id: randomUUID(),
        alertId: alert.id,
        ruleId: alert.ruleId,
        applicationId: alert.applicationId,
        caseNumber: alert.caseNumber,
        departmentId: alert.departmentId,
        departmentName: alert.departmentName ?? WINDOWS_DEPARTMENT,
        issuedAt: now,
        responseWorkingDays: NOTICE_RESPONSE_WORKING_DAYS,
        responseDue: responseDue.date,
        responseDueProvisional: responseDue.provisional,
        status: 'open',
        response: null,
        respondedAt: null,
        respondedBy: null,
        respondedByName: null,
        closedAt: null,
        closedBy: null,
        closedByName: null,
        closingComment: null,
      } satisfies SupervisionNoticeEntity),
    );
    const records = red.map((alert, index) =>
      Object.assign(new AccountabilityRecordEntity(), {
        tenantId,
        id: randomUUID(),
        alertId: alert.id,
        noticeId: (notices[index] as SupervisionNoticeEntity).id,
        ruleId: alert.ruleId,
        level: alert.level,
        applicationId: alert.applicationId,
        caseNumber: alert.caseNumber,
        stepSeq: alert.stepSeq,
        stepName: alert.stepName,
        post: alert.post,
        departmentName: alert.departmentName,
        holderId: alert.holderId,
        holderName: alert.holderName,
        due: alert.due,
        workingDays: alert.workingDays,
        recordedAt: now,
      } satisfies AccountabilityRecordEntity),
    );
    for (let from = 0; from < red.length; from += INSERT_CHUNK) {
      await this.notices.insert(tenantId, notices.slice(from, from + INSERT_CHUNK));
      await this.accountability.insert(tenantId, records.slice(from, from + INSERT_CHUNK));
    }
    return { raised: alerts.length, notices: notices.length };
  }
}
