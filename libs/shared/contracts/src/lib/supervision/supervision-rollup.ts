/*
 * What `GET /api/v1/centres/{centre}/supervision/rollup` answers: the centre and every centre
 * beneath it in the directory, each with the latest snapshot it sent upward (or none), a `missing`
 * flag for those that stopped reporting, and subtree sums. The shapes are the supervision domain's,
 * which builds the tree (buildRollupTree); clients read them under these names, as the other
 * supervision vocabulary (supervision-vocabulary.ts).
 */
export type {
  RollupCatalogue as RollupCatalogueView,
  RollupLevel as RollupLevelView,
  RollupNode as RollupNodeView,
  RollupOpenWork as RollupOpenWorkView,
  RollupStatistics as RollupStatisticsView,
  RollupTotals as RollupTotalsView,
  RollupView as SupervisionRollupView,
} from '@zhengwu/supervision/domain';
