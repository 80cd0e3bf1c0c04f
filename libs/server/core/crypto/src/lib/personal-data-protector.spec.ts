import { randomBytes } from 'node:crypto';
import { PersonalDataProtector } from './personal-data-protector';

describe('PersonalDataProtector', () => {
  const protector = new PersonalDataProtector(randomBytes(32));

  it('round-trips through encryption with a fresh nonce each time', () => {
    const a = protector.encrypt('51098119900307123X');
    const b = protector.encrypt('51098119900307123X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('51098119900307123X');
    expect(protector.decrypt(a)).toBe('51098119900307123X');
  });

  it('detects tampering', () => {
    const sealed = protector.encrypt('13800138000').split(':');
    const ciphertext = Buffer.from(sealed[3], 'base64');
    ciphertext[0] ^= 1;
    sealed[3] = ciphertext.toString('base64');
    expect(() => protector.decrypt(sealed.join(':'))).toThrow();
  });

  it('gives stable lookup hashes that depend on purpose and key', () => {
    expect(protector.lookupHash('id', 'x')).toBe(protector.lookupHash('id', 'x'));
    expect(protector.lookupHash('id', 'x')).not.toBe(protector.lookupHash('mobile', 'x'));
    expect(new PersonalDataProtector(randomBytes(32)).lookupHash('id', 'x')).not.toBe(protector.lookupHash('id', 'x'));
    expect(protector.lookupHash('id', 'x')).toMatch(/^[0-9a-f]{64}$/);
  });
});
