import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, RequirePermission } from '@zhengwu/server/core/auth';
import { Permission } from '@zhengwu/shared/contracts';
import { CentreParams, NoticesQuery } from '../supervision.dto';
import { SupervisionNoticesService } from './supervision-notices.service';

/**
 * 督办 notices as the departments see them, to answer them (`POST …/supervision/notices/{id}/response`
 * takes `application:step`). There is no staff–department link in the org scope yet, so staff who
 * handle steps see every notice of their centre, as they may answer any.
 */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('centres/:centreCode/supervision/department-notices')
@CentreInPath()
export class DepartmentNoticesController {
  constructor(private readonly notices: SupervisionNoticesService) {}

  @Get()
  @RequirePermission(Permission.StepHandle)
  @ApiOperation({ summary: '督办 notices to answer (filter: status), soonest response due first' })
  list(@Param() p: CentreParams, @Query() query: NoticesQuery) {
    return this.notices.list(p.centreCode, query);
  }
}
