import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import { CreateHallDisplayRequest, Permission } from '@zhengwu/shared/contracts';
import { ApplicationParams, CentreCodeParams } from '../application.params';
import { HallDisplayService } from './hall-display.service';

/** The centre admin's screens in the hall: register one (its token is answered once), list, revoke. */
@ApiTags('hall display')
@ApiBearerAuth()
@Controller('centres/:centreCode/hall-displays')
@CentreInPath()
export class HallDisplaysController {
  constructor(private readonly displays: HallDisplayService) {}

  @Post()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Register a hall display; the answer carries its token, shown this once' })
  create(@Param() params: CentreCodeParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: CreateHallDisplayRequest) {
    return this.displays.create(params.centreCode, staff, body.name);
  }

  @Get()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'The centre’s hall displays, newest first (never their tokens)' })
  list(@Param() params: CentreCodeParams) {
    return this.displays.list(params.centreCode);
  }

  @Delete(':id')
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Revoke a hall display: its token is refused from now on, an open feed is closed' })
  revoke(@Param() params: ApplicationParams) {
    return this.displays.revoke(params.centreCode, params.id);
  }
}
