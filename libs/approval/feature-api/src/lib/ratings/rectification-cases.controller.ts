import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import { Permission, RectificationActionRequest, RectificationCasesQuery } from '@zhengwu/shared/contracts';
import { ApplicationParams, CentreCodeParams } from '../application.params';
import { RectificationCasesService } from './rectification-cases.service';

/** 差评整改 handled by the centre's supervisors (the read-only `GET …/rectifications` stays as it was). */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('centres/:centreCode/rectification-cases')
@CentreInPath()
export class RectificationCasesController {
  constructor(private readonly cases: RectificationCasesService) {}

  @Get()
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Rectification cases (filter: status, comma-separated), soonest due first, with the actions open on each' })
  list(@Param() params: CentreCodeParams, @Query() query: RectificationCasesQuery) {
    return this.cases.list(params.centreCode, query);
  }

  @Post(':id/actions')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.Supervise)
  @ApiOperation({
    summary:
      'One step of a rectification case: confirm_valid | appeal | uphold_appeal | reject_appeal | start | extend (once, workingDays) | complete | cannot_fix | follow_up (the call to the applicant)',
  })
  act(@Param() params: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: RectificationActionRequest) {
    return this.cases.act(params.centreCode, params.id, staff, body, new Date());
  }
}
