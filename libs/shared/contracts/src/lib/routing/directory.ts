import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const CENTRE_CODE = /^\d{6}$/;
const DEPLOYMENT_ID = /^[a-z][a-z0-9-]{1,62}$/;
/** RFC 7638 JWK thumbprint (SHA-256, base64url): 43 characters. */
const KEY_ID = /^[A-Za-z0-9_-]{43}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

export type DirectoryCentreLevel = 'province' | 'city' | 'county';

/**
 * One of a centre's signing keys. `keyId` is the RFC 7638 thumbprint of the key's JWK
 * (`{"crv":"Ed25519","kty":"OKP","x":…}`), so anyone can recompute it from `publicKey`.
 */
export class DirectoryKeyV1 {
  @Matches(KEY_ID)
  keyId!: string;

  /** SubjectPublicKeyInfo DER, base64. */
  @Matches(BASE64) @MaxLength(200)
  publicKey!: string;

  /** Envelopes created from this instant (inclusive) may be signed with the key. */
  @Matches(ISO_INSTANT)
  validFrom!: string;

  /** Until this instant (exclusive); null while the key is current. */
  @ValidateIf((_, value) => value !== null) @Matches(ISO_INSTANT)
  validTo!: string | null;
}

export class DirectoryCentreV1 {
  @Matches(CENTRE_CODE)
  code!: string;

  @IsString() @MaxLength(100)
  name!: string;

  @IsIn(['province', 'city', 'county'])
  level!: DirectoryCentreLevel;

  @ValidateIf((_, value) => value !== null) @Matches(CENTRE_CODE)
  parentCode!: string | null;

  /** The deployment that hosts the centre (receives its messages, holds its private keys). */
  @Matches(DEPLOYMENT_ID)
  deploymentId!: string;

  @ArrayMinSize(1) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => DirectoryKeyV1)
  keys!: DirectoryKeyV1[];
}

export class DirectoryDeploymentV1 {
  @Matches(DEPLOYMENT_ID)
  id!: string;

  @Matches(/^https?:\/\/\S+$/) @MaxLength(500)
  apiBaseUrl!: string;
}

/** An access-token verification key (what `GET /api/v1/auth/jwks` serves). */
export class DirectoryJwkV1 {
  @IsIn(['OKP'])
  kty!: 'OKP';

  @IsIn(['Ed25519'])
  crv!: 'Ed25519';

  @Matches(BASE64URL) @MaxLength(100)
  x!: string;

  @Matches(KEY_ID)
  kid!: string;

  @IsOptional() @IsIn(['EdDSA'])
  alg?: 'EdDSA';

  @IsOptional() @IsIn(['sig'])
  use?: 'sig';
}

export class DirectoryJwksV1 {
  @ArrayMinSize(1) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => DirectoryJwkV1)
  keys!: DirectoryJwkV1[];
}

/** The deployment that signs applicants' and staff access tokens, and its public keys. */
export class DirectoryIdentityIssuerV1 {
  @Matches(DEPLOYMENT_ID)
  deploymentId!: string;

  @ValidateNested() @Type(() => DirectoryJwksV1)
  jwks!: DirectoryJwksV1;
}

/** The directory as issued, before the province root signs it. */
export interface CentreDirectoryDocument {
  /** Increases with every issue; a deployment only ever moves to a higher version. */
  version: number;
  issuedAt: string;
  centres: DirectoryCentreV1[];
  deployments: DirectoryDeploymentV1[];
  identityIssuer: DirectoryIdentityIssuerV1;
}

/**
 * The signed centre directory (ARCHITECTURE.md §6): `signature` is Ed25519 by the province root key
 * (base64url) over the RFC 8785 canonical JSON of every other member, `rootKeyId` included.
 * Every deployment pins the root public key and accepts a directory only if it verifies.
 */
export interface SignedCentreDirectory extends CentreDirectoryDocument {
  /** RFC 7638 thumbprint of the root public key. */
  rootKeyId: string;
  signature: string;
}

/**
 * `directory.updated.v1`: the province (510000) distributes a newer signed directory; the payload
 * is the signed directory itself, checked against the pinned root key on arrival.
 */
export class DirectoryUpdatedV1 implements SignedCentreDirectory {
  @IsInt() @Min(1)
  version!: number;

  @Matches(ISO_INSTANT)
  issuedAt!: string;

  @ArrayMinSize(1) @ArrayMaxSize(10_000) @ValidateNested({ each: true }) @Type(() => DirectoryCentreV1)
  centres!: DirectoryCentreV1[];

  @ArrayMinSize(1) @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => DirectoryDeploymentV1)
  deployments!: DirectoryDeploymentV1[];

  @ValidateNested() @Type(() => DirectoryIdentityIssuerV1)
  identityIssuer!: DirectoryIdentityIssuerV1;

  @Matches(KEY_ID)
  rootKeyId!: string;

  @Matches(BASE64URL) @MaxLength(200)
  signature!: string;
}

/** The public part of the directory: which deployment serves which centre (GET /api/v1/directory). */
export interface PublicDirectoryView {
  version: number;
  /** The deployment that answered: the one serving the page that asked (same origin). */
  self: string;
  identityIssuer: string;
  deployments: Array<{ id: string; apiBaseUrl: string }>;
  centres: Array<{ code: string; deploymentId: string }>;
}
