import { parseKeysCommand, runKeysCommand, USAGE } from './keys-command';

/*
 * Routing keys and the signed centre directory (see keys-command.ts). The functions behind it are
 * exported by @zhengwu/server/routing (provisionRoutingKeys) for the dev runner and test harnesses.
 */
try {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
  } else {
    process.stdout.write(runKeysCommand(parseKeysCommand(argv)).summary);
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(1);
}
