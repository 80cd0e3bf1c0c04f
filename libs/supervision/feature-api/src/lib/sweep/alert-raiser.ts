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
  raised: boolean;
  notice: boolean;
}

/**
 * Raises one alert, and for a red one, in the same transaction, the supervision notice to the
 * responsible department and the accountability record naming who held the work at that moment.
 * A second sweeper seeing the same finding inserts nothing (unique alert key), so neither the
 * notice nor the record can be doubled.
 */
@Injectable()
export class AlertRaiser {
  constructor(
    private readonly alerts: SupervisionAlertRepository,
    private readonly notices: SupervisionNoticeRepository,
    private readonly accountability: AccountabilityRecordRepository,
  ) {}

  async raise(tenantId: string, finding: Finding, context: WorkContext, calendar: WorkingDayCalendar, now: Date): Promise<RaiseResult> {
    const alert = await this.alerts.raise(tenantId, finding, context, now);
    if (!alert) return { raised: false, notice: false };
    if (alert.level !== 'red') return { raised: true, notice: false };

    const responseDue = calendar.addWorkingDays(now, NOTICE_RESPONSE_WORKING_DAYS);
    const notice = Object.assign(new SupervisionNoticeEntity(), {
      tenantId,
      id: randomUUID(),
      alertId: alert.id,
      ruleId: alert.ruleId,
      applicationId: alert.applicationId,
      caseNumber: alert.caseNumber,
      departmentId: context.departmentId,
      departmentName: context.departmentName ?? WINDOWS_DEPARTMENT,
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
    } satisfies SupervisionNoticeEntity);
    await this.notices.insert(tenantId, notice);

    await this.accountability.insert(
      tenantId,
      Object.assign(new AccountabilityRecordEntity(), {
        tenantId,
        id: randomUUID(),
        alertId: alert.id,
        noticeId: notice.id,
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
    return { raised: true, notice: true };
  }
}
