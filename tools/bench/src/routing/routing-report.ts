import type { Trip } from './round-trip';

export interface LegStats {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface RoutingReport {
  startedAt: string;
  environment: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    postgres: string;
    nats: string;
    loadAverageAtStart: number;
    loadAverageAtEnd: number;
    rate: number;
    durationSeconds: number;
    pollMs: number;
  };
  prepareSeconds: number;
  trips: { sent: number; completed: number; unfinished: number; errors: number; errorSamples: string[]; pollErrors: number };
  legs: Record<'approve' | 'request' | 'complete' | 'attestation' | 'roundTrip', LegStats>;
  /** Round trips completed per second, from the first request to the last completion. */
  roundTripsPerSecond: number;
  /** Envelopes the three deployments' inboxes accepted during the run, per second, and by type. */
  messagesPerSecond: number;
  messagesByType: Record<string, number>;
}

export const LEG_TITLES: Record<keyof RoutingReport['legs'], string> = {
  approve: 'approve at the city (HTTP answer)',
  request: 'request → task visible at the county',
  complete: 'complete at the county (HTTP answer)',
  attestation: 'complete → case completed at the city',
  roundTrip: 'round trip: approve sent → case completed',
};

export function legStats(trips: Trip[]): RoutingReport['legs'] {
  const leg = (from: keyof Trip, to: keyof Trip) =>
    stats(trips.flatMap((t) => (typeof t[from] === 'number' && typeof t[to] === 'number' ? [(t[to] as number) - (t[from] as number)] : [])));
  return {
    approve: leg('requestSent', 'requestAnswered'),
    request: leg('requestSent', 'visible'),
    complete: leg('completeSent', 'completeAnswered'),
    attestation: leg('completeSent', 'completed'),
    roundTrip: leg('requestSent', 'completed'),
  };
}

function stats(values: number[]): LegStats {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least p% of the values at or below it.
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p50: at(50), p90: at(90), p99: at(99), max: sorted[sorted.length - 1] ?? 0 };
}

export function formatRoutingReport(report: RoutingReport): string {
  const env = report.environment;
  const t = report.trips;
  const lines = [
    '',
    'Zhengwu Hall routing benchmark: the originals check 510900 (city) → 510981 (county) → back',
    `  machine     ${env.cpus} × ${env.cpuModel}, ${env.memoryGiB} GiB, Node ${env.node}`,
    `  topology    province, city and county deployments, databases on PostgreSQL ${env.postgres}, NATS JetStream ${env.nats}`,
    `  load        ${env.rate} requests/s offered for ${env.durationSeconds} s (${t.sent} cases, prepared in ${report.prepareSeconds.toFixed(0)} s); polling every ${env.pollMs} ms`,
    `  busy        load average ${env.loadAverageAtStart.toFixed(1)} at the start, ${env.loadAverageAtEnd.toFixed(1)} at the end` +
      (env.loadAverageAtStart > env.cpus / 2 ? ' — something else was running: the figures are worse than this machine can do' : ''),
    '',
  ];
  const header = ['leg', 'n', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'];
  const rows = (Object.keys(LEG_TITLES) as Array<keyof RoutingReport['legs']>).map((key) => {
    const s = report.legs[key];
    return [LEG_TITLES[key], String(s.count), s.p50.toFixed(0), s.p90.toFixed(0), s.p99.toFixed(0), s.max.toFixed(0)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const format = (row: string[]) => '  ' + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  lines.push(format(header), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format), '');
  lines.push(
    `  round trips ${t.completed} of ${t.sent} completed, ${report.roundTripsPerSecond.toFixed(2)}/s sustained; ${t.unfinished} unfinished, ${t.errors} errors, ${t.pollErrors} failed polls`,
    `  messages    ${report.messagesPerSecond.toFixed(2)} routed envelopes/s accepted by the inboxes (${Object.entries(report.messagesByType)
      .map(([type, n]) => `${type} ${n}`)
      .join(', ')})`,
  );
  for (const sample of t.errorSamples) lines.push(`  ! ${sample}`);
  lines.push('');
  return lines.join('\n');
}
