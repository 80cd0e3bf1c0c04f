import type { MultipartFields, MultipartFile } from '@fastify/multipart';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import type { FastifyRequest } from 'fastify';
import { MaterialStore, StoredObject } from './material-store';
import { MaterialMediaType } from './material-media-type';
import { StorageError } from './storage-errors';
import { validateUploadFileName } from './upload-file-name';

export interface ReceiveUploadOptions {
  /** Largest accepted file; never more than MAX_UPLOAD_BYTES (the default). */
  maxBytes?: number;
  /** Accepted formats (default: every material format). */
  allowed?: readonly MaterialMediaType[];
}

export interface ReceivedUpload {
  object: StoredObject;
  /** The client's file name, NFC-normalised and checked; for display and downloads only. */
  fileName: string;
  /** The form fields sent before the file part, as strings. */
  fields: Record<string, string>;
}

/**
 * Receives the one file of a `multipart/form-data` request into the material store. Form fields
 * must come before the file part (browsers send FormData in the order it was built); the request is
 * read only as far as the file, so a refused upload is never buffered.
 */
@Injectable()
export class UploadReceiver {
  constructor(
    private readonly store: MaterialStore,
    private readonly config: AppConfig,
  ) {}

  async receive(request: FastifyRequest, options: ReceiveUploadOptions = {}): Promise<ReceivedUpload> {
    if (!request.isMultipart()) {
      throw StorageError.MATERIAL_UPLOAD_NOT_MULTIPART();
    }
    const maxBytes = Math.min(options.maxBytes ?? this.config.MAX_UPLOAD_BYTES, this.config.MAX_UPLOAD_BYTES);
    const part: MultipartFile | undefined = await request.file({
      // Keep the name exactly as sent: busboy would otherwise cut "../../x.pdf" down to "x.pdf",
      // hiding from us a client that tries path tricks.
      preservePath: true,
      // One byte over the limit, so the store's own count sees the excess and refuses the file.
      limits: { fileSize: maxBytes + 1 },
    });
    if (!part) {
      throw StorageError.MATERIAL_FILE_MISSING();
    }
    try {
      const fileName = validateUploadFileName(part.filename);
      const object = await this.store.put(part.file, { maxBytes, allowed: options.allowed });
      return { object, fileName, fields: formFields(part.fields) };
    } catch (error) {
      discardRestOfUpload(request, part);
      throw error;
    }
  }
}

/**
 * After a refusal the client may still be sending (the rest of a too-large file): stop parsing and
 * read the remainder into the void, so the request ends and its connection is freed or reused
 * instead of stalling until the server's request timeout (which still bounds a client that never stops).
 */
function discardRestOfUpload(request: FastifyRequest, part: MultipartFile): void {
  part.file.destroy();
  request.raw.unpipe();
  request.raw.resume();
}

function formFields(fields: MultipartFields): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, entry] of Object.entries(fields)) {
    // A repeated field arrives as a list; the last value wins.
    const last = Array.isArray(entry) ? entry[entry.length - 1] : entry;
    if (last && last.type === 'field') {
      result[name] = typeof last.value === 'string' ? last.value : JSON.stringify(last.value);
    }
  }
  return result;
}
