import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { AUTH_SIGNING_KEY, AuthSigningKey } from '@zhengwu/server/core/crypto';
import { STAFF_ROLES, StaffRole } from '@zhengwu/shared/contracts';
import { calculateJwkThumbprint, createLocalJWKSet, decodeJwt, errors, exportJWK, JWK, jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { AccessTokenClaims, IssuedAccessToken, TOKEN_AUDIENCE, VerifiedAccessToken } from './access-token';
import { AuthError } from './auth-errors';
import { TRUSTED_IDENTITY_ISSUER, TrustedIdentityIssuer } from './trusted-identity-issuer';

export interface PublicJwk extends JWK {
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/**
 * Issues and verifies access tokens: EdDSA (Ed25519) JWTs, so any deployment can verify them from
 * the public keys at `/api/v1/auth/jwks` without sharing a secret.
 */
@Injectable()
export class AccessTokenService {
  private readonly issuer: string;
  private jwk?: Promise<PublicJwk>;

  constructor(
    @Inject(AUTH_SIGNING_KEY) private readonly key: AuthSigningKey,
    private readonly config: AppConfig,
    @Optional() @Inject(TRUSTED_IDENTITY_ISSUER) private readonly identityIssuer?: TrustedIdentityIssuer,
  ) {
    this.issuer = `zhengwu:${config.DEPLOYMENT_ID}`;
  }

  async issue(subject: string, claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const expiresIn =
      claims.kind === 'staff' ? this.config.STAFF_TOKEN_TTL_SECONDS : this.config.APPLICANT_TOKEN_TTL_SECONDS;
    const { kid } = await this.publicJwk();
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(this.issuer)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.key.privateKey);
    return { token, expiresIn };
  }

  /**
   * Staff tokens are valid only at the deployment that issued them; applicant tokens also when they
   * come from the identity issuer named in the signed directory.
   */
  async verify(token: string): Promise<VerifiedAccessToken> {
    try {
      const claimedIssuer = decodeJwt(token).iss;
      const foreign = this.identityIssuer?.current();
      const fromIssuer = foreign && claimedIssuer !== this.issuer && claimedIssuer === `zhengwu:${foreign.deploymentId}`;
      const { payload } = fromIssuer
        ? await jwtVerify(token, createLocalJWKSet({ keys: foreign.keys }), { algorithms: ['EdDSA'], audience: TOKEN_AUDIENCE, issuer: claimedIssuer })
        : await jwtVerify(token, this.key.publicKey, { algorithms: ['EdDSA'], audience: TOKEN_AUDIENCE, issuer: this.issuer });
      const claims = parseClaims(payload);
      if (!claims || typeof payload.sub !== 'string' || typeof payload.exp !== 'number' || (fromIssuer && claims.kind !== 'applicant')) {
        throw AuthError.AUTH_INVALID_TOKEN();
      }
      return { subject: payload.sub, issuer: String(payload.iss), expiresAt: new Date(payload.exp * 1000), claims };
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw AuthError.AUTH_TOKEN_EXPIRED();
      }
      if (error instanceof errors.JOSEError) {
        throw AuthError.AUTH_INVALID_TOKEN();
      }
      throw error;
    }
  }

  /** The verification key in JWK form, with its RFC 7638 thumbprint as the key id. */
  publicJwk(): Promise<PublicJwk> {
    this.jwk ??= (async () => {
      const jwk = await exportJWK(this.key.publicKey);
      const kid = await calculateJwkThumbprint(jwk);
      return { ...jwk, kid, alg: 'EdDSA' as const, use: 'sig' as const };
    })();
    return this.jwk;
  }
}

function parseClaims(payload: Record<string, unknown>): AccessTokenClaims | undefined {
  const name = payload['name'];
  if (typeof name !== 'string') {
    return undefined;
  }
  if (payload['kind'] === 'applicant') {
    const ak = payload['ak'];
    const idm = payload['idm'];
    if ((ak !== 'natural_person' && ak !== 'legal_person') || typeof idm !== 'string') return undefined;
    return { kind: 'applicant', name, ak, idm };
  }
  const tid = payload['tid'];
  const roles = payload['roles'];
  if (
    payload['kind'] === 'staff' &&
    typeof tid === 'string' &&
    /^\d{6}$/.test(tid) &&
    Array.isArray(roles) &&
    roles.every((role) => STAFF_ROLES.includes(role as StaffRole))
  ) {
    return { kind: 'staff', name, tid, roles: roles as StaffRole[] };
  }
  return undefined;
}
