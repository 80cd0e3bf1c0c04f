import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import type { MyAlertView, SupervisionPage } from '@zhengwu/shared/contracts';
import { RecipientAlertsReader } from '@zhengwu/supervision/data-access';
import { alertView } from '../board/supervision-views.mapper';
import type { ListQuery } from '../supervision.dto';

const DEFAULT_PAGE = 50;

/** The open alerts a rule addresses to the caller, as handler of the work or head of its department. */
@Injectable()
export class MyAlertsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reader: RecipientAlertsReader,
  ) {}

  mine(tenantId: string, staff: StaffPrincipal, query: ListQuery): Promise<SupervisionPage<MyAlertView>> {
    return this.uow.run({ tenantId }, async () => {
      const { items, total } = await this.reader.forStaff(tenantId, staff.id, { limit: query.limit ?? DEFAULT_PAGE, offset: query.offset ?? 0 });
      return { items: items.map(({ alert, reasons }) => ({ ...alertView(alert), reasons })), total };
    });
  }
}
