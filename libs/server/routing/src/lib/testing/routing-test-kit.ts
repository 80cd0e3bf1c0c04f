import { Global, Module } from '@nestjs/common';
import type { Envelope, RouteType, UnsignedEnvelope, VerificationRequestedV1 } from '@zhengwu/shared/contracts';
import { createPrivateKey, KeyObject, randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Counter, Registry } from 'prom-client';
import { v7 as uuidv7 } from 'uuid';
import { signEnvelope } from '../envelope/envelope-signature';
import { ed25519KeyId } from '../keys/key-id';
import { ProvisionedRoutingKeys, provisionRoutingKeys, RoutingDeploymentSpec } from '../keys/provision-routing-keys';
import { ROUTING_SETTINGS_OVERRIDES, RoutingSettings } from '../routing-settings';

/*
 * Test-only helpers for the routing specs: a keyed topology on disk, hand-made envelopes, sample
 * payloads. Nothing in the library imports this file.
 */

export interface RoutingTopology {
  dir: string;
  keys: ProvisionedRoutingKeys;
  /** The routing variables of one deployment of the topology. */
  env(deploymentId: string): Record<string, string>;
  /** A hosted centre's private key, as its deployment holds it. */
  privateKeyOf(code: string): KeyObject;
  rootPrivateKey(): KeyObject;
  remove(): void;
}

export function routingTopology(
  deployments: Array<Omit<RoutingDeploymentSpec, 'apiBaseUrl'>>,
  options: { now?: Date; dir?: string; rotationOverlapMs?: number } = {},
): RoutingTopology {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'zhengwu-routing-'));
  const keys = provisionRoutingKeys({
    outDir: dir,
    deployments: deployments.map((deployment) => ({ ...deployment, apiBaseUrl: `http://${deployment.id}.test.invalid` })),
    identityIssuer: { deploymentId: deployments[0]?.id ?? 'test', signingKeyPaths: [join(dir, 'identity', 'auth-signing.pem')], generateMissing: true },
    now: options.now,
    rotationOverlapMs: options.rotationOverlapMs,
  });
  const hostOf = (code: string) => keys.directory.centres.find((centre) => centre.code === code)?.deploymentId;
  return {
    dir,
    keys,
    env: (deploymentId) => ({
      ROUTING_DIRECTORY_PATH: keys.directoryPath,
      ROUTING_ROOT_PUBLIC_KEY_PATH: keys.rootPublicKeyPath,
      CENTRE_KEYS_DIR: keys.centreKeysDirs[deploymentId] as string,
    }),
    privateKeyOf: (code) => createPrivateKey(readFileSync(join(keys.centreKeysDirs[hostOf(code) ?? ''] ?? '', `${code}.pem`))),
    rootPrivateKey: () => createPrivateKey(readFileSync(keys.rootPrivateKeyPath)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A signed envelope made by hand (as an attacker, or a peer, would), not through the outbox. */
export function craftEnvelope<P>(
  key: KeyObject,
  fields: Partial<UnsignedEnvelope<P>> & { type: RouteType; from: string; to: string; payload: P },
): Envelope<P> {
  const unsigned: UnsignedEnvelope<P> = {
    id: uuidv7(),
    issue: null,
    actor: 'test',
    createdAt: new Date().toISOString(),
    requestHash: null,
    keyId: ed25519KeyId(key),
    ...fields,
  };
  return signEnvelope(unsigned, key);
}

/** A valid `verification.requested.v1` payload with a fresh case number. */
export function verificationRequested(divisionCode = '513221'): VerificationRequestedV1 {
  return {
    caseNumber: `${divisionCode}2026050602${String(randomInt(0, 1_000_000)).padStart(6, '0')}7`,
    itemName: '建设工程规划许可',
    applicant: { kind: 'natural_person', name: '王小丫', identityMasked: '510981********1234' },
    materials: [
      {
        code: 'M01',
        name: '身份证明',
        version: 1,
        sha256: 'a'.repeat(64),
        mediaType: 'application/pdf',
        sizeBytes: 1024,
        fileName: 'id.pdf',
        originalCount: 1,
        copyCount: 1,
      },
    ],
    limitWorkingDays: 3,
  };
}

/** Makes pacing overrides available to the routing module (global, like the app's bindings). */
export function routingSettingsModule(overrides: Partial<RoutingSettings>) {
  @Global()
  @Module({ providers: [{ provide: ROUTING_SETTINGS_OVERRIDES, useValue: overrides }], exports: [ROUTING_SETTINGS_OVERRIDES] })
  class RoutingTestSettings {}
  return RoutingTestSettings;
}

/** A counter's value for one label set, read from the app's metrics registry. */
export async function counterValue(registry: Pick<Registry, 'getSingleMetric'>, name: string, labels: Record<string, string>): Promise<number> {
  const metric = registry.getSingleMetric(name) as Counter<string> | undefined;
  if (!metric) return 0;
  const { values } = await metric.get();
  return values.find((value) => Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted))?.value ?? 0;
}

/** Polls until `probe` holds (or the deadline passes), for work done by background loops. */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await probe();
  }
  return value;
}
