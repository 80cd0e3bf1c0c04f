import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@zhengwu/server/core/config';
import { CoreModule } from '@zhengwu/server/core/http';
import { ApplicantContactsModule, OrgFeatureModule } from '@zhengwu/org/feature-api';
import { CalendarFeatureModule } from '@zhengwu/calendar/feature-api';
import { CatalogueFeatureModule } from '@zhengwu/catalogue/feature-api';
import { NotificationsModule } from '@zhengwu/server/notifications';
import { RoutingModule } from '@zhengwu/server/routing';
import { ApprovalFeatureModule } from '@zhengwu/approval/feature-api';
import { SupervisionFeatureModule } from '@zhengwu/supervision/feature-api';

/** The approval core: the platform core plus every feature scope. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot({ config }), OrgFeatureModule, ApplicantContactsModule, NotificationsModule, RoutingModule, CalendarFeatureModule, CatalogueFeatureModule, ApprovalFeatureModule, SupervisionFeatureModule],
    };
  }
}
