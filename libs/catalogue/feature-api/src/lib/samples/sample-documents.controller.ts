import { Controller, Get, Header, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SampleDocumentEntity } from '@zhengwu/catalogue/data-access';
import { CentreInPath, Public, RequirePermission } from '@zhengwu/server/core/auth';
import { Permission } from '@zhengwu/shared/contracts';
import type { FastifyRequest } from 'fastify';
import { CatalogueCentreParams, SampleDocumentParams } from '../catalogue.params';
import { contentDisposition } from './content-disposition';
import { SampleDocumentsService } from './sample-documents.service';

@ApiTags('catalogue')
@Controller('centres/:centreCode/sample-documents')
@CentreInPath()
export class SampleDocumentsController {
  constructor(private readonly samples: SampleDocumentsService) {}

  @Get()
  @Public('sample documents show applicants how to fill in their materials')
  @ApiOperation({ summary: 'Sample documents of the centre (metadata)' })
  list(@Param() params: CatalogueCentreParams) {
    return this.samples.list(params.centreCode);
  }

  @Get(':sampleDocumentId')
  @Public('sample documents show applicants how to fill in their materials')
  // The content of an id never changes (documents are immutable), so clients may keep it.
  @Header('cache-control', 'public, max-age=86400, immutable')
  @ApiOperation({ summary: 'Download a sample document (PDF, JPEG or PNG)' })
  download(@Param() params: SampleDocumentParams) {
    return this.samples.download(params.centreCode, params.sampleDocumentId).then(asDownload);
  }

  @Post()
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Upload a sample document, field "file": PDF, JPEG or PNG by content, at most 5 MB (centre admins)' })
  upload(@Param() params: CatalogueCentreParams, @Req() request: FastifyRequest) {
    return this.samples.upload(params.centreCode, request);
  }
}

function asDownload(document: SampleDocumentEntity & { content: Buffer }): StreamableFile {
  return new StreamableFile(document.content, {
    type: document.mediaType,
    length: document.sizeBytes,
    disposition: contentDisposition(document.fileName),
  });
}
