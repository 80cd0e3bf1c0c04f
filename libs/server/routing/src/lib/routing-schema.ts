import type { MigrationInterface } from 'typeorm';
import { RoutingAlertEntity } from './entities/routing-alert.entity';
import { RoutingDirectoryVersionEntity } from './entities/routing-directory.entity';
import { RoutingInboxEntity } from './entities/routing-inbox.entity';
import { RoutingOutboxEntity } from './entities/routing-outbox.entity';
import { RoutingReconcileRoundEntity } from './entities/routing-reconcile-round.entity';
import { RoutingRejectionEntity } from './entities/routing-rejection.entity';
import { Routing1795810000000 } from './migrations/1795810000000-routing';
import { RoutingRetention1795810000100 } from './migrations/1795810000100-routing-retention';
import { RoutingInboxRetentionIndex1795810000200 } from './migrations/1795810000200-routing-inbox-retention-index';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ROUTING_ENTITIES: Function[] = [
  RoutingOutboxEntity,
  RoutingInboxEntity,
  RoutingRejectionEntity,
  RoutingAlertEntity,
  RoutingReconcileRoundEntity,
  RoutingDirectoryVersionEntity,
];
export const ROUTING_MIGRATIONS: Array<new () => MigrationInterface> = [Routing1795810000000, RoutingRetention1795810000100, RoutingInboxRetentionIndex1795810000200];
