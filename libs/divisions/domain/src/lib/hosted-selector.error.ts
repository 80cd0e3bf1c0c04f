/**
 * A HOSTED_TENANTS value names something that cannot be hosted. Thrown at boot so a deployment
 * with a typo fails loudly instead of silently serving fewer (or more) centres than intended.
 */
export class HostedSelectorError extends Error {
  constructor(
    /** The offending comma-separated entry, as written. */
    readonly token: string,
    message: string,
  ) {
    super(message);
    this.name = 'HostedSelectorError';
  }
}
