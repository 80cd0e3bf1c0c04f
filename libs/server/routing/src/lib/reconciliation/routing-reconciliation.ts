import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants } from '@zhengwu/server/core/tenancy';
import type {
  Envelope,
  ReconcileReportV1,
  ReconcileRequestV1,
  RequestRoutingReconciliationBody,
  RoutingReconciliationQuery,
  RoutingReconciliationRequested,
  RoutingReconciliationView,
} from '@zhengwu/shared/contracts';
import { envelopeHash } from '../envelope/envelope-signature';
import { RoutedOutbox } from '../outbox/routed-outbox';
import { RoutingError } from '../routing-errors';
import { ReconciliationRepository } from './reconciliation.repository';

const DEFAULT_WINDOW_HOURS = 7 * 24;
const DEFAULT_STUCK_AFTER_MINUTES = 10;
/** The contract's limit on ids per reconcile request. */
const IDS_PER_REQUEST = 1000;

/**
 * Per peer centre, in both directions: what was sent (outbox), published (transport acked), and
 * confirmed applied by the peer (known only from its `reconcile.report.v1`), and what was received
 * and applied here; plus the messages stuck between those states. Requests and reports are
 * answered by the routing layer itself, from the inbox: no domain code is involved.
 */
@Injectable()
export class RoutingReconciliation {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hosted: HostedTenants,
    private readonly repository: ReconciliationRepository,
    private readonly outbox: RoutedOutbox,
  ) {}

  view(centre: string, query: RoutingReconciliationQuery = {}): Promise<RoutingReconciliationView> {
    this.assertHosted(centre);
    const windowHours = query.windowHours ?? DEFAULT_WINDOW_HOURS;
    const stuckAfterMs = (query.stuckAfterMinutes ?? DEFAULT_STUCK_AFTER_MINUTES) * 60_000;
    const since = new Date(Date.now() - windowHours * 3_600_000);
    return this.uow.runForCentre(centre, async () => {
      const [peers, stuck, rounds, rejections, alerts] = [
        await this.repository.peerCounts(centre, since),
        await this.repository.stuck(centre, since, stuckAfterMs),
        await this.repository.rounds(centre, since),
        await this.repository.rejectionCount(centre, since),
        await this.repository.alerts(centre, since),
      ];
      return {
        centre,
        windowHours,
        generatedAt: new Date().toISOString(),
        peers,
        stuck,
        rounds: rounds.map((round) => ({
          id: round.id,
          peer: round.peer,
          envelopeCount: round.envelope_count,
          requestedAt: new Date(round.requested_at).toISOString(),
          answeredAt: round.answered_at ? new Date(round.answered_at).toISOString() : null,
          applied: round.applied_count,
          unknown: round.unknown_count,
          failed: round.failed_count,
        })),
        rejections,
        alerts: alerts.map((alert) => ({
          id: alert.id,
          kind: alert.kind,
          envelopeId: alert.envelope_id,
          detail: alert.detail,
          createdAt: new Date(alert.created_at).toISOString(),
        })),
      };
    });
  }

  /** Asks peers which of the envelopes sent to them (published, not yet confirmed) they applied. */
  request(centre: string, body: RequestRoutingReconciliationBody = {}): Promise<RoutingReconciliationRequested> {
    this.assertHosted(centre);
    const since = new Date(Date.now() - (body.windowHours ?? DEFAULT_WINDOW_HOURS) * 3_600_000);
    return this.uow.runForCentre(centre, async () => {
      const byPeer = await this.repository.unconfirmed(centre, since, body.peers?.length ? body.peers : null, IDS_PER_REQUEST);
      const requests: RoutingReconciliationRequested['requests'] = [];
      for (const [peer, envelopeIds] of byPeer) {
        const payload: ReconcileRequestV1 = { envelopeIds };
        const sent = await this.outbox.send(centre, { type: 'reconcile.request.v1', to: peer, actor: 'system', payload });
        await this.repository.insertRound(centre, { id: sent.id, peer, requestHash: envelopeHash(sent), envelopeIds });
        requests.push({ peer, envelopeId: sent.id, envelopeCount: envelopeIds.length });
      }
      return { requests };
    });
  }

  /** At the peer, inside the receiver's unit of work: answers from its own inbox. */
  async answer(request: Envelope<ReconcileRequestV1>): Promise<void> {
    const centre = request.to;
    const { statuses, appliedTotal } = await this.repository.inboxFrom(centre, request.from, request.payload.envelopeIds);
    const report: ReconcileReportV1 = {
      applied: request.payload.envelopeIds.filter((id) => statuses.get(id) === 'applied'),
      unknown: request.payload.envelopeIds.filter((id) => !statuses.has(id)),
      failed: request.payload.envelopeIds.filter((id) => statuses.get(id) === 'failed'),
      appliedTotalFromRequester: appliedTotal,
      at: new Date().toISOString(),
    };
    await this.outbox.send(centre, { type: 'reconcile.report.v1', to: request.from, actor: 'system', payload: report, replyTo: request });
  }

  /** Back at the requester, inside the receiver's unit of work: records the confirmations. */
  async record(report: Envelope<ReconcileReportV1>): Promise<void> {
    if (!report.requestHash) throw RoutingError.RECONCILE_REPORT_UNSOLICITED({ envelopeId: report.id });
    const recorded = await this.repository.recordReport(report.to, report.from, report.requestHash, {
      applied: report.payload.applied,
      unknown: report.payload.unknown,
      failed: report.payload.failed ?? [],
      appliedTotal: report.payload.appliedTotalFromRequester,
    });
    if (!recorded) throw RoutingError.RECONCILE_REPORT_UNSOLICITED({ envelopeId: report.id });
  }

  private assertHosted(centre: string): void {
    if (!this.hosted.has(centre)) throw RoutingError.RECONCILIATION_CENTRE_NOT_HOSTED();
  }
}
