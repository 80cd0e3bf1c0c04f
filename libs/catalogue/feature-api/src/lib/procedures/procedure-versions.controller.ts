import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, RequirePermission } from '@zhengwu/server/core/auth';
import { Permission, ProcedureStepsRequest } from '@zhengwu/shared/contracts';
import { ItemParams, ProcedureVersionParams } from '../catalogue.params';
import { ManageProceduresService } from './manage-procedures.service';
import { PublishProcedureService } from './publish-procedure.service';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('centres/:centreCode')
@CentreInPath()
export class ProcedureVersionsController {
  constructor(
    private readonly manage: ManageProceduresService,
    private readonly publisher: PublishProcedureService,
  ) {}

  @Post('items/:itemId/procedure-versions')
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Create the next procedure version of an item, as a draft with its steps (centre admins)' })
  createDraft(@Param() params: ItemParams, @Body() body: ProcedureStepsRequest) {
    return this.manage.createDraft(params.centreCode, params.itemId, body);
  }

  @Get('procedure-versions/:versionId')
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'A procedure version with its steps and its SLA lint (centre admins)' })
  get(@Param() params: ProcedureVersionParams) {
    return this.manage.get(params.centreCode, params.versionId);
  }

  @Put('procedure-versions/:versionId/steps')
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: "Replace a draft's steps; published versions never change (centre admins)" })
  replaceSteps(@Param() params: ProcedureVersionParams, @Body() body: ProcedureStepsRequest) {
    return this.manage.replaceSteps(params.centreCode, params.versionId, body);
  }

  @Post('procedure-versions/:versionId/lint')
  @HttpCode(200)
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: "Dry run of publishing: the SLA lint against the item's limits (centre admins)" })
  lint(@Param() params: ProcedureVersionParams) {
    return this.manage.lint(params.centreCode, params.versionId);
  }

  @Post('procedure-versions/:versionId/publish')
  @HttpCode(200)
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Publish a draft (409 PROCEDURE_SLA_VIOLATION naming the steps if the lint fails) and retire the previous version' })
  publish(@Param() params: ProcedureVersionParams) {
    return this.publisher.publish(params.centreCode, params.versionId);
  }
}
