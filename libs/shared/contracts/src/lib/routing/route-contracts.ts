import { ApplicationForwardedV1, ApplicationStatusV1, ApplicationSupplementedV1 } from './application.messages';
import { DirectoryUpdatedV1 } from './directory';
import type { RouteType } from './envelope';
import { ReconcileReportV1, ReconcileRequestV1 } from './reconcile.messages';
import { SupervisionSnapshotV1 } from './supervision.messages';
import { VerificationCompletedV1, VerificationRequestedV1 } from './verification.messages';

/**
 * The payload contract of every route type: senders validate against it before signing, receivers
 * before applying. A new or changed payload is a new type version, never an edit of a published one.
 */
export const ROUTE_CONTRACTS: Readonly<Record<RouteType, new () => object>> = Object.freeze({
  'verification.requested.v1': VerificationRequestedV1,
  'verification.completed.v1': VerificationCompletedV1,
  'application.forwarded.v1': ApplicationForwardedV1,
  'application.status.v1': ApplicationStatusV1,
  'application.supplemented.v1': ApplicationSupplementedV1,
  'reconcile.request.v1': ReconcileRequestV1,
  'reconcile.report.v1': ReconcileReportV1,
  'directory.updated.v1': DirectoryUpdatedV1,
  'supervision.snapshot.v1': SupervisionSnapshotV1,
});

/** The payload type of each route type, for typed senders and handlers. */
export interface RoutePayloads {
  'verification.requested.v1': VerificationRequestedV1;
  'verification.completed.v1': VerificationCompletedV1;
  'application.forwarded.v1': ApplicationForwardedV1;
  'application.status.v1': ApplicationStatusV1;
  'application.supplemented.v1': ApplicationSupplementedV1;
  'reconcile.request.v1': ReconcileRequestV1;
  'reconcile.report.v1': ReconcileReportV1;
  'directory.updated.v1': DirectoryUpdatedV1;
  'supervision.snapshot.v1': SupervisionSnapshotV1;
}
