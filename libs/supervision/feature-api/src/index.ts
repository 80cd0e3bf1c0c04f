export * from './lib/supervision-feature.module';
export * from './lib/supervision-errors';
export * from './lib/supervision.dto';
export * from './lib/sweep/supervision-sweeper.service';
export * from './lib/rules/supervision-rules.service';
export * from './lib/rollup/supervision-rollup.service';
export * from './lib/rollup/supervision-snapshot.sender';
export * from './lib/rollup/rollup-settings';
