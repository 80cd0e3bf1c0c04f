import { defineErrors } from '@zhengwu/server/core/errors';

/** Failures of receiving and storing applicants' materials. Every one leaves nothing in the store. */
export const StorageError = defineErrors({
  MATERIAL_TOO_LARGE: {
    kind: 'payload_too_large',
    message: { zh: '上传的文件超过大小限制。', en: 'The uploaded file is larger than allowed.' },
  },
  MATERIAL_EMPTY: {
    kind: 'invalid',
    message: { zh: '上传的文件是空文件。', en: 'The uploaded file is empty.' },
  },
  MATERIAL_TYPE_NOT_ALLOWED: {
    kind: 'unsupported_media_type',
    message: {
      zh: '不支持该文件类型，请上传 PDF、OFD、JPEG 或 PNG 文件。',
      en: 'This file type is not accepted; upload a PDF, OFD, JPEG or PNG file.',
    },
  },
  MATERIAL_FILE_NAME_INVALID: {
    kind: 'invalid',
    message: {
      zh: '文件名无效：不能为空、不能超过 200 个字符，且不能包含路径或特殊字符。',
      en: 'Invalid file name: it must be 1–200 characters without paths or special characters.',
    },
  },
  MATERIAL_FILE_MISSING: {
    kind: 'invalid',
    message: { zh: '未收到上传的文件。', en: 'No file was uploaded.' },
  },
  MATERIAL_UPLOAD_NOT_MULTIPART: {
    kind: 'unsupported_media_type',
    message: {
      zh: '请以 multipart/form-data 方式上传文件。',
      en: 'Upload the file as multipart/form-data.',
    },
  },
  MATERIAL_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '未找到该材料文件。', en: 'No such material file.' },
  },
});
