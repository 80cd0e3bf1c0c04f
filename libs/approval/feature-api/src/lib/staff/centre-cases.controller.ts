import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import { InboxQuery, Permission } from '@zhengwu/shared/contracts';
import { CentreCodeParams } from '../application.params';
import { ApplicationQueriesService } from '../views/application-queries.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('centres/:centreCode')
@CentreInPath()
export class CentreCasesController {
  constructor(private readonly queries: ApplicationQueriesService) {}

  @Get('inbox')
  @RequirePermission(Permission.ApplicationRead)
  @ApiOperation({ summary: 'Cases waiting at my posts, soonest due first (filters: post, status, item, due within, overdue, mine)' })
  inbox(@Param() params: CentreCodeParams, @CurrentPrincipal() staff: StaffPrincipal, @Query() query: InboxQuery) {
    return this.queries.inbox(params.centreCode, staff, query);
  }

  @Get('events/verification')
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: "Recompute the centre's event hash chain and report the first break, if any" })
  verifyChain(@Param() params: CentreCodeParams) {
    return this.queries.verifyChain(params.centreCode);
  }

  @Get('rectifications')
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Open rectification cases opened by bad ratings' })
  rectifications(@Param() params: CentreCodeParams) {
    return this.queries.rectifications(params.centreCode);
  }
}
