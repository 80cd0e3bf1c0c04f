import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import { Permission } from '@zhengwu/shared/contracts';
import { CentreParams } from '../supervision.dto';
import { DepartmentHeadsService } from './department-heads.service';
import { DepartmentHeadsParams, PutDepartmentHeadsRequest } from './delivery.dto';

/**
 * Department heads, assigned by the centre admin: who a head is is a matter of the centre's staff,
 * so it takes the admin's `staff:manage` (supervisors read alerts but do not assign people).
 */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('centres/:centreCode/supervision/department-heads')
@CentreInPath()
export class DepartmentHeadsController {
  constructor(private readonly heads: DepartmentHeadsService) {}

  @Get()
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'Every department of the centre with the staff who head it' })
  list(@Param() p: CentreParams) {
    return this.heads.list(p.centreCode);
  }

  @Put(':departmentId')
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: "Replace a department's heads (404 DEPARTMENT_NOT_FOUND, 400 HEAD_NOT_STAFF)" })
  replace(@Param() p: DepartmentHeadsParams, @CurrentPrincipal() admin: StaffPrincipal, @Body() body: PutDepartmentHeadsRequest) {
    return this.heads.replace(p.centreCode, p.departmentId, body, admin, new Date());
  }
}
