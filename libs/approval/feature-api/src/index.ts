export * from './lib/approval-feature.module';
export * from './lib/approval-errors';
export * from './lib/sweeper/approval-sweeper.service';
