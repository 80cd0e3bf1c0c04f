import { Injectable } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { loadEd25519Key } from '@zhengwu/server/core/crypto';
import { HostedTenants } from '@zhengwu/server/core/tenancy';
import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { CentreDirectory } from '../directory/centre-directory';
import { ed25519KeyId } from './key-id';

export interface CentreSigningKey {
  keyId: string;
  privateKey: KeyObject;
}

/**
 * The private keys of the centres this deployment hosts (`CENTRE_KEYS_DIR/<code>.pem`), read on
 * first use. A key is used only when the directory lists it for that centre and it is valid now:
 * anything else would be signed with a key every receiver refuses.
 */
@Injectable()
export class CentreKeys {
  private readonly cache = new Map<string, CentreSigningKey>();

  constructor(
    private readonly config: AppConfig,
    private readonly hosted: HostedTenants,
    private readonly directory: CentreDirectory,
  ) {}

  signingKey(code: string, at: Date = new Date()): CentreSigningKey {
    if (!this.hosted.has(code)) {
      throw new Error(`Centre ${code} is not hosted by this deployment: it cannot sign for it`);
    }
    let key = this.cache.get(code);
    if (!key) {
      const path = join(this.config.CENTRE_KEYS_DIR ?? '', `${code}.pem`);
      const pair = loadEd25519Key(path, false);
      key = { keyId: ed25519KeyId(pair.publicKey), privateKey: pair.privateKey };
      this.cache.set(code, key);
    }
    const validity = this.directory.keyValidity(code, key.keyId, at);
    if (validity !== 'valid') {
      throw new Error(
        `The key of centre ${code} (${key.keyId}) is ${validity ?? 'not listed'} in directory version ${this.directory.version()}: ` +
          'issue a directory with it (tools/keys) before sending',
      );
    }
    return key;
  }
}
