import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TRUSTED_IDENTITY_ISSUER, TrustedIdentityIssuer } from '@zhengwu/server/core/auth';
import { AppConfig } from '@zhengwu/server/core/config';
import { StorageModule } from '@zhengwu/server/storage';
import { RoutingAlerts } from './alerts/routing-alerts';
import { CentreDirectory } from './directory/centre-directory';
import { DirectoryUpdatedHandler } from './directory/directory-updated.handler';
import { PublicDirectoryController } from './directory/public-directory.controller';
import { CentreKeys } from './keys/centre-keys';
import { MaterialTransfer } from './materials/material-transfer';
import { OutboxRepository } from './outbox/outbox.repository';
import { RoutedOutbox } from './outbox/routed-outbox';
import { RouteHandlerRegistry } from './receiver/route-handler-registry';
import { RoutingReceiver } from './receiver/routing-receiver';
import { ReconcileReportHandler } from './reconciliation/reconcile-report.handler';
import { ReconcileRequestHandler } from './reconciliation/reconcile-request.handler';
import { ReconciliationRepository } from './reconciliation/reconciliation.repository';
import { RoutingReconciliation } from './reconciliation/routing-reconciliation';
import { RoutingReconciliationController } from './reconciliation/routing-reconciliation.controller';
import { RoutingRelay } from './relay/routing-relay';
import { RoutingPruner } from './retention/routing-pruner';
import { RoutingRetentionRepository } from './retention/routing-retention.repository';
import { ROUTING_ENTITIES } from './routing-schema';
import { ROUTING_SETTINGS, ROUTING_SETTINGS_OVERRIDES, RoutingSettings, routingSettingsFrom } from './routing-settings';
import { LoopbackTransport } from './transport/loopback.transport';
import { NatsConnector } from './transport/nats-connector';
import { NatsRouteConsumer } from './transport/nats-route-consumer';
import { NatsTransport } from './transport/nats.transport';
import { ROUTE_TRANSPORT } from './transport/route-transport';

/**
 * Routing between centres (ARCHITECTURE.md §6): the signed directory, the outbox feature modules
 * send through (`RoutedOutbox`), the relay, the receiver that applies envelopes through the inbox
 * and the `@RouteHandler` classes it discovers, the transport chosen by ROUTING_TRANSPORT, material
 * transfer, reconciliation (API under /centres/:centreCode/routing/reconciliation), and the pruner
 * that deletes published outbox and applied inbox rows past retention.
 *
 * Only this module reads the routing settings: a deployment (or test app) without it needs no
 * directory or keys. Optional: ROUTING_SETTINGS_OVERRIDES from a global module (pacing, in tests).
 */
@Global()
@Module({
  // The entities register themselves with the DataSource (autoLoadEntities) wherever this module is used.
  imports: [TypeOrmModule.forFeature(ROUTING_ENTITIES), DiscoveryModule, StorageModule],
  controllers: [RoutingReconciliationController, PublicDirectoryController],
  providers: [
    {
      provide: ROUTING_SETTINGS,
      inject: [AppConfig, { token: ROUTING_SETTINGS_OVERRIDES, optional: true }],
      useFactory: (config: AppConfig, overrides?: Partial<RoutingSettings>) => routingSettingsFrom(config, overrides),
    },
    CentreDirectory,
    CentreKeys,
    RoutingAlerts,
    OutboxRepository,
    RoutedOutbox,
    RouteHandlerRegistry,
    RoutingReceiver,
    LoopbackTransport,
    NatsConnector,
    NatsTransport,
    NatsRouteConsumer,
    {
      provide: ROUTE_TRANSPORT,
      inject: [AppConfig, LoopbackTransport, NatsTransport],
      useFactory: (config: AppConfig, loopback: LoopbackTransport, nats: NatsTransport) =>
        config.ROUTING_TRANSPORT === 'nats' ? nats : loopback,
    },
    RoutingRelay,
    RoutingRetentionRepository,
    RoutingPruner,
    MaterialTransfer,
    ReconciliationRepository,
    RoutingReconciliation,
    ReconcileRequestHandler,
    ReconcileReportHandler,
    DirectoryUpdatedHandler,
    // Applicant tokens from the directory's identity issuer are accepted here (access-token service).
    {
      provide: TRUSTED_IDENTITY_ISSUER,
      inject: [CentreDirectory],
      useFactory: (directory: CentreDirectory): TrustedIdentityIssuer => ({
        current: () => {
          const issuer = directory.identityIssuer();
          return { deploymentId: issuer.deploymentId, keys: issuer.jwks.keys };
        },
      }),
    },
  ],
  exports: [TRUSTED_IDENTITY_ISSUER, RoutedOutbox, RoutingReceiver, MaterialTransfer, CentreDirectory, RoutingReconciliation, RoutingRelay, RoutingPruner, NatsRouteConsumer, ROUTING_SETTINGS],
})
export class RoutingModule {}
