import type { JWK } from 'jose';

/**
 * Applicant accounts live at one identity issuer (the province deployment in the topology); every
 * deployment verifies applicant tokens with the issuer's public keys, which come from the signed
 * directory of centres. Bound by the routing module; without it, this deployment is its own issuer.
 */
export const TRUSTED_IDENTITY_ISSUER = Symbol('TRUSTED_IDENTITY_ISSUER');

export interface TrustedIdentityIssuer {
  /** The issuing deployment and its token verification keys. */
  current(): { deploymentId: string; keys: JWK[] } | null;
}
