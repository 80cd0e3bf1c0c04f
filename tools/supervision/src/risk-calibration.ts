import { isCivilDate, nationalCalendar, type WorkingDayCalendar } from '@zhengwu/calendar/domain';
import { calibrate, type CalibrationReport, queuesAtStart, type TimedSample } from '@zhengwu/supervision/domain';
import { Client } from 'pg';
import { parseArgs } from 'node:util';

/*
 * `npx nx run supervision-tools:risk-calibration -- --centre 510900 [--database-url postgres://…] [--json]`
 *
 * How well the predicted overdue risk (libs/supervision/domain/src/lib/risk.ts) is calibrated on
 * a centre's history: every finished step (passed, returned, approved or denied) with a due date,
 * its duration and limit in working days (national calendar), the queue at its post when it
 * started; the history is cut into ten time slices, each predicted by a model fitted only on steps
 * finished before it began (at the step's start and half-way through its limit), and the
 * predictions are grouped into deciles: predicted vs observed breach rate per decile.
 *
 * Reads with the runtime role under the centre's RLS scope (DATABASE_URL, as the API), in one
 * read-only transaction. Exit 0, or 1 on error.
 */

const USAGE = `Usage: npx nx run supervision-tools:risk-calibration -- --centre 510900 [--database-url postgres://…] [--folds 10] [--json]
`;

interface StepRow {
  item_id: string;
  code: string;
  post: string;
  started_at: Date;
  finished_at: Date | null;
  due: string | null;
  outcome: string | null;
}

const COUNTED_OUTCOMES = new Set(['passed', 'returned', 'approved', 'denied']);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      centre: { type: 'string' },
      'database-url': { type: 'string', default: process.env['DATABASE_URL'] },
      folds: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.centre || !/^\d{6}$/.test(values.centre)) throw new Error(`--centre must be a 6-digit centre code\n${USAGE}`);
  if (!values['database-url']) throw new Error(`--database-url (or DATABASE_URL) is required\n${USAGE}`);
  const folds = Number(values.folds);
  if (!Number.isInteger(folds) || folds < 2 || folds > 100) throw new Error('--folds must be an integer from 2 to 100');

  const client = new Client({ connectionString: values['database-url'] });
  await client.connect();
  let rows: StepRow[];
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [values.centre]);
    rows = (
      await client.query<StepRow>(
        `SELECT a.item_id::text AS item_id, s.code, s.post, s.started_at, s.finished_at, s.due::text AS due, s.outcome
           FROM application_steps s
           JOIN applications a ON a.tenant_id = s.tenant_id AND a.id = s.application_id
          WHERE s.tenant_id = $1`,
        [values.centre],
      )
    ).rows;
    await client.query('COMMIT');
  } finally {
    await client.end();
  }

  const history = samplesOf(rows, nationalCalendar());
  const report = calibrate(history, folds);
  process.stdout.write(values.json ? `${JSON.stringify({ centre: values.centre, steps: rows.length, ...report })}\n` : formatCalibration(values.centre, rows.length, report));
  return 0;
}

/** Finished steps as samples; every step (open ones too) counts in the queues. */
export function samplesOf(rows: readonly StepRow[], calendar: WorkingDayCalendar): TimedSample[] {
  const queues = queuesAtStart(rows.map((row) => ({ post: row.post, startedAt: row.started_at, finishedAt: row.finished_at })));
  const samples: TimedSample[] = [];
  rows.forEach((row, index) => {
    if (!row.finished_at || !isCivilDate(row.due) || !COUNTED_OUTCOMES.has(row.outcome ?? '')) return;
    const limit = calendar.workingDaysBetween(row.started_at, row.due).days;
    const duration = calendar.workingDaysBetween(row.started_at, row.finished_at).days;
    samples.push({
      itemKey: row.item_id,
      stepCode: row.code,
      queue: queues[index],
      limitWorkingDays: Math.max(0, limit),
      durationWorkingDays: Math.max(0, duration),
      startedAt: row.started_at,
      finishedAt: row.finished_at,
    });
  });
  return samples;
}

export function formatCalibration(centre: string, steps: number, report: CalibrationReport): string {
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows = [
    ['decile', 'n', 'predicted (min–max)', 'mean predicted', 'observed'],
    ...report.deciles.map((d) => [String(d.decile), String(d.predictions), `${percent(d.minPredicted)}–${percent(d.maxPredicted)}`, percent(d.meanPredicted), percent(d.observedBreachRate)]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
  return [
    `Predicted overdue risk, calibration at centre ${centre}`,
    `steps read: ${steps}; finished steps used: ${report.samples}; predictions: ${report.predictions} (at start and half-way, time-sliced, no look-ahead)`,
    `observed breach rate: ${percent(report.baseRate)}; Brier score: ${report.brierScore.toFixed(4)} (always answering the base rate: ${(report.baseRate * (1 - report.baseRate)).toFixed(4)})`,
    '',
    ...lines,
    '',
  ].join('\n');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
