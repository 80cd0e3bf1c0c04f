import type { DirectoryKeyV1 } from '@zhengwu/shared/contracts';

export type KeyValidity = 'valid' | 'not_yet_valid' | 'expired';

/** Where an instant falls in a key's validity window `[validFrom, validTo)`. */
export function keyValidityAt(key: Pick<DirectoryKeyV1, 'validFrom' | 'validTo'>, at: Date): KeyValidity {
  const time = at.getTime();
  if (time < Date.parse(key.validFrom)) return 'not_yet_valid';
  if (key.validTo !== null && time >= Date.parse(key.validTo)) return 'expired';
  return 'valid';
}
