import type { Envelope } from '@zhengwu/shared/contracts';

export type PublishResult = { ok: true } | { ok: false; reason: string };

/**
 * Carries envelopes from the relay to the receiving deployment. `publish` resolves `ok` once the
 * transport has taken responsibility for the envelope (loopback: the receiver settled it; NATS:
 * the JetStream PubAck), `{ ok: false }` when it can never be delivered, and throws when it should
 * be tried again later.
 */
export interface RouteTransport {
  readonly name: 'loopback' | 'nats';
  publish(envelope: Envelope<unknown>, serialized: string): Promise<PublishResult>;
}

export const ROUTE_TRANSPORT = Symbol('ROUTE_TRANSPORT');
