import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { tenantManager } from './approval-tx';

export interface StoredResponse {
  requestHash: string;
  statusCode: number;
  response: unknown;
}

/**
 * Remembers the result of a request made with an Idempotency-Key, in the same transaction as its
 * effect: either both are stored or neither, so a retry after a crash redoes the work exactly once.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Takes the key for this request, waiting for a concurrent holder of the same key to finish. */
  async find(tenantId: string, applicantId: string, key: string): Promise<StoredResponse | null> {
    const manager = tenantManager(this.uow, tenantId);
    // A transaction-scoped advisory lock per key makes a concurrent duplicate wait for the first.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${tenantId}:${applicantId}:${key}`]);
    const rows: Array<{ request_hash: string; status_code: number; response: unknown }> = await manager.query(
      'SELECT request_hash, status_code, response FROM idempotency_keys WHERE tenant_id = $1 AND applicant_id = $2 AND key = $3',
      [tenantId, applicantId, key],
    );
    const row = rows[0];
    return row ? { requestHash: row.request_hash, statusCode: row.status_code, response: row.response } : null;
  }

  async store(tenantId: string, applicantId: string, key: string, stored: StoredResponse): Promise<void> {
    await tenantManager(this.uow, tenantId).query(
      `INSERT INTO idempotency_keys (tenant_id, applicant_id, key, request_hash, status_code, response) VALUES ($1, $2, $3, $4, $5, $6)`,
      [tenantId, applicantId, key, stored.requestHash, stored.statusCode, JSON.stringify(stored.response)],
    );
  }
}
