import { Module } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { Envelope, VerificationRequestedV1 } from '@zhengwu/shared/contracts';
import { RouteHandler, RouteMessageHandler } from '../receiver/route-handler.decorator';

/*
 * Test-only: a `verification.requested.v1` handler that records each call and writes a marker row
 * in the receiver's transaction (so a rolled-back application leaves no marker).
 */
export const recorded = { calls: [] as Array<Envelope<VerificationRequestedV1>> };

@RouteHandler('verification.requested.v1')
class RecordingVerificationHandler implements RouteMessageHandler<'verification.requested.v1'> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle(envelope: Envelope<VerificationRequestedV1>): Promise<void> {
    recorded.calls.push(envelope);
    await this.uow
      .manager({ tenantId: envelope.to })
      .query(`INSERT INTO routing_alerts (tenant_id, id, kind, envelope_id, detail) VALUES ($1, gen_random_uuid(), 'test.handled', $2, 'marker')`, [
        envelope.to,
        envelope.id,
      ]);
  }
}

@Module({ providers: [RecordingVerificationHandler] })
export class RecordingHandlers {}

/** How many times each envelope id was handled. */
export function callsById(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of recorded.calls) counts.set(call.id, (counts.get(call.id) ?? 0) + 1);
  return counts;
}
