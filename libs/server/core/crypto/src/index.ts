export * from './lib/key-files';
export * from './lib/personal-data-protector';
export * from './lib/crypto.module';
