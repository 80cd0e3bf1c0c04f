import { createServer } from 'node:net';

/*
 * Ports for servers the tests start. They are taken below Linux's ephemeral range
 * (net.ipv4.ip_local_port_range, 32768–60999 by default): a port the kernel gave out with
 * `listen(0)` and which was closed again is an ephemeral port, and any outgoing connection of a
 * busy test run (PostgreSQL pools, NATS clients, Chromium) may be bound to it before the server
 * under test listens, which is how a topology suite once failed with EADDRINUSE. Below the range
 * only a process that asks for that very port can take it. The fixed ports of the web suites
 * (287xx) are left alone.
 */
const LOWEST = 20_000;
const HIGHEST = 28_600;

/** `count` consecutive ports nobody listens on right now, below the ephemeral range; the first one. */
export async function freePortRun(count: number): Promise<number> {
  // A random start keeps two Jest workers that ask at the same moment from choosing the same run.
  const span = HIGHEST - LOWEST - count;
  const start = LOWEST + Math.floor(Math.random() * span);
  for (let offset = 0; offset < span; offset += count) {
    const first = LOWEST + ((start - LOWEST + offset) % span);
    let free = true;
    for (let n = 0; n < count && free; n++) free = await canListen(first + n);
    if (free) return first;
  }
  throw new Error(`No ${count} consecutive free ports on 127.0.0.1 between ${LOWEST} and ${HIGHEST}`);
}

/** One port nobody listens on right now, below the ephemeral range. */
export function freePort(): Promise<number> {
  return freePortRun(1);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
