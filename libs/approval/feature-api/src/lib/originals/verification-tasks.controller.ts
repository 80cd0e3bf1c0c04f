import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import { CompleteVerificationRequest, Permission } from '@zhengwu/shared/contracts';
import type { FastifyReply } from 'fastify';
import { CentreCodeParams } from '../application.params';
import { TaskCopyParams, TaskListQuery, TaskParams } from './verification-task.params';
import { VerificationTasksService } from './verification-tasks.service';

@ApiTags('originals check')
@ApiBearerAuth()
@Controller('centres/:centreCode/verification-tasks')
@CentreInPath()
export class VerificationTasksController {
  constructor(private readonly tasks: VerificationTasksService) {}

  @Get()
  @RequirePermission(Permission.OriginalsCheck)
  @ApiOperation({ summary: 'Originals checks this centre must do (its own cases and routed ones), soonest due first' })
  list(@Param() params: CentreCodeParams, @Query() query: TaskListQuery) {
    return this.tasks.list(params.centreCode, query.status, query.page, query.pageSize);
  }

  @Get(':taskId')
  @RequirePermission(Permission.OriginalsCheck)
  @ApiOperation({ summary: 'One check: the manifest and the applicant identity summary' })
  view(@Param() params: TaskParams) {
    return this.tasks.view(params.centreCode, params.taskId);
  }

  @Get(':taskId/copies/:sha256')
  @RequirePermission(Permission.OriginalsCheck)
  @ApiOperation({ summary: 'An uploaded copy from the manifest, to compare with the original' })
  async copy(@Param() params: TaskCopyParams, @Res() reply: FastifyReply) {
    const file = await this.tasks.copy(params.centreCode, params.taskId, params.sha256);
    return reply
      .header('content-type', file.mediaType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(file.stream);
  }

  @Post(':taskId/complete')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.OriginalsCheck)
  @ApiOperation({ summary: 'Record the result per material, the ID check and custody; the signed attestation is routed back' })
  complete(@Param() params: TaskParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: CompleteVerificationRequest) {
    return this.tasks.complete(params.centreCode, staff, params.taskId, body);
  }
}
