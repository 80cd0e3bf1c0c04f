import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { CalendarOverrideEntity } from '../entities/calendar-override.entity';

/** Calendar overrides of one centre. Every method takes the centre first; RLS enforces it again. */
@Injectable()
export class CalendarOverrideRepository {
  constructor(private readonly uow: UnitOfWork) {}

  list(tenantId: string): Promise<CalendarOverrideEntity[]> {
    return this.repo(tenantId).find({ where: { tenantId }, order: { date: 'ASC' } });
  }

  find(tenantId: string, date: string): Promise<CalendarOverrideEntity | null> {
    return this.repo(tenantId).findOne({ where: { tenantId, date } });
  }

  /** Creates or replaces the override for the row's date. */
  async upsert(tenantId: string, row: CalendarOverrideEntity): Promise<void> {
    if (row.tenantId !== tenantId) {
      throw new Error(`Row for tenant ${row.tenantId} passed to a repository call for tenant ${tenantId}`);
    }
    await this.repo(tenantId).upsert(row, { conflictPaths: ['tenantId', 'date'] });
  }

  /** True when there was an override to remove. */
  async remove(tenantId: string, date: string): Promise<boolean> {
    const result = await this.repo(tenantId).delete({ tenantId, date });
    return (result.affected ?? 0) > 0;
  }

  private repo(tenantId: string) {
    return this.uow.manager({ tenantId }).getRepository(CalendarOverrideEntity);
  }
}
