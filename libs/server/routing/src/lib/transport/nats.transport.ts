import { Injectable } from '@nestjs/common';
import type { Envelope } from '@zhengwu/shared/contracts';
import { NatsConnector } from './nats-connector';
import type { PublishResult, RouteTransport } from './route-transport';

/**
 * Publishes an envelope to JetStream on `<prefix>.<to>.<type>` with the envelope id as Nats-Msg-Id:
 * a relay publishing the same envelope again (a lapsed claim, a lost PubAck) is dropped by the
 * stream's duplicate window, and anything later by the receiver's inbox. Success is the PubAck:
 * the stream has stored it.
 */
@Injectable()
export class NatsTransport implements RouteTransport {
  readonly name = 'nats' as const;

  constructor(private readonly nats: NatsConnector) {}

  async publish(envelope: Envelope<unknown>, serialized: string): Promise<PublishResult> {
    await this.nats.jetstream().publish(this.nats.subject(envelope.to, envelope.type), serialized, { msgID: envelope.id });
    return { ok: true };
  }
}
