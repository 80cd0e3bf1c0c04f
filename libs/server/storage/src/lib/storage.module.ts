import { Module } from '@nestjs/common';
import { MaterialStore } from './material-store';
import { UploadReceiver } from './upload-receiver';

/** The material store and the multipart upload receiver, for feature modules that take files. */
@Module({
  providers: [MaterialStore, UploadReceiver],
  exports: [MaterialStore, UploadReceiver],
})
export class StorageModule {}
