import type { Envelope, ReconcileRequestV1 } from '@zhengwu/shared/contracts';
import { RouteHandler, RouteMessageHandler } from '../receiver/route-handler.decorator';
import { RoutingReconciliation } from './routing-reconciliation';

@RouteHandler('reconcile.request.v1')
export class ReconcileRequestHandler implements RouteMessageHandler<'reconcile.request.v1'> {
  constructor(private readonly reconciliation: RoutingReconciliation) {}

  handle(envelope: Envelope<ReconcileRequestV1>): Promise<void> {
    return this.reconciliation.answer(envelope);
  }
}
