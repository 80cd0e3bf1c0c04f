export * from './lib/storage-errors';
export * from './lib/material-media-type';
export * from './lib/material-store';
export * from './lib/upload-file-name';
export * from './lib/upload-receiver';
export * from './lib/storage.module';
