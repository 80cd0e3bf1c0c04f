import type { AccountabilityRecordEntity, SupervisionAlertEntity, SupervisionNoticeEntity } from '@zhengwu/supervision/data-access';
import type { AccountabilityRecordView, SupervisionAlertView as AlertView, SupervisionNoticeView as NoticeView } from '@zhengwu/shared/contracts';

export function alertView(alert: SupervisionAlertEntity): AlertView {
  return {
    id: alert.id,
    ruleId: alert.ruleId,
    level: alert.level,
    subjectKind: alert.subjectKind,
    applicationId: alert.applicationId,
    caseNumber: alert.caseNumber,
    itemName: alert.itemName,
    departmentName: alert.departmentName,
    stepSeq: alert.stepSeq,
    stepName: alert.stepName,
    post: alert.post,
    due: alert.due,
    workingDays: alert.workingDays,
    provisional: alert.provisional,
    notify: alert.notify,
    holderId: alert.holderId,
    holderName: alert.holderName,
    raisedAt: alert.raisedAt.toISOString(),
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
  };
}

export function noticeView(notice: SupervisionNoticeEntity): NoticeView {
  return {
    id: notice.id,
    alertId: notice.alertId,
    ruleId: notice.ruleId,
    caseNumber: notice.caseNumber,
    applicationId: notice.applicationId,
    departmentId: notice.departmentId,
    departmentName: notice.departmentName,
    issuedAt: notice.issuedAt.toISOString(),
    responseWorkingDays: notice.responseWorkingDays,
    responseDue: notice.responseDue,
    responseDueProvisional: notice.responseDueProvisional,
    status: notice.status,
    response: notice.response,
    respondedAt: notice.respondedAt?.toISOString() ?? null,
    respondedByName: notice.respondedByName,
    closedAt: notice.closedAt?.toISOString() ?? null,
    closedByName: notice.closedByName,
    closingComment: notice.closingComment,
  };
}

export function accountabilityView(record: AccountabilityRecordEntity): AccountabilityRecordView {
  return {
    id: record.id,
    alertId: record.alertId,
    noticeId: record.noticeId,
    ruleId: record.ruleId,
    level: record.level,
    caseNumber: record.caseNumber,
    applicationId: record.applicationId,
    stepSeq: record.stepSeq,
    stepName: record.stepName,
    post: record.post,
    departmentName: record.departmentName,
    holderId: record.holderId,
    holderName: record.holderName,
    due: record.due,
    workingDays: record.workingDays,
    recordedAt: record.recordedAt.toISOString(),
  };
}
