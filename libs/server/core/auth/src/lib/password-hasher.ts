import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/**
 * argon2id with the library's defaults (64 MiB, 3 passes). A verification against a dummy hash when
 * the account does not exist keeps response times from revealing which accounts exist.
 */
@Injectable()
export class PasswordHasher {
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    if (hash === undefined) {
      this.dummy ??= this.hash('not a real password');
      await argon2.verify(await this.dummy, password);
      return false;
    }
    return argon2.verify(hash, password);
  }
}
