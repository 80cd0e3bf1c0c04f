import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfig } from '@zhengwu/server/core/config';
import { LoggerModule } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { ContextLogInterceptor } from './context-log.interceptor';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { loggerParams } from './logging';
import { createMetricsRegistry } from './metrics';

@Global()
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => loggerParams(config.LOG_LEVEL, config.DEPLOYMENT_ID),
    }),
  ],
  controllers: [HealthController],
  providers: [
    HealthService,
    { provide: Registry, inject: [AppConfig], useFactory: (config: AppConfig) => createMetricsRegistry(config.DEPLOYMENT_ID) },
    { provide: APP_INTERCEPTOR, useClass: ContextLogInterceptor },
  ],
  exports: [HealthService, Registry],
})
export class ObservabilityModule {}
