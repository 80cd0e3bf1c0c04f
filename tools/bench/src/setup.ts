import type { Client } from 'pg';
import type { ApiClient, Applicant } from './api';
import { Lifecycle, log, timed } from './lifecycle';
import type { BenchOptions } from './options';
import { HISTORY_MIX } from './seed/case-kinds';
import { SeededCase, Seeder, StoredMaterial } from './seed/seeder';
import type { WorkingDays } from './seed/working-days';
import { interleave, Tokens } from './scenarios/scenario';

/** Working days of history behind today (about a year). */
export const HISTORY_DAYS = 245;

/** The demo staff the scenarios act as, and the applicants registered through the API. */
export async function signIn(api: ApiClient, options: BenchOptions, lifecycle: Lifecycle): Promise<{ tokens: Tokens; applicants: Applicant[] }> {
  const tokens: Tokens = { clerk: new Map(), reviewer: new Map(), applicant: new Map() };
  for (const centre of options.centres) {
    tokens.clerk.set(centre, await api.staffToken(centre, 'clerk'));
    tokens.reviewer.set(centre, await api.staffToken(centre, 'reviewer'));
  }
  // Registration hashes a password with argon2id (64 MiB): a few at a time.
  const applicants: Applicant[] = [];
  for (let n = 0; n < options.applicants; n += 4) {
    lifecycle.checkpoint();
    const batch = Array.from({ length: Math.min(4, options.applicants - n) }, (_, i) => api.registerApplicant('510981', n + i));
    applicants.push(...(await Promise.all(batch)));
  }
  for (const applicant of applicants) tokens.applicant.set(applicant.id, applicant.token);
  return { tokens, applicants };
}

/**
 * A few drafts made and completed through the API (one per centre): their uploads put real objects
 * in the material store, and the seeded material rows point at one of them. Then the history.
 */
export async function seed(owner: Client, api: ApiClient, days: WorkingDays, applicants: Applicant[], options: BenchOptions, lifecycle: Lifecycle) {
  const start = Date.now();
  const apiDrafts: SeededCase[] = [];
  let material: StoredMaterial | undefined;
  const seeder = new Seeder(owner, days, applicants, HISTORY_DAYS, !options.skipEvents);
  await seeder.init();
  for (const [n, centre] of options.centres.entries()) {
    lifecycle.checkpoint();
    const item = (await seeder.catalogue(centre)).firstItem;
    const applicant = applicants[n % applicants.length] as Applicant;
    let draft = await api.createDraft(centre, applicant.token, item.id);
    for (const code of item.materials) draft = await api.uploadMaterial(draft, applicant.token, code);
    apiDrafts.push({ centre, id: draft.id, applicantId: applicant.id, version: draft.version });
    const uploaded = draft.materials.flatMap((m) => m.versions)[0];
    if (uploaded) material ??= { sha256: uploaded.sha256, sizeBytes: uploaded.sizeBytes, mediaType: uploaded.mediaType };
  }
  if (!material) throw new Error('No material was uploaded through the API');
  seeder.useMaterial(material);
  log(`made ${apiDrafts.length} complete drafts through the API; seeded materials point at object ${material.sha256.slice(0, 12)}…`);

  let events = 0;
  await timed(`seeding ${options.cases.toLocaleString('en')} cases over ${options.centres.join(', ')}`, async () => {
    for (const [n, centre] of options.centres.entries()) {
      const count = Math.floor(options.cases / options.centres.length) + (n < options.cases % options.centres.length ? 1 : 0);
      const counts = await seeder.seedHistory(centre, count, HISTORY_MIX, (message) => {
        lifecycle.checkpoint();
        log(`  ${message}`);
      });
      events += counts.events;
    }
    await seeder.vacuum();
  });
  return { seeder, apiDrafts, seedSeconds: (Date.now() - start) / 1000, historyEvents: options.skipEvents ? null : events };
}

/** Seeded cases of the registered applicants: what the progress-read scenario opens. */
export async function ownedCases(owner: Client, centres: string[], applicants: Applicant[]): Promise<SeededCase[]> {
  const ids = applicants.map((a) => a.id);
  const perCentre: SeededCase[][] = [];
  for (const centre of centres) {
    await owner.query('BEGIN');
    await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [centre]);
    const { rows } = await owner.query<{ id: string; applicant_id: string; version: number }>(
      'SELECT id, applicant_id, version FROM applications WHERE tenant_id = $1 AND applicant_id = ANY($2::uuid[]) ORDER BY random() LIMIT 20000',
      [centre, ids],
    );
    await owner.query('COMMIT');
    perCentre.push(rows.map((row) => ({ centre, id: row.id, applicantId: row.applicant_id, version: row.version })));
  }
  return interleave(perCentre);
}

export async function verifyChains(api: ApiClient, centres: string[]): Promise<Record<string, { ok: boolean; checked: number }>> {
  return timed('verifying every centre’s event chain through the API', async () => {
    const results: Record<string, { ok: boolean; checked: number }> = {};
    for (const centre of centres) {
      const result = await api.verifyChain(centre, await api.staffToken(centre, 'supervisor'));
      results[centre] = { ok: result.ok, checked: result.checked };
      if (!result.ok) log(`  ${centre}: chain broken at ${JSON.stringify(result.brokenAt)}`);
    }
    return results;
  });
}
