import type { Envelope, ReconcileReportV1 } from '@zhengwu/shared/contracts';
import { RouteHandler, RouteMessageHandler } from '../receiver/route-handler.decorator';
import { RoutingReconciliation } from './routing-reconciliation';

@RouteHandler('reconcile.report.v1')
export class ReconcileReportHandler implements RouteMessageHandler<'reconcile.report.v1'> {
  constructor(private readonly reconciliation: RoutingReconciliation) {}

  handle(envelope: Envelope<ReconcileReportV1>): Promise<void> {
    return this.reconciliation.record(envelope);
  }
}
