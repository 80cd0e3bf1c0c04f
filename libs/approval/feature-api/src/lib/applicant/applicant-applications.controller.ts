import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { ApplicantPrincipal, Principal } from '@zhengwu/server/core/tenancy';
import { CreateApplicationRequest, Permission, RateRequest, UpdateApplicationRequest } from '@zhengwu/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApplicationParams, CentreCodeParams, MaterialParams, MaterialVersionParams } from '../application.params';
import { RatingsService } from '../ratings/ratings.service';
import { ApplicationQueriesService } from '../views/application-queries.service';
import { ApplicationDraftsService } from './application-drafts.service';
import { SubmitApplicationService } from './submit-application.service';
import { WithdrawRequest } from './withdraw.request';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('centres/:centreCode/applications')
@CentreInPath()
export class ApplicantApplicationsController {
  constructor(
    private readonly drafts: ApplicationDraftsService,
    private readonly submission: SubmitApplicationService,
    private readonly queries: ApplicationQueriesService,
    private readonly ratings: RatingsService,
  ) {}

  @Post()
  @RequirePermission(Permission.ApplicationApply)
  @ApiOperation({ summary: 'Start a draft application for an item of this centre' })
  create(@Param() params: CentreCodeParams, @CurrentPrincipal() principal: ApplicantPrincipal, @Body() body: CreateApplicationRequest) {
    return this.drafts.create(params.centreCode, principal, body);
  }

  @Get(':id')
  @RequirePermission(Permission.ApplicationView)
  @ApiOperation({ summary: 'An application with its timeline, deadlines, notices and materials' })
  view(@Param() params: ApplicationParams, @CurrentPrincipal() principal: Principal) {
    return this.queries.view(params.centreCode, principal, params.id);
  }

  @Patch(':id')
  @RequirePermission(Permission.ApplicationApply)
  @ApiOperation({ summary: 'Change the form, delivery mode or verification centre of a draft or returned application' })
  update(@Param() params: ApplicationParams, @CurrentPrincipal() principal: ApplicantPrincipal, @Body() body: UpdateApplicationRequest) {
    return this.drafts.update(params.centreCode, principal, params.id, body);
  }

  @Put(':id/materials/:materialCode')
  @RequirePermission(Permission.ApplicationApply)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Upload a material (PDF, JPEG, PNG or OFD); a replacement becomes a new version' })
  upload(@Param() params: MaterialParams, @CurrentPrincipal() principal: ApplicantPrincipal, @Req() request: FastifyRequest) {
    return this.drafts.upload(params.centreCode, principal, params.id, params.materialCode, request);
  }

  @Get(':id/materials/:materialCode/versions/:version')
  @RequirePermission(Permission.ApplicationView)
  @ApiOperation({ summary: 'Download one version of a material' })
  async download(@Param() params: MaterialVersionParams, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply) {
    const file = await this.drafts.download(
      params.centreCode,
      principal.kind === 'applicant' ? { applicantId: principal.id } : {},
      params.id,
      params.materialCode,
      params.version,
    );
    return reply
      .header('content-type', file.mediaType)
      .header('content-length', String(file.size))
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(file.stream);
  }

  @Post(':id/submit')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.ApplicationApply)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A retried submit with the same key returns the first result' })
  @ApiOperation({ summary: 'Submit (or resubmit after a one-time notice); idempotent' })
  submit(@Param() params: ApplicationParams, @CurrentPrincipal() principal: ApplicantPrincipal, @Headers('idempotency-key') key?: string) {
    return this.submission.submit(params.centreCode, principal, params.id, key);
  }

  @Post(':id/withdraw')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.ApplicationApply)
  @ApiOperation({ summary: 'Withdraw the application before a decision' })
  withdraw(@Param() params: ApplicationParams, @CurrentPrincipal() principal: ApplicantPrincipal, @Body() body: WithdrawRequest) {
    return this.drafts.withdraw(params.centreCode, principal, params.id, body.reason);
  }

  @Post(':id/ratings')
  @RequirePermission(Permission.ApplicationApply)
  @ApiOperation({ summary: 'Rate a finished step or the completed case (好差评)' })
  rate(@Param() params: ApplicationParams, @CurrentPrincipal() principal: ApplicantPrincipal, @Body() body: RateRequest) {
    return this.ratings.rate(params.centreCode, principal, params.id, body);
  }
}
