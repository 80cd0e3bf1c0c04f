import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, Public, RequirePermission } from '@zhengwu/server/core/auth';
import { CreateDepartmentRequest, CreateWindowRequest, Permission, UpdateDepartmentRequest, UpdateWindowRequest } from '@zhengwu/shared/contracts';
import { CatalogueCentreParams, DepartmentParams, WindowParams } from '../catalogue.params';
import { ManageDepartmentsService } from './manage-departments.service';

@ApiTags('catalogue')
@Controller('centres/:centreCode')
@CentreInPath()
export class DepartmentsController {
  constructor(private readonly manage: ManageDepartmentsService) {}

  @Get('departments')
  @Public('the departments of a centre are part of its public service guide')
  @ApiOperation({ summary: 'Departments of the centre' })
  listDepartments(@Param() params: CatalogueCentreParams) {
    return this.manage.listDepartments(params.centreCode);
  }

  @Post('departments')
  @ApiBearerAuth()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Add a department (centre admins)' })
  createDepartment(@Param() params: CatalogueCentreParams, @Body() body: CreateDepartmentRequest) {
    return this.manage.createDepartment(params.centreCode, body);
  }

  @Put('departments/:departmentId')
  @ApiBearerAuth()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Rename or reorder a department (centre admins)' })
  updateDepartment(@Param() params: DepartmentParams, @Body() body: UpdateDepartmentRequest) {
    return this.manage.updateDepartment(params.centreCode, params.departmentId, body);
  }

  @Get('windows')
  @Public('where to go in the hall is part of the public service guide')
  @ApiOperation({ summary: 'Service windows of the centre' })
  listWindows(@Param() params: CatalogueCentreParams) {
    return this.manage.listWindows(params.centreCode);
  }

  @Post('windows')
  @ApiBearerAuth()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Add a service window (centre admins)' })
  createWindow(@Param() params: CatalogueCentreParams, @Body() body: CreateWindowRequest) {
    return this.manage.createWindow(params.centreCode, body);
  }

  @Put('windows/:windowId')
  @ApiBearerAuth()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Change a service window (centre admins)' })
  updateWindow(@Param() params: WindowParams, @Body() body: UpdateWindowRequest) {
    return this.manage.updateWindow(params.centreCode, params.windowId, body);
  }
}
