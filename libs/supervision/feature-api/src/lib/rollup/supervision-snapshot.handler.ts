import { RouteHandler, type RouteMessageHandler } from '@zhengwu/server/routing';
import type { Envelope, SupervisionSnapshotV1 } from '@zhengwu/shared/contracts';
import { RollupSnapshotRepository } from '@zhengwu/supervision/data-access';
import { RollupError } from './rollup-errors';

/**
 * Stores a snapshot from a centre beneath this one (the route policy admits only those), in the
 * receiver's inbox transaction: the latest by `generatedAt` wins, an older one arriving late is a no-op.
 */
@RouteHandler('supervision.snapshot.v1')
export class SupervisionSnapshotHandler implements RouteMessageHandler<'supervision.snapshot.v1'> {
  constructor(private readonly snapshots: RollupSnapshotRepository) {}

  async handle(envelope: Envelope<SupervisionSnapshotV1>): Promise<void> {
    const snapshot = envelope.payload;
    // The signature is the sender's: it may speak only for itself.
    if (snapshot.centreCode !== envelope.from || snapshot.level === 'province') {
      throw RollupError.SNAPSHOT_SENDER_MISMATCH({ from: envelope.from, centreCode: snapshot.centreCode, level: snapshot.level });
    }
    await this.snapshots.store(envelope.to, snapshot, envelope.id, new Date());
  }
}
