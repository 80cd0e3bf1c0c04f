import type { AppConfig } from '@zhengwu/server/core/config';

/** How routing paces itself. Production values come from AppConfig and these defaults; tests shorten them. */
export interface RoutingSettings {
  /** Pause between two relay rounds. */
  intervalMs: number;
  /** Envelopes claimed per centre per round. */
  batchSize: number;
  /** Delivery attempts before an envelope is dead (relay) or terminated (NATS max_deliver). */
  maxAttempts: number;
  /** Wait before the second attempt; doubled for each further one, with jitter, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a relay's claim keeps other relays off an envelope while it publishes it. */
  leaseMs: number;
  /** Envelopes older than this are refused as replays; newer than now + maxClockSkewMs too. */
  freshnessMs: number;
  maxClockSkewMs: number;
  /** NATS: how long the server waits for an ack before redelivering (first delivery). */
  ackWaitMs: number;
  /** NATS: messages per pull request, and how long a pull waits for them. */
  fetchBatch: number;
  fetchExpiresMs: number;
  /** How long the JetStream stream keeps envelopes for a deployment that is away (limits retention). */
  streamMaxAgeMs: number;
  /** NATS de-duplicates a re-published envelope id within this window (must exceed leaseMs). */
  duplicateWindowMs: number;
  /** Timeout of one JetStream publish (PubAck). */
  publishTimeoutMs: number;
  /**
   * Published outbox rows and applied inbox rows are deleted this long after publishing or
   * receiving them (RoutingPruner); at least minimumRetentionMs.
   */
  retentionMs: number;
  /** Pause between two pruning rounds, and rows deleted per statement. */
  pruneIntervalMs: number;
  pruneBatchSize: number;
}

const DAY_MS = 86_400_000;
const DEFAULT_RETENTION_MS = 120 * DAY_MS;
/** The longest window reconciliation counts and asks about (the contracts' windowHours ≤ 24 × 90). */
export const RECONCILIATION_MAX_WINDOW_MS = 90 * DAY_MS;

export function routingSettingsFrom(config: AppConfig, overrides: Partial<RoutingSettings> = {}): RoutingSettings {
  const settings: Omit<RoutingSettings, 'retentionMs'> & { retentionMs?: number } = {
    intervalMs: 500,
    batchSize: 50,
    maxAttempts: config.ROUTING_MAX_ATTEMPTS,
    baseDelayMs: config.ROUTING_RETRY_BASE_MS,
    maxDelayMs: config.ROUTING_RETRY_MAX_MS,
    leaseMs: config.ROUTING_RELAY_LEASE_MS,
    freshnessMs: config.ROUTING_FRESHNESS_DAYS * DAY_MS,
    maxClockSkewMs: 5 * 60_000,
    ackWaitMs: config.ROUTING_ACK_WAIT_MS,
    fetchBatch: 20,
    fetchExpiresMs: 5000,
    streamMaxAgeMs: 2 * config.ROUTING_FRESHNESS_DAYS * DAY_MS,
    duplicateWindowMs: 60 * 60_000,
    publishTimeoutMs: 5000,
    pruneIntervalMs: 60 * 60_000,
    pruneBatchSize: 5000,
    ...(config.ROUTING_RETENTION_DAYS === undefined ? {} : { retentionMs: config.ROUTING_RETENTION_DAYS * DAY_MS }),
    ...overrides,
  };
  const retentionMs = settings.retentionMs ?? Math.max(DEFAULT_RETENTION_MS, minimumRetentionMs(settings));
  if (retentionMs < minimumRetentionMs(settings)) {
    throw new Error(
      `Routing retention of ${retentionMs / DAY_MS} day(s) is shorter than the ${minimumRetentionMs(settings) / DAY_MS} day(s) ` +
        'the inbox must remember envelopes for (reconciliation window + JetStream stream max age)',
    );
  }
  return { ...settings, retentionMs };
}

/**
 * How long inbox and outbox rows must outlive their envelope. The inbox row is what makes a second
 * delivery a duplicate: JetStream may hold an envelope streamMaxAgeMs (2 × freshness) and the
 * receiver refuses any envelope older than freshnessMs (+ clock skew) as a replay, so past
 * streamMaxAgeMs a pruned inbox row can no longer let a redelivery be applied twice. On top of that,
 * reconciliation counts both tables over up to 90 days and a peer answers a reconcile request
 * (which may take up to the stream's max age to arrive) from its inbox: rows younger than that
 * window plus the stream age are still needed, or the peer would report applied envelopes unknown.
 */
export function minimumRetentionMs(settings: Pick<RoutingSettings, 'streamMaxAgeMs'>): number {
  return RECONCILIATION_MAX_WINDOW_MS + settings.streamMaxAgeMs;
}

/** Optional overrides (a partial RoutingSettings), from a global provider (tests). */
export const ROUTING_SETTINGS_OVERRIDES = Symbol('ROUTING_SETTINGS_OVERRIDES');
/** The effective settings. */
export const ROUTING_SETTINGS = Symbol('ROUTING_SETTINGS');

/**
 * Delay before the attempt after `attempts` failed ones: exponential, capped, with "equal jitter"
 * (half fixed, half random) so replicas retrying a failed peer do not all come back at once.
 */
export function retryDelayMs(
  attempts: number,
  settings: Pick<RoutingSettings, 'baseDelayMs' | 'maxDelayMs'>,
  random = Math.random,
): number {
  const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

/**
 * The consumer's redelivery schedule when a message is neither acked nor nak'ed (a crashed
 * receiver): NATS uses backoff[0] instead of ack_wait, so it starts at ackWaitMs, then doubles.
 * max_deliver must exceed its length.
 */
export function consumerBackoffMs(settings: Pick<RoutingSettings, 'ackWaitMs' | 'maxDelayMs' | 'maxAttempts'>): number[] {
  const steps = Math.max(1, settings.maxAttempts - 1);
  const cap = Math.max(settings.ackWaitMs, settings.maxDelayMs);
  return Array.from({ length: steps }, (_, index) => Math.min(cap, settings.ackWaitMs * 2 ** index));
}
