/**
 * A worker loop inside the API process (outbox relays, pruning): runs a round, waits `intervalMs`
 * after it ends, runs the next, so rounds never overlap however long one takes. A failed round is
 * reported and the loop goes on. `stop()` waits for a round under way, so shutdown never cuts a
 * unit of work in half; the timer does not keep the process alive.
 */
export class RepeatingRound {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly round: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round()
        .catch(this.onError)
        .finally(() => {
          this.running = undefined;
          this.start();
        });
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
