export * from './lib/supervision-feature.module';
export * from './lib/supervision-errors';
export * from './lib/supervision.dto';
export * from './lib/sweep/supervision-sweeper.service';
export * from './lib/rules/supervision-rules.service';
