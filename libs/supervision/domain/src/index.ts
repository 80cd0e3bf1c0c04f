export * from './lib/rule';
export * from './lib/inheritance';
export * from './lib/evaluate';
export * from './lib/province-rules';
export * from './lib/supervision-views';
export * from './lib/statistics';
export * from './lib/rollup';
export * from './lib/risk';
