import type { Client } from 'pg';

export interface WaitProfile {
  samples: number;
  /** Mean number of the API's backends running a statement (or waiting inside one). */
  activeBackends: number;
  /** Share of those backend-samples spent waiting, by `wait_event_type:wait_event` (CPU = not waiting). */
  waits: Record<string, number>;
}

/**
 * Samples pg_stat_activity every 50 ms while a scenario runs: where the API's database sessions
 * spend their time. Waits on `Lock:transactionid`/`Lock:tuple` are transitions of one centre
 * queueing on its event-chain head (or the day's case-number row); `Client:ClientRead` is a
 * session inside an open transaction waiting for the API's next statement.
 */
export class WaitSampler {
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private samples = 0;
  private active = 0;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly client: Client,
    private readonly database: string,
  ) {}

  start(): void {
    const tick = async () => {
      const { rows } = await this.client.query<{ wait: string | null; n: string }>(
        `SELECT CASE WHEN wait_event IS NULL THEN NULL ELSE wait_event_type || ':' || wait_event END AS wait, count(*) AS n
           FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            AND state IN ('active', 'idle in transaction')
          GROUP BY 1`,
        [this.database],
      );
      this.samples += 1;
      for (const row of rows) {
        const key = row.wait ?? 'CPU';
        this.active += Number(row.n);
        this.counts.set(key, (this.counts.get(key) ?? 0) + Number(row.n));
      }
      if (!this.stopped) this.timer = setTimeout(() => void tick().catch(() => undefined), 50);
    };
    this.timer = setTimeout(() => void tick().catch(() => undefined), 50);
  }

  stop(): WaitProfile {
    this.stopped = true;
    clearTimeout(this.timer);
    const waits: Record<string, number> = {};
    for (const [key, count] of [...this.counts.entries()].sort((a, b) => b[1] - a[1])) {
      waits[key] = this.active ? Math.round((count / this.active) * 1000) / 1000 : 0;
    }
    return { samples: this.samples, activeBackends: this.samples ? Math.round((this.active / this.samples) * 10) / 10 : 0, waits };
  }
}
