import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, RequirePermission } from '@zhengwu/server/core/auth';
import { CreateStaffRequest, Permission } from '@zhengwu/shared/contracts';
import { CentreParams } from './centre.params';
import { ManageStaffService } from './manage-staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('centres/:centreCode/staff')
@CentreInPath()
export class StaffController {
  constructor(private readonly manageStaff: ManageStaffService) {}

  @Get()
  @RequirePermission(Permission.StaffRead)
  @ApiOperation({ summary: "Staff accounts of the caller's centre" })
  list(@Param() params: CentreParams) {
    return this.manageStaff.list(params.centreCode);
  }

  @Post()
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: "Create a staff account in the caller's centre (centre admins)" })
  create(@Param() params: CentreParams, @Body() body: CreateStaffRequest) {
    return this.manageStaff.create(params.centreCode, body);
  }
}
