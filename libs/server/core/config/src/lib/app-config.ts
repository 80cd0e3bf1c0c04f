import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const POSTGRES_URL = /^postgres(ql)?:\/\/.+/;
const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The API's whole configuration, read from the environment once at boot (see `loadConfig`).
 * Property names are the environment variable names so an error message names what to fix.
 */
export class AppConfig {
  /** The runtime role's connection: NOSUPERUSER, NOBYPASSRLS, so row-level security binds it. */
  @Matches(POSTGRES_URL, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL!: string;

  /** The schema owner's connection; when set, pending migrations run at boot under an advisory lock. */
  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'DATABASE_MIGRATIONS_URL must be a postgres:// connection URL' })
  DATABASE_MIGRATIONS_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE = 20;

  /** Names this deployment in logs, tokens (issuer) and routed messages. */
  @Matches(/^[a-z][a-z0-9-]{1,62}$/, {
    message: 'DEPLOYMENT_ID must be 2–63 lowercase letters, digits or "-", starting with a letter',
  })
  DEPLOYMENT_ID!: string;

  /** Comma-separated division codes and selectors: `510900,level:county,under:510900,all`. */
  @IsString()
  @MinLength(1)
  HOSTED_TENANTS = 'all';

  @IsString()
  HOST = '0.0.0.0';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsIn(LOG_LEVELS as readonly string[], { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /** PKCS#8 PEM of the Ed25519 key this deployment signs access tokens with. */
  @IsString()
  @MinLength(1)
  AUTH_SIGNING_KEY_PATH!: string;

  /** 32 random bytes (base64) from which the keys protecting personal data at rest are derived. */
  @IsString()
  @MinLength(1)
  PII_KEY_PATH!: string;

  /** Create missing key files on first start (development only; production keys are provisioned). */
  @Transform(toBoolean)
  @IsBoolean()
  GENERATE_MISSING_KEYS = false;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  STAFF_TOKEN_TTL_SECONDS = 8 * 3600;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  APPLICANT_TOKEN_TTL_SECONDS = 2 * 3600;

  /** Directory holding the built web apps (`portal/`, `workbench/`) to serve; unset = API only. */
  @IsOptional()
  @IsString()
  WEB_ROOT?: string;

  /** Insert demo staff and a demo applicant at boot (idempotent). Never in production. */
  @Transform(toBoolean)
  @IsBoolean()
  SEED_DEMO = false;

  /** Where uploaded materials are stored, content-addressed by SHA-256. */
  @IsString()
  @MinLength(1)
  MATERIAL_STORE_DIR = './.data/materials';

  /** Largest accepted upload (one file), in bytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

  /** How applicant notifications leave: `log` (stored and logged), `smtp`, or `sms-http`. */
  @IsIn(['log', 'smtp', 'sms-http'], { message: 'NOTIFICATION_DRIVER must be log, smtp or sms-http' })
  NOTIFICATION_DRIVER: 'log' | 'smtp' | 'sms-http' = 'log';

  /** e.g. `smtps://user:pass@smtp.example.gov.cn:465` (NOTIFICATION_DRIVER=smtp). */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  SMTP_FROM?: string;

  /** HTTP endpoint of the SMS gateway (NOTIFICATION_DRIVER=sms-http). */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'SMS_GATEWAY_URL must be an http(s) URL' })
  SMS_GATEWAY_URL?: string;

  @IsOptional()
  @IsString()
  SMS_GATEWAY_TOKEN?: string;

  /** Run the background loops (notification relay, sweeps) in this process. */
  @Transform(toBoolean)
  @IsBoolean()
  WORKERS_ENABLED = true;

  /**
   * Browser origins (comma-separated) allowed to call this API from another origin: in the
   * multi-deployment topology the web apps call the deployment that hosts each centre.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*$/, { message: 'CORS_ORIGINS must be comma-separated http(s) origins' })
  CORS_ORIGINS?: string;

  /** Behind a reverse proxy, trust X-Forwarded-* for the client address. */
  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY = false;

  // Routing between centres (libs/server/routing). Only the routing module reads these, so a
  // deployment or test app without it needs none of the paths below.

  /** How routed messages travel: `loopback` (inside this deployment) or `nats` (JetStream, between deployments). */
  @IsIn(['loopback', 'nats'], { message: 'ROUTING_TRANSPORT must be loopback or nats' })
  ROUTING_TRANSPORT: 'loopback' | 'nats' = 'loopback';

  /** Comma-separated NATS server URLs (ROUTING_TRANSPORT=nats). */
  @Matches(/^(nats|tls):\/\/[^,\s]+(,(nats|tls):\/\/[^,\s]+)*$/, { message: 'NATS_URL must be nats:// (or tls://) URLs, comma-separated' })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** JetStream stream carrying the envelopes; created at boot when missing. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'ROUTING_STREAM must be 1–64 letters, digits, "_" or "-"' })
  ROUTING_STREAM = 'ROUTES';

  /** First token of the stream's subjects: `<prefix>.<toCentre>.<type>`. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'ROUTING_SUBJECT_PREFIX must be 1–64 letters, digits, "_" or "-"' })
  ROUTING_SUBJECT_PREFIX = 'route';

  /** JetStream object-store bucket that carries material bytes between deployments. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'ROUTING_OBJECT_BUCKET must be 1–64 letters, digits, "_" or "-"' })
  ROUTING_OBJECT_BUCKET = 'MATERIALS';

  /** The signed centre directory (JSON) this deployment starts with. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  ROUTING_DIRECTORY_PATH?: string;

  /** The province root public key (SPKI PEM) every directory must be signed with: the trust anchor. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  ROUTING_ROOT_PUBLIC_KEY_PATH?: string;

  /** Directory of the hosted centres' Ed25519 private keys, one PKCS#8 PEM per centre: `<code>.pem`. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  CENTRE_KEYS_DIR?: string;

  /** Delivery attempts (relay publishes; NATS max_deliver) before a message is given up with an alert. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(100)
  ROUTING_MAX_ATTEMPTS = 12;

  /** Envelopes created longer ago than this are refused as replays. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  ROUTING_FRESHNESS_DAYS = 7;

  /**
   * Published outbox rows and applied inbox rows are deleted this many days later (unset: 120, or
   * more when freshness needs it). Start-up refuses fewer than 90 + 2 × ROUTING_FRESHNESS_DAYS.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  ROUTING_RETENTION_DAYS?: number;

  /** First retry delay of a failed delivery; doubled per attempt (with jitter) up to ROUTING_RETRY_MAX_MS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  ROUTING_RETRY_BASE_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 3_600_000)
  ROUTING_RETRY_MAX_MS = 10 * 60_000;

  /**
   * How long NATS waits for a delivered envelope's ack before it delivers again (doubling per
   * attempt up to ROUTING_RETRY_MAX_MS). A deployment that died mid-delivery gets it again this long
   * after it took it: shorter means faster recovery, and more duplicate work under a slow handler.
   */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(3_600_000)
  ROUTING_ACK_WAIT_MS = 30_000;

  /**
   * How long a relay's claim keeps an outbox row from other relays. A relay that dies after claiming
   * leaves its rows unsent this long; a re-publish after a lapsed lease is dropped as a duplicate.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  ROUTING_RELAY_LEASE_MS = 5 * 60_000;

  /** How often each centre sends its supervision snapshot (aggregates) to the centres above it. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  SUPERVISION_SNAPSHOT_INTERVAL_MS = 5 * 60_000;

  /** A centre beneath is flagged missing when its latest snapshot is older than interval × this. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  SUPERVISION_SNAPSHOT_GRACE = 3;
}
