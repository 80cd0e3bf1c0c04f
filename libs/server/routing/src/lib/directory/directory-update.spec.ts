import { HostedTenants } from '@zhengwu/server/core/tenancy';
import { connectAsRuntimeRole, createTestApp, RuntimeConnection, TestApp, testConfig } from '@zhengwu/server/testing';
import type { SignedCentreDirectory } from '@zhengwu/shared/contracts';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RoutingReceiver } from '../receiver/routing-receiver';
import { RoutingModule } from '../routing.module';
import { craftEnvelope, routingTopology, RoutingTopology } from '../testing/routing-test-kit';
import { CentreDirectory } from './centre-directory';
import { signDirectory } from './directory-signature';

const HOSTED = '513231';
const PROVINCE = '510000';

describe('the centre directory of a deployment', () => {
  let topology: RoutingTopology;
  let db: RuntimeConnection;
  const apps: TestApp[] = [];

  const deployment = async (env: Record<string, string> = {}) => {
    const app = await createTestApp({ imports: [RoutingModule], hostedTenants: HOSTED, deploymentId: 'dir', env: { ...topology.env('dir'), ...env } });
    apps.push(app);
    return app;
  };

  function nextVersion(from: SignedCentreDirectory, apiBaseUrl: string, signer = topology.rootPrivateKey()): SignedCentreDirectory {
    const { signature: _signature, rootKeyId: _rootKeyId, ...document } = from;
    return signDirectory(
      {
        ...document,
        version: from.version + 1,
        issuedAt: new Date().toISOString(),
        deployments: from.deployments.map((d) => (d.id === 'province' ? { ...d, apiBaseUrl } : d)),
      },
      signer,
    );
  }

  const update = (payload: SignedCentreDirectory) =>
    craftEnvelope(topology.privateKeyOf(PROVINCE), { type: 'directory.updated.v1', from: PROVINCE, to: HOSTED, payload });

  beforeAll(async () => {
    topology = routingTopology([
      { id: 'dir', hostedTenants: HOSTED },
      { id: 'province', hostedTenants: PROVINCE },
    ]);
    db = await connectAsRuntimeRole();
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await db.end();
    topology.remove();
  });

  it('adopts a newer directory from the province, keeps it across a restart, and ignores older ones', async () => {
    const app = await deployment();
    const directory = app.app.get(CentreDirectory);
    expect(directory.version()).toBe(1);
    expect(directory.deploymentOf(HOSTED)).toBe('dir');
    expect(directory.identityIssuer().deploymentId).toBe('dir');

    const v2 = nextVersion(topology.keys.directory, 'https://province-2.example');
    expect(await app.app.get(RoutingReceiver).receive(update(v2))).toBe('applied');
    expect(directory.version()).toBe(2);
    expect(directory.deployment('province')?.apiBaseUrl).toBe('https://province-2.example');

    // Another copy (the province sends one to every centre) and the old version change nothing.
    expect(await app.app.get(RoutingReceiver).receive(update(v2))).toBe('applied');
    expect(await app.app.get(RoutingReceiver).receive(update(topology.keys.directory))).toBe('applied');
    expect(directory.version()).toBe(2);

    const restarted = await deployment();
    expect(restarted.app.get(CentreDirectory).version()).toBe(2);
    expect(restarted.app.get(CentreDirectory).deployment('province')?.apiBaseUrl).toBe('https://province-2.example');
  });

  it('refuses, alerts and keeps its directory when the update is not signed by the pinned root', async () => {
    const app = await deployment();
    const directory = app.app.get(CentreDirectory);
    const before = directory.version();
    const impostor = generateKeyPairSync('ed25519');
    const forged = nextVersion(directory.current(), 'https://evil.example', impostor.privateKey);
    const envelope = update(forged);
    expect(await app.app.get(RoutingReceiver).receive(envelope)).toBe('rejected');
    expect(directory.version()).toBe(before);
    const inbox = await db.asTenant(HOSTED, (c) => c.query('SELECT status, error FROM routing_inbox WHERE envelope_id = $1', [envelope.id]));
    expect(inbox.rows).toEqual([{ status: 'failed', error: expect.stringContaining('DIRECTORY_REFUSED') }]);
    const alerts = await db.asTenant(HOSTED, (c) => c.query('SELECT kind FROM routing_alerts WHERE envelope_id = $1', [envelope.id]));
    expect(alerts.rows).toEqual([{ kind: 'handler.refused' }]);
  });

  it('refuses to start on a directory that does not verify, or without one', async () => {
    const tampered = JSON.parse(JSON.stringify(topology.keys.directory)) as SignedCentreDirectory;
    tampered.centres.filter((centre) => centre.code === HOSTED).forEach((centre) => (centre.deploymentId = 'province'));
    const tamperedPath = join(topology.dir, 'tampered.json');
    writeFileSync(tamperedPath, JSON.stringify(tampered));
    const boot = (env: Record<string, string>) => {
      const config = testConfig({ hostedTenants: HOSTED, deploymentId: 'dir', env: { ...topology.env('dir'), ...env } });
      // Fails before it touches the database.
      return new CentreDirectory(config, new HostedTenants(config), undefined as never, undefined as never).onModuleInit();
    };
    await expect(boot({ ROUTING_DIRECTORY_PATH: tamperedPath })).rejects.toThrow(
      /the centre directory .*tampered.json is not valid: the root signature does not verify .* Refusing to start/,
    );
    await expect(boot({ ROUTING_DIRECTORY_PATH: '' })).rejects.toThrow(/ROUTING_DIRECTORY_PATH is not set/);
    await expect(boot({ ROUTING_ROOT_PUBLIC_KEY_PATH: join(topology.dir, 'missing.pem') })).rejects.toThrow(/root public key .* does not exist/);
  });
});
