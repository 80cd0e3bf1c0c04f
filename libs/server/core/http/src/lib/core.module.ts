import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@zhengwu/server/core/config';
import { AuthModule } from '@zhengwu/server/core/auth';
import { CryptoModule } from '@zhengwu/server/core/crypto';
import { DatabaseModule } from '@zhengwu/server/core/database';
import { ObservabilityModule } from '@zhengwu/server/core/observability';
import { TenancyModule } from '@zhengwu/server/core/tenancy';

export interface CoreModuleOptions {
  config: AppConfig;
}

/** The platform core every deployment (and every integration test) is composed on. */
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(options.config),
        TenancyModule,
        CryptoModule,
        DatabaseModule.forRoot(),
        AuthModule,
        ObservabilityModule,
        DiscoveryModule,
      ],
    };
  }
}
