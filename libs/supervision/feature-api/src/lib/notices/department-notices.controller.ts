import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import { Permission } from '@zhengwu/shared/contracts';
import { CentreParams, NoticesQuery } from '../supervision.dto';
import { SupervisionNoticesService } from './supervision-notices.service';

/**
 * 督办 notices as the departments see them, to answer them (`POST …/supervision/notices/{id}/response`
 * takes `application:step`): a department's notices go to its heads; the notices of a department
 * without an active head go to every staff member who handles steps (supervision domain's
 * `mayAnswerNotice`).
 */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('centres/:centreCode/supervision/department-notices')
@CentreInPath()
export class DepartmentNoticesController {
  constructor(private readonly notices: SupervisionNoticesService) {}

  @Get()
  @RequirePermission(Permission.StepHandle)
  @ApiOperation({ summary: "督办 notices the caller may answer (their departments', and those of departments without a head; filter: status), soonest response due first" })
  list(@Param() p: CentreParams, @CurrentPrincipal() staff: StaffPrincipal, @Query() query: NoticesQuery) {
    return this.notices.list(p.centreCode, query, staff);
  }
}
