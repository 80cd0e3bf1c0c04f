import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface DevSecrets {
  ownerPassword: string;
  runtimePassword: string;
}

/** Database role passwords for this machine, generated once and kept under .data (git-ignored). */
export function loadDevSecrets(path: string): DevSecrets {
  if (existsSync(path)) {
    return JSON.parse(readFileSync(path, 'utf8')) as DevSecrets;
  }
  const secrets: DevSecrets = {
    ownerPassword: randomBytes(18).toString('base64url'),
    runtimePassword: randomBytes(18).toString('base64url'),
  };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
