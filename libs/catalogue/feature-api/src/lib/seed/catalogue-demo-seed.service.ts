import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { HostedTenants, RequestContext } from '@zhengwu/server/core/tenancy';
import { DEMO_CATALOGUE } from './data/demo-catalogue';
import type { SeedCentre } from './data/seed-types';
import { DemoItemSeeder } from './demo-item.seeder';
import { DemoOrganisationSeeder } from './demo-organisation.seeder';

/**
 * The demo catalogue of `npm start` (SEED_DEMO=true): departments, windows and published items
 * with materials, sample documents and procedures for 510000, 510900 and 510981. Anything already
 * there is skipped, so restarting never duplicates; a second seeder running at the same moment
 * (another replica, another test) is tolerated.
 */
@Injectable()
export class CatalogueDemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('CatalogueDemoSeed');

  constructor(
    private readonly config: AppConfig,
    private readonly hosted: HostedTenants,
    private readonly context: RequestContext,
    private readonly organisation: DemoOrganisationSeeder,
    private readonly items: DemoItemSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SEED_DEMO) {
      await this.context.runDetached(() => this.seed());
    }
  }

  /** The number of items created. Centres are independent, so they are seeded side by side. */
  async seed(): Promise<number> {
    const counts = await Promise.all(DEMO_CATALOGUE.filter((c) => this.hosted.has(c.code)).map((centre) => this.seedCentre(centre)));
    const created = counts.reduce((sum, n) => sum + n, 0);
    this.logger.log(`Demo catalogue ready (${created} items created)`);
    return created;
  }

  private async seedCentre(centre: SeedCentre): Promise<number> {
    let created = 0;
    const departmentIds = await this.organisation.seed(centre);
    for (const item of centre.items) {
      if (await this.items.seed(centre, departmentIds, item)) created++;
    }
    return created;
  }
}
