import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { ApplicantPrincipal } from '@zhengwu/server/core/tenancy';
import { PageQuery, Permission } from '@zhengwu/shared/contracts';
import { ApplicationQueriesService } from '../views/application-queries.service';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('me/applications')
export class MyApplicationsController {
  constructor(private readonly queries: ApplicationQueriesService) {}

  @Get()
  @RequirePermission(Permission.ApplicationApply)
  @ApiOperation({ summary: "The signed-in applicant's applications at every centre of this deployment" })
  list(@CurrentPrincipal() principal: ApplicantPrincipal, @Query() query: PageQuery) {
    return this.queries.mine(principal.id, query.page, query.pageSize);
  }
}
