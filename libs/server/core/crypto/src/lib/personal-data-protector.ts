import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const FORMAT = 'v1';

/**
 * Protects personal identifiers at rest (resident ID numbers, mobiles). Two keys are derived from
 * one master secret: an HMAC key for lookup hashes (equal inputs give equal hashes, so uniqueness
 * and login work without storing the number) and an AES-256-GCM key for the copy a few authorised
 * flows may read back. Neither key alone reveals the other.
 */
export class PersonalDataProtector {
  private readonly lookupKey: Buffer;
  private readonly encryptionKey: Buffer;

  constructor(masterSecret: Buffer) {
    if (masterSecret.length !== 32) {
      throw new Error('The personal-data master secret must be 32 bytes');
    }
    this.lookupKey = Buffer.from(hkdfSync('sha256', masterSecret, Buffer.alloc(0), 'zhengwu pii lookup v1', 32));
    this.encryptionKey = Buffer.from(hkdfSync('sha256', masterSecret, Buffer.alloc(0), 'zhengwu pii encryption v1', 32));
  }

  /** Hex HMAC-SHA-256, with a purpose label so the same number hashes differently per use. */
  lookupHash(purpose: string, value: string): string {
    return createHmac('sha256', this.lookupKey).update(`${purpose}\u0000${value}`).digest('hex');
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const [format, iv, tag, ciphertext] = sealed.split(':');
    if (format !== FORMAT || !iv || !tag || ciphertext === undefined) {
      throw new Error('Unrecognised sealed personal data');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
  }
}
