export * from './lib/code-tables';
export * from './lib/procedure';
export * from './lib/sla-lint';
export * from './lib/item-for-application';
export * from './lib/sample-document-rules';
