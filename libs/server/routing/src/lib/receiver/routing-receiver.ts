import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants, RequestContext } from '@zhengwu/server/core/tenancy';
import type { Envelope } from '@zhengwu/shared/contracts';
import { Counter, Registry } from 'prom-client';
import { RejectionReason, RoutingAlerts } from '../alerts/routing-alerts';
import { CentreDirectory } from '../directory/centre-directory';
import { claimedRoute, parseEnvelope } from '../envelope/envelope-shape';
import { verifyEnvelopeSignature } from '../envelope/envelope-signature';
import { payloadProblems } from '../envelope/route-payload';
import { isRouteAllowed } from '../envelope/route-policy';
import { ROUTING_SETTINGS, RoutingSettings } from '../routing-settings';
import { NO_CENTRE } from '../routing-tenants';
import { isPermanentHandlerFailure, TransientRouteFailure } from './handler-failure';
import { RouteHandlerRegistry } from './route-handler-registry';
import type { RouteMessageHandler } from './route-handler.decorator';

export type ReceiveOutcome = 'applied' | 'duplicate' | 'rejected' | 'not_for_us';

export interface ReceiveOptions {
  /** Which transport delivered it (recorded with a rejection). */
  transport: string;
  /** Where the transport says it was addressed (the NATS subject): must match the signed envelope. */
  addressedTo?: { to: string; type: string };
}

interface Refusal {
  reason: RejectionReason;
  detail: string;
}

/**
 * Applies envelopes arriving at this deployment, exactly once each. Before anything is applied it
 * checks, in order: the envelope's form; that the receiver is hosted here (one hosted by another
 * deployment of the directory is `not_for_us`, acknowledged and ignored); the sender and its key in
 * the directory; the signature; freshness; the route policy; the payload's contract; that a handler
 * exists. A refusal changes nothing but the rejection record and an alert.
 *
 * Then, in one transaction scoped to the receiving centre: the inbox row (its primary key turns a
 * second delivery into `duplicate`) and the handler's writes. The transport acknowledges only after
 * this returns; a transient handler failure throws TransientRouteFailure so it redelivers later.
 */
@Injectable()
export class RoutingReceiver {
  private readonly outcomes: Counter<'outcome'>;

  constructor(
    private readonly config: AppConfig,
    private readonly hosted: HostedTenants,
    private readonly directory: CentreDirectory,
    private readonly handlers: RouteHandlerRegistry,
    private readonly uow: UnitOfWork,
    private readonly context: RequestContext,
    private readonly alerts: RoutingAlerts,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
    registry: Registry,
  ) {
    this.outcomes = new Counter({
      name: 'zhengwu_routing_received_total',
      help: 'Routed envelopes received, by outcome (applied, duplicate, rejected, not_for_us, retry)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
  }

  /** `input`: the parsed JSON (or the raw text) that arrived. */
  async receive(input: unknown, options: ReceiveOptions = { transport: 'direct' }): Promise<ReceiveOutcome> {
    const parsed = typeof input === 'string' ? tryParse(input) : input;
    const raw = typeof input === 'string' ? input : safeStringify(input);
    const shape = parseEnvelope(parsed);
    if (!shape.ok) {
      const claimed = claimedRoute(parsed);
      const tenantId = claimed.to && this.hosted.has(claimed.to) ? claimed.to : NO_CENTRE;
      return this.refuse(tenantId, { reason: 'malformed', detail: shape.problem }, { ...claimed, raw, transport: options.transport });
    }
    const envelope = shape.envelope;
    const record = { envelopeId: envelope.id, type: envelope.type, from: envelope.from, to: envelope.to, raw, transport: options.transport };

    if (!this.hosted.has(envelope.to)) {
      const deployment = await this.hostingDeployment(envelope.to);
      if (deployment !== undefined && deployment !== this.config.DEPLOYMENT_ID) {
        this.outcomes.inc({ outcome: 'not_for_us' });
        return 'not_for_us';
      }
      const detail =
        deployment === undefined
          ? `no deployment of the directory hosts centre ${envelope.to}`
          : `the directory assigns centre ${envelope.to} to this deployment, but HOSTED_TENANTS does not include it`;
      return this.refuse(NO_CENTRE, { reason: 'not_hosted', detail }, record);
    }
    const misaddressed = options.addressedTo && (options.addressedTo.to !== envelope.to || options.addressedTo.type !== envelope.type);
    const refusal: Refusal | undefined = misaddressed
      ? { reason: 'malformed', detail: `delivered as ${options.addressedTo?.type} for ${options.addressedTo?.to}, but signed for another route` }
      : await this.checkTrust(envelope);
    if (refusal) {
      return this.refuse(envelope.to, refusal, record);
    }
    const handler = this.handlers.handlerFor(envelope.type);
    if (!handler) {
      return this.refuse(envelope.to, { reason: 'no_handler', detail: `deployment ${this.config.DEPLOYMENT_ID} has no handler for ${envelope.type}` }, record);
    }
    return this.apply(envelope, handler, raw);
  }

  private async checkTrust(envelope: Envelope<Record<string, unknown>>): Promise<Refusal | undefined> {
    const createdAt = new Date(envelope.createdAt);
    const now = new Date();
    let key = this.directory.senderKey(envelope.from, envelope.keyId, createdAt, now);
    if (!key.ok && (key.reason === 'unknown_sender' || key.reason === 'unknown_key')) {
      // Another replica may have received a newer directory that knows the sender or its new key.
      await this.directory.refresh();
      key = this.directory.senderKey(envelope.from, envelope.keyId, createdAt, now);
    }
    if (!key.ok) {
      return { reason: key.reason, detail: `${key.reason.replace(/_/g, ' ')}: centre ${envelope.from}, key ${envelope.keyId}` };
    }
    if (!verifyEnvelopeSignature(envelope, key.key)) {
      return { reason: 'bad_signature', detail: `the signature does not verify with key ${envelope.keyId} of centre ${envelope.from}` };
    }
    const age = now.getTime() - createdAt.getTime();
    if (age > this.settings.freshnessMs) {
      return { reason: 'stale', detail: `created ${envelope.createdAt}, older than the ${Math.round(this.settings.freshnessMs / 86_400_000)}-day window (a replay?)` };
    }
    if (-age > this.settings.maxClockSkewMs) {
      return { reason: 'from_future', detail: `created ${envelope.createdAt}, in the future beyond the allowed clock skew` };
    }
    if (!isRouteAllowed(envelope.type, envelope.from, envelope.to)) {
      return { reason: 'not_allowed', detail: `centre ${envelope.from} may not send ${envelope.type} to ${envelope.to}` };
    }
    const problems = payloadProblems(envelope.type, envelope.payload);
    if (problems.length > 0) {
      return { reason: 'invalid_payload', detail: problems.slice(0, 10).join('; ') };
    }
    return undefined;
  }

  private async apply(envelope: Envelope<Record<string, unknown>>, handler: RouteMessageHandler, raw: string): Promise<ReceiveOutcome> {
    const to = envelope.to;
    try {
      const applied = await this.context.runDetached(
        () =>
          this.uow.run({ tenantId: to }, async (manager) => {
            const inserted = (await manager.query(
              `INSERT INTO routing_inbox (tenant_id, envelope_id, from_tenant, type, issue, status, error, envelope)
               VALUES ($1, $2, $3, $4, $5, 'applied', NULL, $6)
               ON CONFLICT (tenant_id, envelope_id) DO NOTHING RETURNING envelope_id`,
              [to, envelope.id, envelope.from, envelope.type, envelope.issue, raw],
            )) as unknown[];
            if (inserted.length === 0) return false;
            await handler.handle(envelope as Envelope<never>);
            return true;
          }),
        { tenantId: to },
      );
      this.outcomes.inc({ outcome: applied ? 'applied' : 'duplicate' });
      return applied ? 'applied' : 'duplicate';
    } catch (error) {
      if (!isPermanentHandlerFailure(error)) {
        this.outcomes.inc({ outcome: 'retry' });
        throw new TransientRouteFailure(envelope.id, error);
      }
      return this.recordRefusedByHandler(envelope, raw, `${error.code}: ${error.localized.en}${error.details === undefined ? '' : ` ${safeStringify(error.details)}`}`);
    }
  }

  private async recordRefusedByHandler(envelope: Envelope<Record<string, unknown>>, raw: string, reason: string): Promise<ReceiveOutcome> {
    const recorded = await this.context.runDetached(() =>
      this.uow.run({ tenantId: envelope.to }, async (manager) => {
        const rows = (await manager.query(
          `INSERT INTO routing_inbox (tenant_id, envelope_id, from_tenant, type, issue, status, error, envelope)
           VALUES ($1, $2, $3, $4, $5, 'failed', $6, $7)
           ON CONFLICT (tenant_id, envelope_id) DO NOTHING RETURNING envelope_id`,
          [envelope.to, envelope.id, envelope.from, envelope.type, envelope.issue, reason, raw],
        )) as unknown[];
        return rows.length === 1;
      }),
    );
    if (!recorded) {
      // Another delivery of the same envelope got there first.
      this.outcomes.inc({ outcome: 'duplicate' });
      return 'duplicate';
    }
    await this.alerts.alert(envelope.to, 'handler.refused', `${envelope.type} from ${envelope.from} refused by its handler: ${reason}`, envelope.id);
    this.outcomes.inc({ outcome: 'rejected' });
    return 'rejected';
  }

  private async refuse(
    tenantId: string,
    refusal: Refusal,
    record: { envelopeId: string | null; type: string | null; from: string | null; to: string | null; raw: string; transport: string },
  ): Promise<ReceiveOutcome> {
    await this.alerts.reject({ tenantId, ...refusal, ...record });
    this.outcomes.inc({ outcome: 'rejected' });
    return 'rejected';
  }

  private async hostingDeployment(code: string): Promise<string | undefined> {
    if (!this.directory.has(code)) {
      await this.directory.refresh();
    }
    return this.directory.deploymentOf(code);
  }
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
