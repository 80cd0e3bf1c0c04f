import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Lifecycle } from '../lifecycle';
import { ApiProcess, freePorts, startApiProcess } from '../platform';

export interface Topology {
  province: string;
  city: string;
  county: string;
  /** The three deployments' databases, as the topology runner names them. */
  databases: { province: string; city: string; county: string };
  runner: ApiProcess;
}

export interface TopologyOptions {
  serverUrl: string;
  natsUrl: string;
  /** Prefix of the databases and of the NATS stream, subjects and bucket: the run's own. */
  prefix: string;
  dataDir: string;
  logLevel: string;
}

/**
 * `npm run topology` (dist/tools/dev/topology.js) without the web apps: province, city and county
 * deployments with their own databases, joined by NATS JetStream, each API running its routing
 * relay and consumer as it does in production. The run gets its own JetStream stream, subjects
 * and object bucket, so it neither sees nor disturbs another topology on the same NATS server.
 */
export async function startTopology(root: string, options: TopologyOptions, lifecycle: Lifecycle): Promise<Topology> {
  const runnerMain = join(root, 'dist/tools/dev/topology.js');
  if (!existsSync(runnerMain)) throw new Error(`${runnerMain} is missing: run "npm run bench -- routing", which builds it first`);
  // The runner puts the deployments on base+1, +2 and +3.
  const basePort = (await freePorts(3)) - 1;
  const url = (offset: number) => `http://127.0.0.1:${basePort + offset}`;
  const names = natsNames(options.prefix);
  const runner = await startApiProcess(
    'topology',
    runnerMain,
    {
      DATABASE_URL: options.serverUrl,
      NATS_URL: options.natsUrl,
      TOPOLOGY_BASE_PORT: String(basePort),
      TOPOLOGY_DB_PREFIX: options.prefix,
      TOPOLOGY_STREAM: names.stream,
      TOPOLOGY_SUBJECT_PREFIX: names.subjectPrefix,
      TOPOLOGY_BUCKET: names.bucket,
      ZHENGWU_DATA_DIR: options.dataDir,
      ZHENGWU_SERVE_WEB: 'false',
      LOG_LEVEL: options.logLevel,
    },
    // The runner starts the deployments one after the other; the county is the last.
    `${url(3)}/health`,
    600_000,
    lifecycle,
  );
  return {
    province: url(1),
    city: url(2),
    county: url(3),
    databases: { province: `${options.prefix}_province`, city: `${options.prefix}_city`, county: `${options.prefix}_county` },
    runner,
  };
}

/** Deletes the run's JetStream stream and object bucket (the bucket is the stream OBJ_<bucket>). */
export async function deleteNatsResources(natsUrl: string, prefix: string): Promise<string[]> {
  const names = natsNames(prefix);
  const nc = await connect({ servers: natsUrl.split(','), timeout: 5000 });
  try {
    const jsm = await jetstreamManager(nc);
    const deleted: string[] = [];
    for (const stream of [names.stream, `OBJ_${names.bucket}`]) {
      // A stream that was never created (a run stopped early) is nothing to delete.
      if (await jsm.streams.delete(stream).catch(() => false)) deleted.push(stream);
    }
    return deleted;
  } finally {
    await nc.close();
  }
}

function natsNames(prefix: string): { stream: string; subjectPrefix: string; bucket: string } {
  const upper = prefix.toUpperCase();
  return { stream: `${upper}_ROUTES`, subjectPrefix: `${prefix}_route`, bucket: `${upper}_MATERIALS` };
}
