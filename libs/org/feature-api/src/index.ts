export * from './lib/org-feature.module';
export * from './lib/org-errors';
export * from './lib/seed/demo-accounts';
export * from './lib/contacts/applicant-contacts';
