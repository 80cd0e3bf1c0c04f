export * from './envelope';
export * from './verification.messages';
export * from './application.messages';
export * from './reconcile.messages';
export * from './directory';
export * from './route-contracts';
export * from './reconciliation.dto';
export * from './supervision.messages';
