#!/usr/bin/env node
// `npm test`: lint (module boundaries included) and type checks of every project, the builds the
// end-to-end suites run against, then every Jest suite (unit, integration on a real PostgreSQL,
// API and browser end-to-end) in one Jest run with at most two workers. Ends with one line:
// `N passed, N failed[, N skipped]` counting every test and every lint/type check.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false', FORCE_COLOR: '0' };
const nx = join(root, 'node_modules/.bin/nx');
const jest = join(root, 'node_modules/.bin/jest');
const resultsDir = join(root, 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;

function run(command, args) {
  process.stdout.write(`\n$ ${[command.replace(root + '/', ''), ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  return result;
}

function projectsWithTarget(target) {
  const result = spawnSync(nx, ['show', 'projects', '--with-target', target, '--json'], { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`nx show projects failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Runs an Nx target on every project; each project's run counts as one check. */
function checks(target) {
  const projects = projectsWithTarget(target);
  const result = run(nx, ['run-many', '-t', target, '--parallel=2', '--outputStyle=static', '--nxBail=false']);
  const failedTasks = new Set([...`${result.stdout}\n${result.stderr}`.matchAll(/^\s*- (\S+):(\S+)\s*$/gm)].filter((m) => m[2] === target).map((m) => m[1]));
  if (result.status !== 0 && failedTasks.size === 0) failedTasks.add(`(nx ${target} failed before running projects)`);
  passed += projects.filter((p) => !failedTasks.has(p)).length;
  failed += failedTasks.size;
  if (failedTasks.size > 0) process.stdout.write(`${target} failed for: ${[...failedTasks].join(', ')}\n`);
}

checks('lint');
checks('typecheck');

const build = run(nx, ['run-many', '-t', 'build', '-p', 'api', 'portal', 'workbench', 'dev-runner', '--parallel=2', '--outputStyle=static']);
if (build.status !== 0) {
  failed += 1;
  process.stdout.write('The builds the end-to-end suites need failed; their tests will fail too.\n');
}

const jestResults = join(resultsDir, 'jest.json');
run(jest, ['--config', 'jest.config.ts', '--maxWorkers=2', '--ci', '--json', `--outputFile=${jestResults}`]);
try {
  const report = JSON.parse(readFileSync(jestResults, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A suite that fails to load (syntax error, failing beforeAll hook) has no failed tests of its own.
  failed += report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.every((a) => a.status !== 'failed')).length;
} catch (error) {
  failed += 1;
  process.stdout.write(`No Jest report (${error.message}): counting the Jest run as failed.\n`);
}

process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 ? 1 : 0);
