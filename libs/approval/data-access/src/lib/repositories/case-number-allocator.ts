import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { tenantManager } from './approval-tx';

/**
 * The per-centre, per-day sequence in case numbers. One upsert, inside the submitting transaction:
 * concurrent submissions queue on the row, and a rolled-back submission gives its number back.
 */
@Injectable()
export class CaseNumberAllocator {
  constructor(private readonly uow: UnitOfWork) {}

  async next(tenantId: string, day: string): Promise<number> {
    const rows: Array<{ last_value: number }> = await tenantManager(this.uow, tenantId).query(
      `INSERT INTO case_number_sequences (tenant_id, day, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (tenant_id, day) DO UPDATE SET last_value = case_number_sequences.last_value + 1
       RETURNING last_value`,
      [tenantId, day],
    );
    const value = rows[0]?.last_value;
    if (value === undefined) throw new Error('Case number sequence did not return a value');
    return value;
  }
}
