import { isValidCaseNumber } from '@zhengwu/approval/domain';
import type { Client } from 'pg';
import type { Applicant } from '../api';
import type { CaseKindName, CaseMix } from './case-kinds';
import { mixBounds } from './case-kinds';
import {
  applicationsSql,
  BATCH_TABLES_SQL,
  caseNumberSequencesSql,
  MATERIALS_SQL,
  NOTICES_SQL,
  planSql,
  stagedEventsSql,
  stepsSql,
} from './case-sql';
import { CATALOGUE_TABLES_SQL, CentreCatalogue, loadCatalogue } from './catalogue';
import { appendStagedEvents, CHAIN_FUNCTION_SQL, checkFirstEvents } from './event-chain';
import type { WorkingDays } from './working-days';

/** A stored object in the platform's material store, which the seeded material rows point at. */
export interface StoredMaterial {
  sha256: string;
  sizeBytes: number;
  mediaType: string;
}

export interface SeededCase {
  centre: string;
  id: string;
  applicantId: string;
  version: number;
}

export interface SeedCounts {
  cases: number;
  events: number;
}

const BATCH_SIZE = 25_000;
/** Every n-th history case belongs to one of the registered applicants (their progress reads hit real history). */
const REGISTERED_EVERY = 10;

/**
 * Writes cases with set-based SQL, connected as the schema owner (see main.ts for why), one
 * transaction per batch of one centre with app.tenant_id set: row-level security is forced on the
 * owner too, so every row is checked against the same policy the API's rows are.
 */
export class Seeder {
  private readonly catalogues = new Map<string, CentreCatalogue>();
  private readonly nextK = new Map<string, number>();
  private loadedCentre: string | undefined;
  private material: StoredMaterial | undefined;

  constructor(
    private readonly client: Client,
    private readonly days: WorkingDays,
    private readonly applicants: Applicant[],
    private readonly historyDays: number,
    private readonly withEvents: boolean,
  ) {}

  /** The stored object every seeded material version points at (uploaded through the API first). */
  useMaterial(material: StoredMaterial): void {
    this.material = material;
  }

  async init(): Promise<void> {
    // temp_buffers only counts before the session first touches a temporary table; the staged events are large.
    await this.client.query(`SET temp_buffers = '256MB'; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'`);
    await this.client.query(CATALOGUE_TABLES_SQL);
    await this.client.query(BATCH_TABLES_SQL);
    await this.client.query(CHAIN_FUNCTION_SQL);
  }

  /** The centre's catalogue as the seed sees it (loads it on first use). */
  async catalogue(centre: string): Promise<CentreCatalogue> {
    const known = this.catalogues.get(centre);
    if (known && this.loadedCentre === centre) return known;
    await this.inCentre(centre, async () => {
      this.catalogues.set(centre, await loadCatalogue(this.client, centre));
      this.loadedCentre = centre;
    });
    const loaded = this.catalogues.get(centre);
    if (!loaded) throw new Error(`No catalogue for ${centre}`);
    return loaded;
  }

  /**
   * A year of history for one centre, in batches; then its events are appended to the centre's
   * chain in one go, oldest first, so that the chain's order is the order things happened.
   */
  async seedHistory(centre: string, count: number, mix: CaseMix, progress: (message: string) => void): Promise<SeedCounts> {
    const syntheticApplicants = Math.max(1, Math.floor(count / 3));
    for (let done = 0; done < count; ) {
      const size = Math.min(BATCH_SIZE, count - done);
      await this.writeBatch(centre, size, mix, REGISTERED_EVERY, syntheticApplicants);
      done += size;
      progress(`${centre}: ${done.toLocaleString('en')} / ${count.toLocaleString('en')} cases`);
    }
    let events = 0;
    if (this.withEvents) {
      progress(`${centre}: appending the history's events to the centre's hash chain`);
      events = await appendStagedEvents(this.client, centre);
      await checkFirstEvents(this.client, centre);
    }
    await this.checkCaseNumbers(centre);
    return { cases: count, events };
  }

  /** Fresh cases of one kind for a scenario, owned by the registered applicants, with their events. */
  async prepare(centre: string, count: number, kind: CaseKindName): Promise<SeededCase[]> {
    if (count === 0) return [];
    await this.writeBatch(centre, count, { [kind]: 1 }, 1, 1);
    if (this.withEvents) await appendStagedEvents(this.client, centre);
    return this.inCentre(centre, async () => {
      const { rows } = await this.client.query<{ id: string; applicant_id: string; version: number }>(
        'SELECT a.id, a.applicant_id, a.version FROM bench_batch b JOIN applications a ON a.tenant_id = $1 AND a.id = b.id ORDER BY b.k',
        [centre],
      );
      return rows.map((row) => ({ centre, id: row.id, applicantId: row.applicant_id, version: row.version }));
    });
  }

  /** Fresh statistics and visibility maps, so that autovacuum does not wake up in the middle of a measurement. */
  async vacuum(): Promise<void> {
    for (const table of ['applications', 'application_steps', 'application_materials', 'application_notices', 'application_events', 'case_number_sequences']) {
      await this.client.query(`VACUUM (ANALYZE) ${table}`);
    }
  }

  private async writeBatch(centre: string, size: number, mix: CaseMix, registeredEvery: number, syntheticApplicants: number): Promise<void> {
    const material = this.material;
    if (!material) throw new Error('Upload a material through the API before seeding (useMaterial)');
    const catalogue = await this.catalogue(centre);
    const fromK = this.nextK.get(centre) ?? 0;
    this.nextK.set(centre, fromK + size);
    const plan = planSql(this.days);
    await this.inCentre(centre, async () => {
      await this.client.query('TRUNCATE bench_batch');
      await this.client.query(
        plan.text,
        plan.values({
          centre,
          fromK,
          toK: fromK + size - 1,
          days: this.days,
          applicants: {
            ids: this.applicants.map((a) => a.id),
            names: this.applicants.map((a) => a.name),
            masked: this.applicants.map((a) => a.identityMasked),
          },
          bounds: mixBounds(mix),
          historyDays: this.historyDays,
          poolSizes: catalogue.poolSizes,
          registeredEvery,
          syntheticApplicants,
        }),
      );
      await this.client.query(applicationsSql(this.days), [centre, this.days.days]);
      await this.client.query(stepsSql(this.days), [centre, this.days.days]);
      await this.client.query(MATERIALS_SQL, [centre, material.sha256, material.sizeBytes, material.mediaType]);
      await this.client.query(NOTICES_SQL, [centre]);
      await this.client.query(caseNumberSequencesSql(this.days), [centre, this.days.days]);
      if (this.withEvents) await this.client.query(stagedEventsSql(this.days), [this.days.days]);
    });
  }

  /** The seed's case numbers must be ones the platform itself would accept. */
  private async checkCaseNumbers(centre: string): Promise<void> {
    const { rows } = await this.inCentre(centre, () =>
      this.client.query<{ case_number: string }>(
        'SELECT case_number FROM applications WHERE tenant_id = $1 AND case_number IS NOT NULL ORDER BY random() LIMIT 20',
        [centre],
      ),
    );
    const invalid = rows.map((row) => row.case_number).filter((caseNumber) => !isValidCaseNumber(caseNumber));
    if (invalid.length > 0) throw new Error(`Seeded case numbers fail the platform's check: ${invalid.join(', ')}`);
  }

  private async inCentre<T>(centre: string, run: () => Promise<T>): Promise<T> {
    await this.client.query('BEGIN');
    try {
      await this.client.query(`SELECT set_config('app.tenant_id', $1, true)`, [centre]);
      const result = await run();
      await this.client.query('COMMIT');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}
