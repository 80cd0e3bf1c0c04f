import { CentreDirectoryDocument, DirectoryUpdatedV1, SignedCentreDirectory } from '@zhengwu/shared/contracts';
import { KeyObject, sign, verify } from 'node:crypto';
import { asJson, canonicalJson } from '../envelope/canonical-json';
import { payloadProblems } from '../envelope/route-payload';
import { ed25519KeyId, publicKeyFromSpki } from '../keys/key-id';

export type DirectoryVerification = { ok: true; directory: SignedCentreDirectory } | { ok: false; problem: string };

/** Signs a directory with the province root key: Ed25519 over the canonical JSON of everything but `signature`. */
export function signDirectory(document: CentreDirectoryDocument, rootPrivateKey: KeyObject): SignedCentreDirectory {
  const unsigned = asJson({ ...document, rootKeyId: ed25519KeyId(rootPrivateKey) });
  const signature = sign(null, Buffer.from(canonicalJson(unsigned), 'utf8'), rootPrivateKey).toString('base64url');
  return { ...unsigned, signature };
}

/**
 * Accepts a directory only when it is well formed, signed by the pinned root key, and consistent
 * (every key id is its key's thumbprint, every centre's deployment is listed, codes are unique).
 */
export function verifyDirectory(candidate: unknown, rootPublicKey: KeyObject): DirectoryVerification {
  const problems = payloadProblems('directory.updated.v1', candidate);
  if (problems.length > 0) {
    return { ok: false, problem: `malformed directory: ${problems.slice(0, 5).join('; ')}` };
  }
  const directory = candidate as DirectoryUpdatedV1;
  const rootKeyId = ed25519KeyId(rootPublicKey);
  if (directory.rootKeyId !== rootKeyId) {
    return { ok: false, problem: `signed by root key ${directory.rootKeyId}, but the pinned root key is ${rootKeyId}` };
  }
  const { signature, ...unsigned } = directory;
  let valid = false;
  try {
    valid = verify(null, Buffer.from(canonicalJson(unsigned), 'utf8'), rootPublicKey, Buffer.from(signature, 'base64url'));
  } catch {
    valid = false;
  }
  if (!valid) {
    return { ok: false, problem: 'the root signature does not verify (the directory was altered or signed by another key)' };
  }
  const inconsistency = inconsistencyOf(directory);
  return inconsistency ? { ok: false, problem: inconsistency } : { ok: true, directory };
}

function inconsistencyOf(directory: SignedCentreDirectory): string | undefined {
  const deployments = new Set(directory.deployments.map((deployment) => deployment.id));
  if (deployments.size !== directory.deployments.length) return 'a deployment is listed twice';
  if (!deployments.has(directory.identityIssuer.deploymentId)) {
    return `identity issuer ${directory.identityIssuer.deploymentId} is not a listed deployment`;
  }
  const codes = new Set<string>();
  for (const centre of directory.centres) {
    if (codes.has(centre.code)) return `centre ${centre.code} is listed twice`;
    codes.add(centre.code);
    if (!deployments.has(centre.deploymentId)) return `centre ${centre.code} names unknown deployment ${centre.deploymentId}`;
    for (const key of centre.keys) {
      let keyId: string;
      try {
        keyId = ed25519KeyId(publicKeyFromSpki(key.publicKey));
      } catch {
        return `centre ${centre.code} has a key that is not an Ed25519 public key`;
      }
      if (keyId !== key.keyId) return `centre ${centre.code}: key id ${key.keyId} is not the thumbprint of its key`;
      if (key.validTo !== null && key.validTo <= key.validFrom) return `centre ${centre.code}: key ${key.keyId} ends before it starts`;
    }
  }
  return undefined;
}
