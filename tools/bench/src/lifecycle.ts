/**
 * What the run must undo (platform, databases, temporary directory), undone in reverse order
 * whether the run ends normally, fails, or is interrupted with Ctrl-C.
 */
export class Lifecycle {
  private readonly undo: Array<{ what: string; run: () => Promise<void> }> = [];
  private readonly interruptHandlers = new Set<() => void>();
  private cleaning?: Promise<void>;
  interrupted = false;

  /** Registers an undo step; they run last-registered first. */
  defer(what: string, run: () => Promise<void>): void {
    this.undo.push({ what, run });
  }

  /** Called at once on Ctrl-C (e.g. to stop a running autocannon); returns the unsubscribe. */
  onInterrupt(handler: () => void): () => void {
    this.interruptHandlers.add(handler);
    return () => this.interruptHandlers.delete(handler);
  }

  /** Throws if Ctrl-C was pressed, so a long sequence stops between its steps. */
  checkpoint(): void {
    if (this.interrupted) throw new Interrupted();
  }

  cleanup(): Promise<void> {
    this.cleaning ??= (async () => {
      while (this.undo.length > 0) {
        const step = this.undo.pop();
        if (!step) break;
        try {
          await step.run();
        } catch (error) {
          log(`cleanup: ${step.what} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.cleaning;
  }

  /** Ctrl-C or SIGTERM: stop what runs, undo everything, exit 130. A second Ctrl-C exits at once. */
  installSignalHandlers(): void {
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.interrupted) {
        log(`${signal} again: exiting without finishing the cleanup`);
        process.exit(130);
      }
      this.interrupted = true;
      log(`${signal}: stopping and cleaning up (press Ctrl-C again to exit at once)`);
      for (const handler of this.interruptHandlers) handler();
      void this.cleanup().finally(() => process.exit(130));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    // A promise nobody awaited rejected (a bug): still undo everything before exiting.
    process.on('unhandledRejection', (reason) => {
      log(`unexpected failure: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
      void this.cleanup().finally(() => process.exit(1));
    });
  }
}

export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

const started = Date.now();

/** Progress goes to stderr, so stdout carries only the results. */
export function log(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}

/** Runs a step and logs how long it took. */
export async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const start = Date.now();
  log(`${what} …`);
  const result = await run();
  log(`${what}: done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return result;
}
