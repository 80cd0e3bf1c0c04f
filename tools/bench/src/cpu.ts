import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent by the processes that serve a measurement, read from /proc (Linux): the API's
 * process and the PostgreSQL backends connected to one database. On a machine other work shares,
 * req/s falls with the share of the cores the run gets; CPU milliseconds per request move much
 * less: they say what a request costs, where req/s says what this machine delivered at the time.
 *
 * Backends come and go (pgbench closes its connections before it prints its summary), and an
 * exited process leaves no trace in /proc, so the meter samples every 200 ms while it runs and
 * keeps each process's first and last reading; a process first seen after the start counts from 0.
 */
export class CpuMeter {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private timer?: NodeJS.Timeout;

  /**
   * @param exclude backends of the bench's own connections (its pg_stat_activity sampler), whose
   *   work is not the platform's
   */
  constructor(
    private readonly apiPid: number | undefined,
    private readonly database: string,
    private readonly exclude: ReadonlySet<number> = new Set(),
  ) {}

  /** False where /proc is missing (not Linux): the report then leaves the figures out. */
  static available(): boolean {
    try {
      readFileSync('/proc/self/stat');
      return true;
    } catch {
      return false;
    }
  }

  start(): void {
    this.first.clear();
    this.last.clear();
    for (const [pid, ms] of this.read()) this.first.set(pid, ms);
    this.timer = setInterval(() => this.record(), 200);
  }

  /** CPU ms the API and the backends spent since `start`. */
  stop(): { apiMs: number; postgresMs: number } {
    clearInterval(this.timer);
    this.record();
    let apiMs = 0;
    let postgresMs = 0;
    for (const [pid, ms] of this.last) {
      const spent = ms - (this.first.get(pid) ?? 0);
      if (pid === this.apiPid) apiMs += spent;
      else postgresMs += spent;
    }
    return { apiMs, postgresMs };
  }

  private record(): void {
    for (const [pid, ms] of this.read()) this.last.set(pid, ms);
  }

  private read(): Map<number, number> {
    const readings = new Map<number, number>();
    if (this.apiPid !== undefined) {
      const ms = cpuMs(this.apiPid);
      if (ms !== undefined) readings.set(this.apiPid, ms);
    }
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      if (this.exclude.has(pid)) continue;
      // A backend's title is "postgres: <cluster>: <role> <database> <client> <state>".
      const title = read(`/proc/${pid}/cmdline`)?.replace(/\0/g, ' ');
      if (title?.startsWith('postgres: ') && title.split(' ').includes(this.database)) {
        const ms = cpuMs(pid);
        if (ms !== undefined) readings.set(pid, ms);
      }
    }
    return readings;
  }
}

/** Kernel clock ticks per second (USER_HZ): 100 on every Linux architecture Node runs on. */
const TICKS_PER_SECOND = 100;

function cpuMs(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // Fields after the parenthesised command (which may contain spaces): utime is the 14th field, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // The process has exited since the directory was listed.
  }
}
