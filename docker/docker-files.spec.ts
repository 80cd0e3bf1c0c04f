import { AppConfig } from '@zhengwu/server/core/config';
import { RUNTIME_GROUP_ROLE } from '@zhengwu/server/core/database';
import { getMetadataStorage } from 'class-validator';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * No Docker engine runs here, so the images are never built in CI. These checks keep the files
 * honest instead: every path, project and setting they name exists in the repository.
 */
const root = resolve(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function copySources(dockerfile: string): string[] {
  return read(dockerfile)
    .split('\n')
    .filter((line) => /^COPY\s/.test(line) && !line.includes('--from='))
    .flatMap((line) => line.replace(/^COPY\s+/, '').split(/\s+/).slice(0, -1));
}

function nxProjects(): Map<string, string[]> {
  const projects = new Map<string, string[]>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(join(root, dir))) {
      if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
      const path = join(dir, entry);
      if (statSync(join(root, path)).isDirectory()) visit(path);
      else if (entry === 'project.json') {
        const project = JSON.parse(read(path)) as { name: string; targets?: Record<string, unknown> };
        projects.set(project.name, Object.keys(project.targets ?? {}));
      }
    }
  };
  visit('apps');
  visit('tools');
  return projects;
}

describe('docker files', () => {
  const compose = parse(read('docker/compose.yaml')) as {
    services: Record<string, { build?: { context: string; dockerfile: string }; volumes?: string[]; environment?: Record<string, string> }>;
  };

  it.each(['docker/api.Dockerfile', 'docker/web.Dockerfile'])('%s copies only files that exist', (dockerfile) => {
    const sources = copySources(dockerfile);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({ source, exists: existsSync(join(root, source)) }).toEqual({ source, exists: true });
    }
  });

  it.each([
    ['docker/api.Dockerfile', ['api']],
    ['docker/web.Dockerfile', ['portal', 'workbench']],
  ])('%s builds Nx projects that exist, into the paths it copies from', (dockerfile, projects) => {
    const text = read(dockerfile);
    const known = nxProjects();
    for (const project of projects) {
      expect(text).toMatch(new RegExp(`nx (build ${project}\\b|run-many -t build -p [a-z ]*\\b${project}\\b)`));
      expect(existsSync(join(root, 'apps', project, 'project.json'))).toBe(true);
      expect(known.has(project)).toBe(true);
      expect(text).toContain(`/src/dist/apps/${project}`);
    }
    const webpack = read('apps/api/webpack.config.js');
    expect(webpack).toContain("'../../dist/apps/api'");
    expect(webpack).toContain('generatePackageJson: true');
  });

  it('builds and mounts only paths that exist, relative to the compose file', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.build) {
        const context = join(root, 'docker', service.build.context);
        expect({ name, context: existsSync(context) }).toEqual({ name, context: true });
        expect({ name, dockerfile: existsSync(join(context, service.build.dockerfile)) }).toEqual({ name, dockerfile: true });
      }
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] ?? '';
        if (source.startsWith('.')) {
          expect({ volume, exists: existsSync(join(root, 'docker', source)) }).toEqual({ volume, exists: true });
        }
      }
    }
  });

  it.each(['province', 'city', 'county'])('configures the %s deployment with variables the API declares, and all it requires', (name) => {
    const declared = new Set(getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false).map((m) => m.propertyName));
    const environment = compose.services[name]?.environment ?? {};
    expect(Object.keys(environment).filter((key) => !declared.has(key))).toEqual([]);
    for (const required of ['DATABASE_URL', 'DEPLOYMENT_ID', 'HOSTED_TENANTS', 'AUTH_SIGNING_KEY_PATH', 'PII_KEY_PATH', 'ROUTING_DIRECTORY_PATH', 'ROUTING_ROOT_PUBLIC_KEY_PATH', 'CENTRE_KEYS_DIR']) {
      expect({ name, required, set: required in environment }).toEqual({ name, required, set: true });
    }
    expect(environment['DEPLOYMENT_ID']).toBe(name);
    expect(environment['ROUTING_TRANSPORT']).toBe('nats');
    // Its centre keys are where the keys job writes them, and its database is one the init script creates.
    expect(environment['CENTRE_KEYS_DIR']).toBe(`/keys/routing/centres/${name}`);
    const database = new URL(environment['DATABASE_URL'] ?? '').pathname.slice(1);
    expect(compose.services['postgres']?.environment?.['ZHENGWU_DATABASES']?.split(' ')).toContain(database);
  });

  it('provisions the routing keys with the keys command the api image carries, for the deployments it runs', () => {
    const keys = compose.services['keys'] as { command: string[] } & (typeof compose.services)[string];
    expect(read('docker/api.Dockerfile')).toContain('COPY --from=build /src/dist/tools/keys/main.js ./tools/keys.js');
    expect(read('docker/api.Dockerfile')).toMatch(/nx run-many -t build -p api keys/);
    expect(nxProjects().get('keys')).toContain('build');
    expect(keys.command.slice(0, 2)).toEqual(['node', 'tools/keys.js']);
    const deployments = JSON.parse(keys.command[keys.command.indexOf('--deployments') + 1] ?? '[]') as Array<{ id: string; hosted: string }>;
    for (const deployment of deployments) {
      expect(compose.services[deployment.id]?.environment?.['HOSTED_TENANTS']).toBe(deployment.hosted);
    }
    expect(deployments.map((d) => d.id)).toEqual(['province', 'city', 'county']);
  });

  it('provisions the runtime group role the migrations grant to', () => {
    const script = read('docker/postgres/10-provision.sh');
    expect(script).toContain(`CREATE ROLE ${RUNTIME_GROUP_ROLE} NOLOGIN`);
    expect(script).toContain(`IN ROLE ${RUNTIME_GROUP_ROLE}`);
    expect(statSync(join(root, 'docker/postgres/10-provision.sh')).mode & 0o111).not.toBe(0);
  });

  it('serves the web apps from where web.Dockerfile puts them, and proxies the API', () => {
    const nginx = read('docker/nginx/default.conf');
    const dockerfile = read('docker/web.Dockerfile');
    for (const app of ['portal', 'workbench']) {
      expect(dockerfile).toContain(`/usr/share/nginx/html/${app}`);
      expect(nginx).toContain(`/usr/share/nginx/html/${app}`);
    }
    expect(nginx).toMatch(/location \/api\/ \{[^}]*proxy_pass http:\/\/province:3000;/);
    expect(read('apps/workbench/project.json')).toContain('"baseHref": "/workbench/"');
  });

  it('names npm scripts that exist', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['start', 'test']));
    expect(read('.ci/run')).toMatch(/\nnpm test\n?$/);
  });
});
