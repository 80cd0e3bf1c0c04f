import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@zhengwu/server/core/config';
import { CoreModule } from '@zhengwu/server/core/http';
import { ALL_ENTITIES } from '@zhengwu/server/schema';
import { OrgFeatureModule } from '@zhengwu/org/feature-api';

/** The approval core: the platform core plus every feature scope. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot({ config, entities: ALL_ENTITIES }), OrgFeatureModule],
    };
  }
}
