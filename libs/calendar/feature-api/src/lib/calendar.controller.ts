import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, Public, RequirePermission } from '@zhengwu/server/core/auth';
import { CalendarRangeQuery, Permission, SetCalendarOverrideRequest } from '@zhengwu/shared/contracts';
import { CalendarQueryService } from './calendar-query.service';
import { CalendarCentreParams, CalendarOverrideParams } from './calendar.params';
import { ManageOverridesService } from './manage-overrides.service';

@ApiTags('calendar')
@Controller('centres/:centreCode/calendar')
@CentreInPath()
export class CalendarController {
  constructor(
    private readonly query: CalendarQueryService,
    private readonly manage: ManageOverridesService,
  ) {}

  @Get()
  @Public('working days and closures of a centre are public: applicants plan their visits and read deadlines by them')
  @ApiOperation({ summary: 'Working days of the centre between two dates (inclusive, at most 366 days)' })
  range(@Param() params: CalendarCentreParams, @Query() query: CalendarRangeQuery) {
    return this.query.range(params.centreCode, query);
  }

  @Get('overrides')
  @Public('closures and extra service days are announced to the public')
  @ApiOperation({ summary: "The centre's own closures and extra service days" })
  overrides(@Param() params: CalendarCentreParams) {
    return this.query.listOverrides(params.centreCode);
  }

  @Put('overrides/:date')
  @ApiBearerAuth()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Close the centre on a working day, or open it on a day off (centre admins)' })
  set(@Param() params: CalendarOverrideParams, @Body() body: SetCalendarOverrideRequest) {
    return this.manage.set(params.centreCode, params.date, body);
  }

  @Delete('overrides/:date')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Remove an override: the national schedule applies again (centre admins)' })
  remove(@Param() params: CalendarOverrideParams) {
    return this.manage.remove(params.centreCode, params.date);
  }
}
