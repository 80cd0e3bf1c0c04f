import type { CivilDate } from '@zhengwu/calendar/domain';

/*
 * Statistics from incrementally maintained counters: each event of the approval core's log is
 * folded exactly once into per-day counters per centre, department, item and staff member, so a
 * period's figures are sums over days, never a scan of the cases.
 */

export type StatDimension = 'centre' | 'department' | 'item' | 'staff';
export const STAT_DIMENSIONS: readonly StatDimension[] = ['centre', 'department', 'item', 'staff'];

export interface StatCounters {
  received: number;
  accepted: number;
  completed: number;
  completedOnTime: number;
  overdueCompleted: number;
  /** Sum over completed cases of working days from acceptance to completion. */
  handlingWorkingDays: number;
  immediateReceived: number;
  /** Actions staff took on cases (pre-review decisions, step passes and returns, decisions). */
  staffActions: number;
}

export const ZERO_COUNTERS: StatCounters = Object.freeze({
  received: 0,
  accepted: 0,
  completed: 0,
  completedOnTime: 0,
  overdueCompleted: 0,
  handlingWorkingDays: 0,
  immediateReceived: 0,
  staffActions: 0,
});

/** One event of the log, with what the fold needs of its case (as it is when the event is folded). */
export interface StatEvent {
  seq: number;
  action: string;
  actorKind: 'applicant' | 'staff' | 'system';
  actorId: string | null;
  fromStatus: number;
  toStatus: number;
  /** The China civil date of the event. */
  day: CivilDate;
  caseType: 'immediate' | 'promised';
  departmentName: string;
  itemId: string;
  itemName: string;
  promisedDue: CivilDate | null;
  acceptedAt: Date | null;
  occurredAt: Date;
}

export interface CounterDelta {
  day: CivilDate;
  dimension: StatDimension;
  key: string;
  label: string;
  counters: StatCounters;
}

/** Staff actions counted per staff member. */
export const COUNTED_STAFF_ACTIONS: readonly string[] = [
  'accept',
  'return_with_notice',
  'not_accept',
  'pass_step',
  'return_step',
  'approve',
  'deny',
  'complete',
];

/** Working days from acceptance to completion, on the centre's calendar. */
export type HandlingDays = (acceptedAt: Date, completedAt: Date) => number;

/** What one event adds to the counters of the case's centre, department and item (and its staff actor). */
export function countersOfEvent(event: StatEvent, handlingDays: HandlingDays): StatCounters {
  const counters = { ...ZERO_COUNTERS };
  if (event.action === 'submit') {
    counters.received = 1;
    if (event.caseType === 'immediate') counters.immediateReceived = 1;
  }
  // Acceptance moves a case from below 30 to accepted (30, or 37 with materials owed); a 即办件
  // decided on the spot goes straight to completion and is accepted as well.
  if (event.fromStatus < 30 && (event.toStatus === 30 || event.toStatus === 37 || event.toStatus === 90)) counters.accepted = 1;
  if (event.toStatus === 90 && event.fromStatus !== 90) {
    counters.completed = 1;
    const onTime = event.promisedDue === null || event.day <= event.promisedDue;
    if (onTime) counters.completedOnTime = 1;
    else counters.overdueCompleted = 1;
    counters.handlingWorkingDays = event.acceptedAt ? Math.max(0, handlingDays(event.acceptedAt, event.occurredAt)) : 0;
  }
  return counters;
}

/** Deltas of a batch of events, merged per day, dimension and key. */
export function foldEvents(events: readonly StatEvent[], handlingDays: HandlingDays): CounterDelta[] {
  const merged = new Map<string, CounterDelta>();
  const add = (day: CivilDate, dimension: StatDimension, key: string, label: string, counters: StatCounters) => {
    const id = `${day}|${dimension}|${key}`;
    const existing = merged.get(id);
    if (existing) existing.counters = sumCounters(existing.counters, counters);
    else merged.set(id, { day, dimension, key, label, counters: { ...counters } });
  };
  for (const event of events) {
    const counters = countersOfEvent(event, handlingDays);
    if (!isZero(counters)) {
      add(event.day, 'centre', '', '', counters);
      add(event.day, 'department', event.departmentName, event.departmentName, counters);
      add(event.day, 'item', event.itemId, event.itemName, counters);
    }
    if (event.actorKind === 'staff' && event.actorId && COUNTED_STAFF_ACTIONS.includes(event.action)) {
      add(event.day, 'staff', event.actorId, '', { ...ZERO_COUNTERS, staffActions: 1 });
    }
  }
  return [...merged.values()];
}

export function sumCounters(a: StatCounters, b: StatCounters): StatCounters {
  return {
    received: a.received + b.received,
    accepted: a.accepted + b.accepted,
    completed: a.completed + b.completed,
    completedOnTime: a.completedOnTime + b.completedOnTime,
    overdueCompleted: a.overdueCompleted + b.overdueCompleted,
    handlingWorkingDays: a.handlingWorkingDays + b.handlingWorkingDays,
    immediateReceived: a.immediateReceived + b.immediateReceived,
    staffActions: a.staffActions + b.staffActions,
  };
}

function isZero(counters: StatCounters): boolean {
  return Object.values(counters).every((value) => value === 0);
}

/** A row of the statistics answer: the period's sums and the rates derived from them. */
export interface StatRow extends StatCounters {
  dimension: StatDimension;
  key: string;
  label: string;
  /** completedOnTime / completed; null when nothing was completed. */
  onTimeRate: number | null;
  /** handlingWorkingDays / completed. */
  averageHandlingWorkingDays: number | null;
  /** immediateReceived / received (即办件 share). */
  immediateShare: number | null;
}

export function statRow(dimension: StatDimension, key: string, label: string, counters: StatCounters): StatRow {
  const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);
  return {
    dimension,
    key,
    label,
    ...counters,
    onTimeRate: ratio(counters.completedOnTime, counters.completed),
    averageHandlingWorkingDays: ratio(counters.handlingWorkingDays, counters.completed),
    immediateShare: ratio(counters.immediateReceived, counters.received),
  };
}

export interface StatisticsView {
  centreCode: string;
  from: string;
  to: string;
  dimension: StatDimension;
  rows: StatRow[];
  /** The last event folded in: figures include every event up to it. */
  foldedThroughSeq: number;
}
