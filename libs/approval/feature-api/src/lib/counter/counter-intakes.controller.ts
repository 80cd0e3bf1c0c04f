import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import { CounterIntakeListQuery, CounterIntakeMaterialQuery, CreateCounterIntakeRequest, ForwardCounterIntakeRequest, Permission } from '@zhengwu/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApplicationParams, CentreCodeParams, MaterialParams, MaterialVersionParams } from '../application.params';
import { CounterIntakeService } from './counter-intake.service';

@ApiTags('counter intake')
@ApiBearerAuth()
@Controller('centres/:centreCode/counter-intakes')
@CentreInPath()
export class CounterIntakesController {
  constructor(private readonly intakes: CounterIntakeService) {}

  @Post()
  @RequirePermission(Permission.CounterIntake)
  @ApiOperation({ summary: 'Start an intake for a walk-in applicant, for an item of this centre or of any other (窗口代收)' })
  create(@Param() params: CentreCodeParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: CreateCounterIntakeRequest) {
    return this.intakes.create(params.centreCode, staff, body);
  }

  @Get()
  @RequirePermission(Permission.CounterIntake)
  @ApiOperation({ summary: 'This counter’s intakes, newest first, with the status reported by the handling centre' })
  list(@Param() params: CentreCodeParams, @Query() query: CounterIntakeListQuery) {
    return this.intakes.list(params.centreCode, query.status, query.page, query.pageSize);
  }

  @Get(':id')
  @RequirePermission(Permission.CounterIntake)
  @ApiOperation({ summary: 'One intake with its scans and the status history' })
  view(@Param() params: ApplicationParams) {
    return this.intakes.view(params.centreCode, params.id);
  }

  @Put(':id/materials/:materialCode')
  @RequirePermission(Permission.CounterIntake)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Scan of one material (PDF, JPEG, PNG or OFD); a rescan becomes a new version' })
  scan(@Param() params: MaterialParams, @Query() query: CounterIntakeMaterialQuery, @CurrentPrincipal() staff: StaffPrincipal, @Req() request: FastifyRequest) {
    return this.intakes.scan(params.centreCode, staff, params.id, params.materialCode, query, request);
  }

  @Get(':id/materials/:materialCode/versions/:version')
  @RequirePermission(Permission.CounterIntake)
  @ApiOperation({ summary: 'One scan, to show beside the original' })
  async scanFile(@Param() params: MaterialVersionParams, @Res() reply: FastifyReply) {
    const file = await this.intakes.scanFile(params.centreCode, params.id, params.materialCode, params.version);
    return reply
      .header('content-type', file.mediaType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(file.stream);
  }

  @Post(':id/forward')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.CounterIntake)
  @ApiOperation({ summary: 'ID and originals checked: send the intake to the item’s centre (a repeat returns the intake as it is)' })
  forward(@Param() params: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: ForwardCounterIntakeRequest) {
    return this.intakes.forward(params.centreCode, staff, params.id, body);
  }

  @Post(':id/supplement')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.CounterIntake)
  @ApiOperation({
    summary: 'Returned with a one-time notice: send the rescanned materials, originals checked again, to the item’s centre, which resubmits the case (代收补正)',
  })
  supplement(@Param() params: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: ForwardCounterIntakeRequest) {
    return this.intakes.supplement(params.centreCode, staff, params.id, body);
  }
}
