import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import { DepartmentHeadRepository, SupervisionNoticeRepository } from '@zhengwu/supervision/data-access';
import { mayAnswerNotice } from '@zhengwu/supervision/domain';
import type { SupervisionNoticeView as NoticeView, SupervisionPage as Page } from '@zhengwu/shared/contracts';
import { noticeView } from '../board/supervision-views.mapper';
import type { CloseNoticeRequest, NoticesQuery, RespondToNoticeRequest } from '../supervision.dto';
import { SupervisionError } from '../supervision-errors';

/** 督办 notices: the department answers (again, if the supervisor wants more), a supervisor closes. */
@Injectable()
export class SupervisionNoticesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notices: SupervisionNoticeRepository,
    private readonly heads: DepartmentHeadRepository,
  ) {}

  /** Every notice of the centre (supervisors), or with `answerer` those that staff member may answer. */
  list(tenantId: string, query: NoticesQuery, answerer?: StaffPrincipal): Promise<Page<NoticeView>> {
    return this.uow.run({ tenantId }, async () => {
      const { items, total } = await this.notices.list(tenantId, {
        status: query.status,
        answerableBy: answerer?.id,
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map(noticeView), total };
    });
  }

  respond(tenantId: string, id: string, staff: StaffPrincipal, body: RespondToNoticeRequest, now: Date): Promise<NoticeView> {
    return this.uow.run({ tenantId }, async () => {
      const notice = await this.notices.lockOne(tenantId, id);
      if (!notice) throw SupervisionError.NOTICE_NOT_FOUND();
      if (notice.status === 'closed') throw SupervisionError.NOTICE_CLOSED();
      const heads = notice.departmentId ? await this.heads.activeHeadsOf(tenantId, notice.departmentId) : [];
      if (!mayAnswerNotice(heads, staff.id)) throw SupervisionError.NOTICE_NOT_FOR_YOUR_DEPARTMENT({ departmentName: notice.departmentName });
      Object.assign(notice, { status: 'responded', response: body.response.trim(), respondedAt: now, respondedBy: staff.id, respondedByName: staff.name });
      await this.notices.save(tenantId, notice);
      return noticeView(notice);
    });
  }

  close(tenantId: string, id: string, staff: StaffPrincipal, body: CloseNoticeRequest, now: Date): Promise<NoticeView> {
    return this.uow.run({ tenantId }, async () => {
      const notice = await this.notices.lockOne(tenantId, id);
      if (!notice) throw SupervisionError.NOTICE_NOT_FOUND();
      if (notice.status === 'closed') throw SupervisionError.NOTICE_CLOSED();
      Object.assign(notice, { status: 'closed', closedAt: now, closedBy: staff.id, closedByName: staff.name, closingComment: body.comment?.trim() || null });
      await this.notices.save(tenantId, notice);
      return noticeView(notice);
    });
  }
}
