import { Injectable } from '@nestjs/common';
import { HostedTenants } from '@zhengwu/server/core/tenancy';
import type { Envelope } from '@zhengwu/shared/contracts';
import { RoutingReceiver } from '../receiver/routing-receiver';
import type { PublishResult, RouteTransport } from './route-transport';

/**
 * Delivery inside one deployment: the relay hands the envelope straight to the receiver, which
 * verifies and applies it like any other (same outbox, same inbox, same checks). A receiver this
 * deployment does not host cannot be reached: there is no other deployment to hand it to.
 */
@Injectable()
export class LoopbackTransport implements RouteTransport {
  readonly name = 'loopback' as const;

  constructor(
    private readonly hosted: HostedTenants,
    private readonly receiver: RoutingReceiver,
  ) {}

  async publish(envelope: Envelope<unknown>, serialized: string): Promise<PublishResult> {
    if (!this.hosted.has(envelope.to)) {
      return { ok: false, reason: `centre ${envelope.to} is not hosted by this deployment and the loopback transport reaches no other` };
    }
    // Applied, duplicate or refused (recorded at the receiver): either way the envelope is settled.
    const outcome = await this.receiver.receive(serialized, { transport: 'loopback' });
    return outcome === 'not_for_us' ? { ok: false, reason: `centre ${envelope.to} is hosted by another deployment` } : { ok: true };
  }
}
