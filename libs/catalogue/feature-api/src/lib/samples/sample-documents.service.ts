import { Injectable } from '@nestjs/common';
import { SampleDocumentEntity, SampleDocumentRepository } from '@zhengwu/catalogue/data-access';
import {
  cleanSampleFileName,
  isSampleDocumentMediaType,
  SAMPLE_DOCUMENT_MAX_BYTES,
  type SampleDocumentMediaType,
} from '@zhengwu/catalogue/domain';
import { AuditLog } from '@zhengwu/org/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { RequestContext } from '@zhengwu/server/core/tenancy';
import type { SampleDocumentView } from '@zhengwu/shared/contracts';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { CatalogueError, isUniqueViolation } from '../catalogue-errors';
import { sampleDocumentView } from '../catalogue-views';
import { detectMediaType } from './detect-media-type';

const EXTENSIONS: Record<SampleDocumentMediaType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

export interface SampleDocumentContent {
  fileName: string;
  mediaType: SampleDocumentMediaType;
  content: Buffer;
}

/** Sample documents (示范文本): uploaded by centre admins, downloaded by anyone. */
@Injectable()
export class SampleDocumentsService {
  constructor(
    private readonly samples: SampleDocumentRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    private readonly context: RequestContext,
  ) {}

  list(tenantId: string): Promise<SampleDocumentView[]> {
    return this.uow.run({ tenantId }, async () => (await this.samples.list(tenantId)).map(sampleDocumentView));
  }

  /** One file from a multipart request (field `file`), accepted only if its bytes are a PDF, JPEG or PNG. */
  async upload(tenantId: string, request: FastifyRequest): Promise<SampleDocumentView> {
    if (!request.isMultipart()) throw CatalogueError.SAMPLE_DOCUMENT_MISSING();
    const part = await request.file({ limits: { fileSize: SAMPLE_DOCUMENT_MAX_BYTES } });
    if (!part || part.fieldname !== 'file') throw CatalogueError.SAMPLE_DOCUMENT_MISSING();
    const content = await readBounded(part);
    const mediaType = await detectMediaType(content);
    if (!isSampleDocumentMediaType(mediaType)) {
      throw CatalogueError.SAMPLE_DOCUMENT_TYPE_UNSUPPORTED({ detected: mediaType ?? null, declared: part.mimetype });
    }
    const fileName = cleanSampleFileName(part.filename ?? '') ?? `sample.${EXTENSIONS[mediaType]}`;
    return sampleDocumentView(await this.store(tenantId, { fileName, mediaType, content }));
  }

  /**
   * Stores checked content (also the demo seed's generated PDFs). The same bytes are kept once
   * per centre: storing them again returns the document already there.
   */
  async store(tenantId: string, file: SampleDocumentContent): Promise<SampleDocumentEntity> {
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const document: SampleDocumentEntity = {
      tenantId,
      id: uuidv7(),
      fileName: file.fileName,
      mediaType: file.mediaType,
      sizeBytes: file.content.length,
      sha256,
      content: file.content,
      uploadedBy: this.context.principal?.id ?? null,
      uploadedAt: new Date(),
    };
    try {
      return await this.uow.run({ tenantId }, async () => {
        const existing = await this.samples.findBySha256(tenantId, sha256);
        if (existing) return existing;
        await this.samples.insert(tenantId, document);
        await this.audit.record(tenantId, {
          action: 'catalogue.sample_document_uploaded',
          subjectType: 'sample_document',
          subjectId: document.id,
          details: { fileName: document.fileName, mediaType: document.mediaType, sizeBytes: document.sizeBytes, sha256 },
        });
        const { content: _content, ...metadata } = document;
        return metadata;
      });
    } catch (error) {
      // Someone stored the same bytes at the same moment: theirs is as good as ours.
      if (isUniqueViolation(error, 'sample_documents_tenant_sha256_key')) {
        const existing = await this.uow.run({ tenantId }, () => this.samples.findBySha256(tenantId, sha256));
        if (existing) return existing;
      }
      throw error;
    }
  }

  async download(tenantId: string, id: string): Promise<SampleDocumentEntity & { content: Buffer }> {
    const document = await this.uow.run({ tenantId }, () => this.samples.findWithContent(tenantId, id));
    if (!document?.content) throw CatalogueError.SAMPLE_DOCUMENT_NOT_FOUND({ id });
    return document as SampleDocumentEntity & { content: Buffer };
  }
}

/** The file's bytes, refusing it as soon as it passes the sample-document limit. */
async function readBounded(part: MultipartFile): Promise<Buffer> {
  try {
    const content = await part.toBuffer();
    if (content.length === 0) throw CatalogueError.SAMPLE_DOCUMENT_MISSING();
    return content;
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw CatalogueError.SAMPLE_DOCUMENT_TOO_LARGE({ maxBytes: SAMPLE_DOCUMENT_MAX_BYTES });
    }
    throw error;
  }
}
