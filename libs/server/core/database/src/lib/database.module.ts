import { DynamicModule, Global, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@zhengwu/server/core/config';
import { DataSource } from 'typeorm';
import { RedactingQueryLogger } from './redacting-query-logger';
import { assertRuntimeRoleIsBoundByRls } from './runtime-role-check';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({})
export class DatabaseModule implements OnApplicationBootstrap {
  constructor(private readonly dataSource: DataSource) {}

  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            type: 'postgres' as const,
            url: config.DATABASE_URL,
            // Each data-access module registers its entities (TypeOrmModule.forFeature), so a test
            // app composed of some features has exactly their entities.
            autoLoadEntities: true,
            // Schema changes happen only through migrations, run by the owner role before boot.
            synchronize: false,
            migrationsRun: false,
            logger: new RedactingQueryLogger(),
            maxQueryExecutionTime: 1000,
            poolSize: config.DATABASE_POOL_SIZE,
            extra: { application_name: `zhengwu-api:${config.DEPLOYMENT_ID}` },
          }),
        }),
      ],
      providers: [UnitOfWork],
      exports: [UnitOfWork],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await assertRuntimeRoleIsBoundByRls(this.dataSource);
  }
}
