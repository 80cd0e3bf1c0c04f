export * from './supervision-vocabulary';
export * from './supervision-views';
export * from './supervision-requests';
export * from './rectification.dto';
export * from './supervision-rollup';
export * from './supervision-delivery';
