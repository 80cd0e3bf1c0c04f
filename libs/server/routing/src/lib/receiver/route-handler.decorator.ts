import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { Envelope, RoutePayloads, RouteType } from '@zhengwu/shared/contracts';

export const ROUTE_HANDLER_KEY = 'zhengwu:route-handler';

/**
 * Applies one route type's envelopes at the receiving centre. `handle` runs inside the receiver's
 * open unit of work for the receiving centre (`envelope.to`), after the inbox row is written:
 * repositories work as usual, and everything commits (or rolls back) with the inbox row.
 *
 * To refuse an envelope for good, throw a DomainError of a 4xx kind (invalid, not_found, forbidden,
 * conflict, …): it is recorded as failed, alerted, acknowledged and never retried. Anything else
 * (a lost connection, a deadlock, a DomainError of kind `unavailable`, or CONCURRENT_MODIFICATION)
 * is transient: the transaction rolls back and the envelope is delivered again later.
 */
export interface RouteMessageHandler<T extends RouteType = RouteType> {
  handle(envelope: Envelope<RoutePayloads[T]>): Promise<void>;
}

/** Declares the class as the handler of a route type; discovered at boot (one per type per deployment). */
export const RouteHandler = (type: RouteType) => applyDecorators(Injectable(), SetMetadata(ROUTE_HANDLER_KEY, type));
