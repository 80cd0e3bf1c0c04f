import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import { Permission } from '@zhengwu/shared/contracts';
import { CentreParams, ListQuery } from '../supervision.dto';
import { MyAlertsService } from './my-alerts.service';

/**
 * A staff member's own warnings. `application:read` is the weakest permission every staff role
 * holds and no applicant does (`profile:read` is an applicant's too).
 */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('centres/:centreCode/supervision/my-alerts')
@CentreInPath()
export class MyAlertsController {
  constructor(private readonly alerts: MyAlertsService) {}

  @Get()
  @RequirePermission(Permission.ApplicationRead)
  @ApiOperation({ summary: "Open alerts addressed to the caller (as the work's handler or its department's head), red first, then soonest due" })
  mine(@Param() p: CentreParams, @CurrentPrincipal() staff: StaffPrincipal, @Query() query: ListQuery) {
    return this.alerts.mine(p.centreCode, staff, query);
  }
}
