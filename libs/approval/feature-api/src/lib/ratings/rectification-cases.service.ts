import { Injectable } from '@nestjs/common';
import { RECTIFICATION_NOTE_REQUIRED, rectificationActionsFor, rectificationStep, type RectificationState } from '@zhengwu/approval/domain';
import { RectificationEntity } from '@zhengwu/approval/data-access';
import { CentreCalendar } from '@zhengwu/calendar/data-access';
import { parseCivilDate } from '@zhengwu/calendar/domain';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { defineErrors } from '@zhengwu/server/core/errors';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import type { RectificationActionRequest, RectificationCaseView, RectificationCasesQuery } from '@zhengwu/shared/contracts';
import { In } from 'typeorm';

const LIST_LIMIT = 200;

export const RectificationError = defineErrors({
  RECTIFICATION_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '未找到该整改事项。', en: 'No such rectification case.' },
  },
  RECTIFICATION_ACTION_NOT_ALLOWED: {
    kind: 'conflict',
    message: { zh: '整改事项当前状态下不能执行该操作。', en: 'This action is not allowed in the rectification case’s current status.' },
  },
  RECTIFICATION_ALREADY_EXTENDED: {
    kind: 'conflict',
    message: { zh: '整改期限只能延长一次。', en: 'The rectification deadline can be extended only once.' },
  },
  RECTIFICATION_ALREADY_FOLLOWED_UP: {
    kind: 'conflict',
    message: { zh: '已记录回访结果。', en: 'The follow-up call has already been recorded.' },
  },
  RECTIFICATION_NOTE_REQUIRED: {
    kind: 'invalid',
    message: { zh: '请填写说明。', en: 'Please give a note.' },
  },
  RECTIFICATION_WORKING_DAYS_REQUIRED: {
    kind: 'invalid',
    message: { zh: '请填写延长的工作日数。', en: 'Please give the number of working days to extend by.' },
  },
});

function stateOf(entity: RectificationEntity): RectificationState {
  return { status: entity.status, extended: !!entity.extendedAt, followedUp: !!entity.followUpAt };
}

export function rectificationCaseView(entity: RectificationEntity): RectificationCaseView {
  return {
    id: entity.id,
    caseNumber: entity.caseNumber,
    applicationId: entity.applicationId,
    status: entity.status,
    due: entity.due,
    dueProvisional: entity.dueProvisional,
    firstDue: entity.firstDue ?? null,
    extendedAt: entity.extendedAt?.toISOString() ?? null,
    note: entity.note ?? null,
    handledByName: entity.handledByName ?? null,
    followUp: entity.followUpAt ? { at: entity.followUpAt.toISOString(), note: entity.followUpNote ?? '', byName: entity.followUpByName ?? null } : null,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    actions: rectificationActionsFor(stateOf(entity)),
  };
}

/**
 * Handling of the rectification cases bad reviews open (差评整改), by the centre's supervisors:
 * validity (with appeal and its review), rectification with one extension, done or cannot fix,
 * and the follow-up call. The course itself is the approval domain's (rectificationStep).
 */
@Injectable()
export class RectificationCasesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly calendars: CentreCalendar,
  ) {}

  list(tenantId: string, query: RectificationCasesQuery): Promise<RectificationCaseView[]> {
    return this.uow.run({ tenantId }, async () => {
      const rows = await this.uow
        .manager({ tenantId })
        .getRepository(RectificationEntity)
        .find({ where: { tenantId, ...(query.status?.length ? { status: In(query.status) } : {}) }, order: { due: 'ASC', createdAt: 'ASC' }, take: LIST_LIMIT });
      return rows.map(rectificationCaseView);
    });
  }

  act(tenantId: string, id: string, staff: StaffPrincipal, request: RectificationActionRequest, now: Date): Promise<RectificationCaseView> {
    return this.uow.run({ tenantId }, async () => {
      const repository = this.uow.manager({ tenantId }).getRepository(RectificationEntity);
      const entity = await repository.findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
      if (!entity) throw RectificationError.RECTIFICATION_NOT_FOUND();
      const step = rectificationStep(stateOf(entity), request.action);
      if (!step.ok) {
        if (step.reason === 'ALREADY_EXTENDED') throw RectificationError.RECTIFICATION_ALREADY_EXTENDED();
        if (step.reason === 'ALREADY_FOLLOWED_UP') throw RectificationError.RECTIFICATION_ALREADY_FOLLOWED_UP();
        throw RectificationError.RECTIFICATION_ACTION_NOT_ALLOWED({ status: entity.status, action: request.action });
      }
      const note = request.note?.trim() ?? '';
      if (RECTIFICATION_NOTE_REQUIRED.has(request.action) && note.length === 0) throw RectificationError.RECTIFICATION_NOTE_REQUIRED();

      if (request.action === 'follow_up') {
        Object.assign(entity, { followUpAt: now, followUpNote: note, followUpByName: staff.name });
      } else {
        if (request.action === 'extend') {
          if (!request.workingDays) throw RectificationError.RECTIFICATION_WORKING_DAYS_REQUIRED();
          const due = (await this.calendars.forCentre(tenantId)).addWorkingDays(parseCivilDate(entity.due), request.workingDays);
          Object.assign(entity, { firstDue: entity.due, due: due.date, dueProvisional: due.provisional, extendedAt: now });
        }
        Object.assign(entity, { status: step.status, note: note || entity.note || null, handledByName: staff.name });
      }
      entity.updatedAt = now;
      await repository.save(entity);
      return rectificationCaseView(entity);
    });
  }
}
