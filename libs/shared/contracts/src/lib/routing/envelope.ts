/**
 * A signed message between centres (ARCHITECTURE.md §6). The signature (Ed25519, base64url) covers
 * the RFC 8785 canonical JSON of every other field. `type` names a versioned contract.
 */
export interface Envelope<P = unknown> {
  /** UUIDv7: unique, and ordered by creation time. */
  id: string;
  type: RouteType;
  /** Sending centre (6-digit code). */
  from: string;
  /** Receiving centre. */
  to: string;
  /** The case number the message is about, when there is one. */
  issue: string | null;
  /** The staff member (or `system`) on whose action it was sent. */
  actor: string | null;
  createdAt: string;
  payload: P;
  /** On a reply: SHA-256 (hex) of the canonical envelope it answers. */
  requestHash: string | null;
  /** Which of the sender's keys signed it (its directory key id). */
  keyId: string;
  signature: string;
}

export const ROUTE_TYPES = [
  'verification.requested.v1',
  'verification.completed.v1',
  'application.forwarded.v1',
  'application.status.v1',
  'application.supplemented.v1',
  'reconcile.request.v1',
  'reconcile.report.v1',
  'directory.updated.v1',
  'supervision.snapshot.v1',
] as const;

export type RouteType = (typeof ROUTE_TYPES)[number];

/** An envelope before its sender signs it: the exact members the signature covers. */
export type UnsignedEnvelope<P = unknown> = Omit<Envelope<P>, 'signature'>;
