import type { Client } from 'pg';
import type { Lifecycle } from '../lifecycle';
import { HANDLING_CENTRE, ReadyCase, RoutingStory } from './story';

/** One originals check, timed at the bench (performance.now(), ms). */
export interface Trip {
  caseNumber: string;
  /** The approval (the request) was sent to the city. */
  requestSent?: number;
  /** The city answered the approval (the request is committed to its outbox). */
  requestAnswered?: number;
  /** The task appeared in the county's list of open checks. */
  visible?: number;
  /** The completion was sent to the county. */
  completeSent?: number;
  completeAnswered?: number;
  /** The case read as completed (status 90) in the city's database. */
  completed?: number;
  error?: string;
}

export interface DriveOptions {
  rate: number;
  pollMs: number;
  /** How long after the last request the bench waits for trips still under way. */
  drainMs: number;
}

const COMPLETED = 90;

/**
 * Starts one approval every 1/rate seconds (open loop: on schedule, whether or not the earlier
 * ones have come back, so a slow round trip cannot lower the offered rate), and meanwhile
 * - polls the county's open checks through its API (what its clerk sees) and completes each new
 *   task at once, as a clerk who has the originals in hand would;
 * - polls the city's database for the cases that have become completed (one indexed query per
 *   round rather than one API read per case, so that watching adds next to no load).
 * A trip's legs are then request → visible and complete → completed; polling adds on average
 * half a polling interval to each.
 */
export async function drive(
  story: RoutingStory,
  cases: ReadyCase[],
  tokens: { approver: string; countyClerk: string },
  cityDb: Client,
  options: DriveOptions,
  lifecycle: Lifecycle,
): Promise<{ trips: Trip[]; pollErrors: number }> {
  lifecycle.checkpoint();
  const trips = new Map<string, Trip>(cases.map((c) => [c.caseNumber, { caseNumber: c.caseNumber }]));
  const inFlight: Promise<unknown>[] = [];
  let sending = true;
  let pollErrors = 0;
  let stopped = false;
  const stopOnInterrupt = lifecycle.onInterrupt(() => (stopped = true));
  const unfinished = () => [...trips.values()].filter((t) => t.requestSent !== undefined && t.completed === undefined && !t.error);

  const watchCounty = async () => {
    while (!stopped && (sending || unfinished().some((t) => t.completeSent === undefined))) {
      // A failed poll is counted and retried: one slow answer under load must not end the run.
      const tasks = await story.pendingTasks(tokens.countyClerk).catch(() => {
        pollErrors++;
        return [];
      });
      const now = performance.now();
      for (const task of tasks) {
        const trip = trips.get(task.caseNumber);
        if (!trip || trip.visible !== undefined) continue;
        trip.visible = now;
        trip.completeSent = performance.now();
        inFlight.push(
          story.complete(task, tokens.countyClerk).then(
            () => (trip.completeAnswered = performance.now()),
            (error: Error) => (trip.error = `complete: ${error.message}`),
          ),
        );
      }
      await pause(options.pollMs);
    }
  };

  const watchCity = async () => {
    while (!stopped && (sending || unfinished().length > 0)) {
      const waiting = unfinished().filter((t) => t.completeSent !== undefined).map((t) => t.caseNumber);
      if (waiting.length > 0) {
        const { rows } = await cityDb.query<{ case_number: string }>(
          'SELECT case_number FROM applications WHERE tenant_id = $1 AND case_number = ANY($2) AND status = $3',
          [HANDLING_CENTRE, waiting, COMPLETED],
        );
        const now = performance.now();
        for (const row of rows) {
          const trip = trips.get(row.case_number);
          if (trip && trip.completed === undefined) trip.completed = now;
        }
      }
      await pause(options.pollMs);
    }
  };

  const send = async () => {
    const start = performance.now();
    for (const [i, ready] of cases.entries()) {
      if (stopped) break;
      await pause(start + (i * 1000) / options.rate - performance.now());
      const trip = trips.get(ready.caseNumber) as Trip;
      trip.requestSent = performance.now();
      inFlight.push(
        story.approve(ready, tokens.approver).then(
          () => (trip.requestAnswered = performance.now()),
          (error: Error) => (trip.error = `approve: ${error.message}`),
        ),
      );
    }
    sending = false;
  };

  // A watcher that fails stops the run; it is rethrown below, after the approvals under way are settled.
  let failure: unknown;
  const watchers = Promise.all([watchCounty(), watchCity()]).catch((error: unknown) => {
    failure = error;
    stopped = true;
  });
  await send();
  // Trips still under way get `drainMs` to finish; whatever is left then counts as unfinished.
  const drained = setTimeout(() => (stopped = true), options.drainMs);
  await watchers;
  clearTimeout(drained);
  await Promise.allSettled(inFlight);
  stopOnInterrupt();
  lifecycle.checkpoint();
  if (failure) throw failure;
  return { trips: [...trips.values()].filter((t) => t.requestSent !== undefined), pollErrors };
}

function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
