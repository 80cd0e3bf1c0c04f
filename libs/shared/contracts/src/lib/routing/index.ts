export * from './envelope';
export * from './verification.messages';
export * from './application.messages';
export * from './reconcile.messages';
