import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { DomainError } from '@zhengwu/server/core/errors';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { detectMaterialType, SIGNATURE_BYTES } from './detect-material-type';
import { MATERIAL_EXTENSIONS, MATERIAL_MEDIA_TYPES, MaterialMediaType } from './material-media-type';
import { StorageError } from './storage-errors';

/** A stored material: its bytes are identified by their SHA-256, their type by their signature. */
export interface StoredObject {
  /** Lowercase hex SHA-256 of the bytes; the object's only name. */
  sha256: string;
  size: number;
  mediaType: MaterialMediaType;
  /** The extension that matches the bytes (`pdf`, `ofd`, `jpg`, `png`), whatever the upload was called. */
  extension: string;
}

export interface PutOptions {
  maxBytes: number;
  /** Accepted formats (default: every material format). */
  allowed?: readonly MaterialMediaType[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const INCOMING = '.incoming';
/** Temporary files older than this were abandoned by a crashed process and may be swept. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Content-addressed store of applicants' materials in a local directory: an object lives at
 * `<dir>/<sha[0..2]>/<sha[2..4]>/<sha>` and is written once. Uploads stream into a temporary file
 * in the same directory (so the final `rename` is atomic: readers see a whole object or none) while
 * being hashed and counted; anything refused is deleted before the error reaches the caller.
 */
@Injectable()
export class MaterialStore implements OnModuleInit {
  private readonly logger = new Logger(MaterialStore.name);
  private readonly root: string;
  private readonly incoming: string;

  constructor(config: AppConfig) {
    this.root = resolve(config.MATERIAL_STORE_DIR);
    this.incoming = join(this.root, INCOMING);
    mkdirSync(this.incoming, { recursive: true, mode: 0o750 });
  }

  async onModuleInit(): Promise<void> {
    await this.sweepAbandoned();
  }

  async put(source: Readable, options: PutOptions): Promise<StoredObject> {
    const allowed = options.allowed ?? MATERIAL_MEDIA_TYPES;
    const temporary = join(this.incoming, `${randomUUID()}.part`);
    const meter = new UploadMeter(options.maxBytes);
    try {
      await pipeline(source, meter, createWriteStream(temporary, { flags: 'wx', mode: 0o640 }));
      // A busboy file stream cut at the multipart size limit ends normally but says so here.
      if ((source as { truncated?: boolean }).truncated === true) {
        throw StorageError.MATERIAL_TOO_LARGE({ maxBytes: options.maxBytes });
      }
      if (meter.size === 0) {
        throw StorageError.MATERIAL_EMPTY();
      }
      const mediaType = await detectMaterialType(meter.head(), temporary);
      if (!mediaType || !allowed.includes(mediaType)) {
        throw StorageError.MATERIAL_TYPE_NOT_ALLOWED({ allowed: allowed.map((type) => MATERIAL_EXTENSIONS[type]) });
      }
      const sha256 = meter.sha256();
      await this.commit(temporary, sha256);
      return { sha256, size: meter.size, mediaType, extension: MATERIAL_EXTENSIONS[mediaType] };
    } catch (error) {
      await rm(temporary, { force: true });
      throw asStorageError(error, options.maxBytes);
    }
  }

  /** The object's bytes. Throws MATERIAL_NOT_FOUND for an unknown (or malformed) hash. */
  open(sha256: string): Readable {
    if (!this.has(sha256)) {
      throw StorageError.MATERIAL_NOT_FOUND();
    }
    return createReadStream(this.objectPath(sha256));
  }

  has(sha256: string): boolean {
    return SHA256_HEX.test(sha256) && existsSync(this.objectPath(sha256));
  }

  private async commit(temporary: string, sha256: string): Promise<void> {
    // Data reaches the disk before the name does, so a crash never leaves a short object behind.
    const handle = await open(temporary, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const target = this.objectPath(sha256);
    await mkdir(dirname(target), { recursive: true, mode: 0o750 });
    if (existsSync(target)) {
      // Same hash, same bytes: the object is already stored.
      await rm(temporary, { force: true });
    } else {
      // Two uploads of the same bytes racing here both rename; the second replaces identical bytes.
      await rename(temporary, target);
    }
  }

  private objectPath(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Removes temporary files a crashed process left behind; recent ones may be another replica's upload. */
  private async sweepAbandoned(): Promise<void> {
    const now = Date.now();
    for (const name of await readdir(this.incoming)) {
      const path = join(this.incoming, name);
      const info = await stat(path).catch(() => undefined);
      if (info?.isFile() && now - info.mtimeMs > ABANDONED_AFTER_MS) {
        await rm(path, { force: true });
        this.logger.warn(`Removed abandoned upload ${name}`);
      }
    }
  }
}

/** Counts, hashes and keeps the first bytes of what flows through; fails past the size limit. */
class UploadMeter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.size += bytes.length;
    if (this.size > this.maxBytes) {
      done(StorageError.MATERIAL_TOO_LARGE({ maxBytes: this.maxBytes }));
      return;
    }
    this.hash.update(bytes);
    if (this.headLength < SIGNATURE_BYTES) {
      const part = bytes.subarray(0, SIGNATURE_BYTES - this.headLength);
      this.headChunks.push(part);
      this.headLength += part.length;
    }
    done(null, bytes);
  }

  head(): Buffer {
    return Buffer.concat(this.headChunks);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}

/** @fastify/multipart reports its own size limit as FST_REQ_FILE_TOO_LARGE; it is ours to name. */
function asStorageError(error: unknown, maxBytes: number): unknown {
  if (error instanceof DomainError) {
    return error;
  }
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'FST_REQ_FILE_TOO_LARGE' ? StorageError.MATERIAL_TOO_LARGE({ maxBytes }) : error;
}
