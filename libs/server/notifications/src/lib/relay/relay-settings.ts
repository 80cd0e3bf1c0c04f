/** How the relay paces itself. Defaults suit production; tests shorten them. */
export interface NotificationRelaySettings {
  /** Pause between two rounds of the worker loop. */
  intervalMs: number;
  /** Notifications claimed per centre per round. */
  batchSize: number;
  /** Attempts before a notification is given up as `dead`. */
  maxAttempts: number;
  /** Wait before the second attempt; doubled for each further one, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * How long a claim keeps other relays off a notification. Must exceed the time to send a whole
   * batch (batchSize × the driver's timeout in the worst case); a relay that dies mid-batch leaves
   * its claims to lapse, and those notifications are sent again (at-least-once).
   */
  leaseMs: number;
}

export const DEFAULT_RELAY_SETTINGS: NotificationRelaySettings = Object.freeze({
  intervalMs: 1000,
  batchSize: 20,
  maxAttempts: 10,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60 * 1000,
  leaseMs: 15 * 60 * 1000,
});

/** Optional overrides (a partial NotificationRelaySettings), from a global provider. */
export const NOTIFICATION_RELAY_SETTINGS = Symbol('NOTIFICATION_RELAY_SETTINGS');

/**
 * Delay before the attempt after `attempts` failed ones: exponential, capped, with "equal jitter"
 * (half fixed, half random) so replicas retrying a failed gateway do not all return at once.
 */
export function retryDelayMs(
  attempts: number,
  settings: Pick<NotificationRelaySettings, 'baseDelayMs' | 'maxDelayMs'>,
  random = Math.random,
): number {
  const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
