import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { Envelope, ROUTE_TYPES, RoutePayloads, RouteType, UnsignedEnvelope } from '@zhengwu/shared/contracts';
import { v7 as uuidv7 } from 'uuid';
import { CentreDirectory } from '../directory/centre-directory';
import { asJson } from '../envelope/canonical-json';
import { parseEnvelope } from '../envelope/envelope-shape';
import { envelopeHash, signEnvelope } from '../envelope/envelope-signature';
import { payloadProblems } from '../envelope/route-payload';
import { isRouteAllowed } from '../envelope/route-policy';
import { CentreKeys } from '../keys/centre-keys';
import { OutboxRepository } from './outbox.repository';

export interface RoutedMessage<T extends RouteType = RouteType> {
  type: T;
  /** The receiving centre (it may be the sender itself: a case checked at its own centre). */
  to: string;
  /** The case number the message is about. */
  issue?: string | null;
  /** Who caused it (staff id, or `system`). */
  actor?: string | null;
  payload: RoutePayloads[T];
  /** The envelope this one answers: its hash becomes `requestHash`. */
  replyTo?: Envelope<unknown>;
}

/**
 * Sends a message from a centre: checked (the receiver in the directory, the route allowed, the
 * payload valid for its contract: a failure is a bug and throws), signed with the sender's key and
 * written to the outbox IN THE CALLER'S unit of work for the sender, so it is sent if and only if
 * the change that causes it commits. The relay publishes it after the commit.
 */
@Injectable()
export class RoutedOutbox {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: CentreDirectory,
    private readonly keys: CentreKeys,
    private readonly outbox: OutboxRepository,
  ) {}

  async send<T extends RouteType>(from: string, message: RoutedMessage<T>): Promise<Envelope<RoutePayloads[T]>> {
    // Fails unless the caller's unit of work is scoped to the sender.
    this.uow.manager({ tenantId: from });
    const { type, to } = message;
    if (!ROUTE_TYPES.includes(type)) throw new Error(`Unknown route type ${String(type)}`);
    if (!this.directory.has(from)) throw new Error(`Centre ${from} is not in the centre directory (version ${this.directory.version()})`);
    if (!this.directory.has(to)) throw new Error(`Centre ${to} is not in the centre directory (version ${this.directory.version()})`);
    if (!isRouteAllowed(type, from, to)) throw new Error(`Centre ${from} may not send ${type} to ${to} (route policy)`);
    const payload = asJson(message.payload);
    const problems = payloadProblems(type, payload);
    if (problems.length > 0) {
      throw new Error(`Invalid ${type} payload: ${problems.slice(0, 10).join('; ')}`);
    }

    const now = new Date();
    const key = this.keys.signingKey(from, now);
    const unsigned: UnsignedEnvelope<RoutePayloads[T]> = {
      id: uuidv7(),
      type,
      from,
      to,
      issue: message.issue ?? null,
      actor: message.actor ?? null,
      createdAt: now.toISOString(),
      payload,
      requestHash: message.replyTo ? envelopeHash(message.replyTo) : null,
      keyId: key.keyId,
    };
    const envelope = signEnvelope(unsigned, key.privateKey);
    const shape = parseEnvelope(envelope);
    if (!shape.ok) throw new Error(`Refusing to send a malformed envelope: ${shape.problem}`);
    await this.outbox.insert(from, envelope, JSON.stringify(envelope));
    return envelope;
  }
}
