import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);

export class RoutingReconciliationQuery {
  /** How far back to count, in hours (default 7 days). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(24 * 90)
  windowHours?: number;

  /** A message still unpublished, or unconfirmed after a reconcile round, this long is reported stuck. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(7 * 24 * 60)
  stuckAfterMinutes?: number;
}

export class RequestRoutingReconciliationBody {
  /** Peer centres to ask (default: every peer this centre sent to in the window). */
  @IsOptional() @IsArray() @ArrayMaxSize(500) @Matches(/^\d{6}$/, { each: true })
  peers?: string[];

  @IsOptional() @IsInt() @Min(1) @Max(24 * 90)
  windowHours?: number;
}

export interface PeerRoutingCounts {
  peer: string;
  /** What this centre sent to the peer: written to the outbox, handed to the transport, confirmed applied by the peer. */
  sent: number;
  published: number;
  confirmedApplied: number;
  /** Given up after the last delivery attempt (an alert was raised). */
  dead: number;
  /** What this centre received from the peer: applied, and refused by the handler. */
  received: number;
  applied: number;
  failed: number;
}

export type StuckState = 'unpublished' | 'dead' | 'unconfirmed' | 'unknown_at_peer' | 'failed_at_peer';

export interface StuckRoutedMessage {
  envelopeId: string;
  peer: string;
  type: string;
  state: StuckState;
  /** Since when it has been in that state (created, published, or reported). */
  since: string;
  ageSeconds: number;
}

export interface RoutingReconciliationView {
  centre: string;
  windowHours: number;
  generatedAt: string;
  peers: PeerRoutingCounts[];
  stuck: StuckRoutedMessage[];
  rounds: Array<{
    id: string;
    peer: string;
    envelopeCount: number;
    requestedAt: string;
    answeredAt: string | null;
    applied: number | null;
    unknown: number | null;
    failed: number | null;
  }>;
  /** Envelopes refused on arrival at this centre in the window (each one also raised an alert). */
  rejections: number;
  alerts: Array<{ id: string; kind: string; envelopeId: string | null; detail: string; createdAt: string }>;
}

export interface RoutingReconciliationRequested {
  requests: Array<{ peer: string; envelopeId: string; envelopeCount: number }>;
}
