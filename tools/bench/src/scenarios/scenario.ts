import { randomUUID } from 'node:crypto';
import type { SeededCase } from '../seed/seeder';

export interface ScenarioRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * One measured workload. `next()` gives the next request; a scenario that changes state gives
 * each case once (its `capacity`), so no request is a retry of another or a 409 on a case that
 * has already moved on.
 */
export interface Scenario {
  key: string;
  title: string;
  /** How many requests it can make (undefined: reads, as many as the duration allows). */
  capacity?: number;
  next(): ScenarioRequest | undefined;
}

/** Who the scenarios act as: the demo staff of each centre and the registered applicants. */
export interface Tokens {
  clerk: Map<string, string>;
  reviewer: Map<string, string>;
  applicant: Map<string, string>;
}

const API = '/api/v1/centres';

/** Round-robin over the centres, so that consecutive requests hit different centres' event chains. */
export function interleave(perCentre: SeededCase[][]): SeededCase[] {
  const out: SeededCase[] = [];
  const longest = Math.max(0, ...perCentre.map((cases) => cases.length));
  for (let i = 0; i < longest; i++) {
    for (const cases of perCentre) {
      const item = cases[i];
      if (item) out.push(item);
    }
  }
  return out;
}

function queue(key: string, title: string, cases: SeededCase[], request: (c: SeededCase) => ScenarioRequest): Scenario {
  let i = 0;
  return {
    key,
    title,
    capacity: cases.length,
    next: () => {
      const c = cases[i++];
      return c ? request(c) : undefined;
    },
  };
}

function bearer(token: string | undefined, what: string): string {
  if (!token) throw new Error(`No token for ${what}`);
  return `Bearer ${token}`;
}

const json = (token: string, version: number) => ({
  headers: { authorization: token, 'content-type': 'application/json' },
  body: JSON.stringify({ version }),
});

/** The applicant submits a complete draft; a new Idempotency-Key each time, as the portal sends. */
export function submitScenario(drafts: SeededCase[], tokens: Tokens): Scenario {
  return queue('submit', 'submit (applicant, POST …/submit)', drafts, (c) => ({
    method: 'POST',
    path: `${API}/${c.centre}/applications/${c.id}/submit`,
    headers: { authorization: bearer(tokens.applicant.get(c.applicantId), `applicant ${c.applicantId}`), 'idempotency-key': randomUUID() },
  }));
}

/** The window clerk accepts (受理) a submitted case: the clock starts, step 0 passes, deadlines are set. */
export function acceptScenario(submitted: SeededCase[], tokens: Tokens): Scenario {
  return queue('accept', 'pre-review accept (clerk, POST …/pre-review/accept)', submitted, (c) => ({
    method: 'POST',
    path: `${API}/${c.centre}/applications/${c.id}/pre-review/accept`,
    ...json(bearer(tokens.clerk.get(c.centre), `clerk of ${c.centre}`), c.version),
  }));
}

/** The reviewer passes the review step of an accepted case on to the next step. */
export function passScenario(atReview: SeededCase[], tokens: Tokens): Scenario {
  return queue('pass', 'step pass (reviewer, POST …/steps/pass)', atReview, (c) => ({
    method: 'POST',
    path: `${API}/${c.centre}/applications/${c.id}/steps/pass`,
    ...json(bearer(tokens.reviewer.get(c.centre), `reviewer of ${c.centre}`), c.version),
  }));
}

/** The applicant opens one of their cases (timeline, deadlines, notices, materials), picked at random. */
export function progressScenario(owned: SeededCase[], tokens: Tokens): Scenario {
  if (owned.length === 0) throw new Error('No seeded case belongs to a registered applicant');
  return {
    key: 'progress',
    title: 'applicant progress read (GET …/applications/:id)',
    next: () => {
      const c = owned[Math.floor(Math.random() * owned.length)] as SeededCase;
      return {
        method: 'GET',
        path: `${API}/${c.centre}/applications/${c.id}`,
        headers: { authorization: bearer(tokens.applicant.get(c.applicantId), `applicant ${c.applicantId}`) },
      };
    },
  };
}

/** The reviewer's inbox: accepted cases waiting at the review posts, soonest due first, with the filters the workbench offers. */
export function inboxScenario(centres: string[], tokens: Tokens): Scenario {
  const queries = [
    ...[0, 1, 2, 3, 5, 8, 10].flatMap((dueWithin) => [1, 2, 3].map((page) => `status=30&dueWithin=${dueWithin}&page=${page}&pageSize=20`)),
    ...[1, 2, 3, 4, 5].map((page) => `status=30&page=${page}&pageSize=20`),
    'status=30&overdue=true&page=1&pageSize=20',
    'status=30,37&post=reviewer&dueWithin=5&page=1&pageSize=20',
    'page=1&pageSize=50',
  ];
  return {
    key: 'inbox',
    title: 'staff inbox page (reviewer, GET …/inbox?status=30&dueWithin=…)',
    next: () => {
      const centre = centres[Math.floor(Math.random() * centres.length)] as string;
      const query = queries[Math.floor(Math.random() * queries.length)] as string;
      return {
        method: 'GET',
        path: `${API}/${centre}/inbox?${query}`,
        headers: { authorization: bearer(tokens.reviewer.get(centre), `reviewer of ${centre}`) },
      };
    },
  };
}
