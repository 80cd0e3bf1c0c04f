import type { RoutingReconciliationView, StaffTokenResponse } from '@zhengwu/shared/contracts';
import { parseArgs } from 'node:util';

/*
 * `npm run reconcile -- --url <deployment> --centre <code> --username <supervisor>`: the routing
 * reconciliation report of one centre (sent / published / confirmed applied / dead per peer, what
 * it received, and every message stuck between states with its age), through the API and its
 * permissions. Exit code 0 when nothing is stuck, 2 when something is (for cron and monitoring),
 * 1 on error. `--ask` first sends reconcile.request.v1 to the peers and waits for their reports.
 */

const USAGE = `Usage: npm run reconcile -- --url http://localhost:3000 --centre 510900 --username supervisor
          [--password <p> | env ZHENGWU_PASSWORD] [--window-hours 168] [--stuck-after 30] [--ask] [--json]
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env['ZHENGWU_URL'] ?? 'http://localhost:3000' },
      centre: { type: 'string' },
      username: { type: 'string', default: 'supervisor' },
      password: { type: 'string', default: process.env['ZHENGWU_PASSWORD'] },
      'window-hours': { type: 'string' },
      'stuck-after': { type: 'string' },
      ask: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.centre || !/^\d{6}$/.test(values.centre)) throw new Error(`--centre must be a 6-digit centre code\n${USAGE}`);
  if (!values.password) throw new Error(`--password (or ZHENGWU_PASSWORD) is required\n${USAGE}`);
  const base = values.url.replace(/\/$/, '');
  const login = await request<StaffTokenResponse>(`${base}/api/v1/auth/staff/login`, {
    method: 'POST',
    body: { centreCode: values.centre, username: values.username, password: values.password },
  });
  const token = login.accessToken;
  const path = `${base}/api/v1/centres/${values.centre}/routing/reconciliation`;
  const query = new URLSearchParams();
  if (values['window-hours']) query.set('windowHours', values['window-hours']);
  if (values['stuck-after']) query.set('stuckAfterMinutes', values['stuck-after']);
  if (values.ask) {
    await request(`${path}/requests`, { method: 'POST', token, body: values['window-hours'] ? { windowHours: Number(values['window-hours']) } : {} });
    // The peers answer through the routing relay: give their reports a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  const report = await request<RoutingReconciliationView>(`${path}${query.size > 0 ? `?${query}` : ''}`, { token });
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReconciliation(report));
  return report.stuck.length > 0 ? 2 : 0;
}

async function request<T>(url: string, init: { method?: string; token?: string; body?: unknown }): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await response.text();
  if (!response.ok) {
    let message = text;
    try {
      const error = JSON.parse(text) as { code?: string; message?: { zh?: string; en?: string } };
      message = `${error.code ?? ''} ${error.message?.en ?? ''} ${error.message?.zh ?? ''}`.trim();
    } catch {
      // Not a structured error: show it as it came.
    }
    throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${response.status} ${message}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

export function formatReconciliation(report: RoutingReconciliationView): string {
  const rows = [
    ['peer', 'sent', 'published', 'confirmed', 'dead', 'received', 'applied', 'failed'],
    ...report.peers.map((p) => [p.peer, p.sent, p.published, p.confirmedApplied, p.dead, p.received, p.applied, p.failed].map(String)),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const table = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  '));
  const stuck = report.stuck.map((m) => `  ${m.envelopeId}  ${m.type}  to/from ${m.peer}  ${m.state} since ${m.since} (${formatAge(m.ageSeconds)})`);
  return [
    `Routing reconciliation of centre ${report.centre}, last ${report.windowHours} h, at ${report.generatedAt}`,
    '',
    ...(report.peers.length > 0 ? table : ['(no messages with any peer in the window)']),
    '',
    report.stuck.length === 0 ? 'Nothing stuck.' : `${report.stuck.length} stuck:`,
    ...stuck,
    '',
  ].join('\n');
}

function formatAge(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`reconcile: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
