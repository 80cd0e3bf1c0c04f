import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import { Permission } from '@zhengwu/shared/contracts';
import { SupervisionQueriesService } from './board/supervision-queries.service';
import { SupervisionNoticesService } from './notices/supervision-notices.service';
import { SupervisionRulesService } from './rules/supervision-rules.service';
import { SupervisionStatisticsService } from './statistics/supervision-statistics.service';
import {
  AccountabilityQuery,
  AlertsQuery,
  CentreParams,
  CloseNoticeRequest,
  NoticeParams,
  NoticesQuery,
  PutRuleRequest,
  RespondToNoticeRequest,
  RuleParams,
  StatisticsQuery,
} from './supervision.dto';

/** Electronic supervision of one centre, for its supervisors (and its departments' answers to notices). */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('centres/:centreCode/supervision')
@CentreInPath()
export class SupervisionController {
  constructor(
    private readonly queries: SupervisionQueriesService,
    private readonly notices: SupervisionNoticesService,
    private readonly rules: SupervisionRulesService,
    private readonly statistics: SupervisionStatisticsService,
  ) {}

  @Get('board')
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Live board: open cases by level, overdue list (red), due-soon list (yellow)' })
  board(@Param() p: CentreParams) {
    return this.queries.board(p.centreCode);
  }

  @Get('alerts')
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Alerts (filters: level, state open|resolved|all, applicationId), newest first' })
  alerts(@Param() p: CentreParams, @Query() query: AlertsQuery) {
    return this.queries.alertsOf(p.centreCode, query);
  }

  @Get('accountability')
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Accountability records: who held the work when a red alert was raised' })
  accountability(@Param() p: CentreParams, @Query() query: AccountabilityQuery) {
    return this.queries.accountabilityOf(p.centreCode, query);
  }

  @Get('notices')
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: '督办 notices with their responses (filter: status), soonest response due first' })
  noticeList(@Param() p: CentreParams, @Query() query: NoticesQuery) {
    return this.notices.list(p.centreCode, query);
  }

  @Post('notices/:id/response')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.StepHandle)
  @ApiOperation({ summary: "The responsible department's answer to a 督办 notice: by one of its heads, or by any step handler when it has none (403 NOTICE_NOT_FOR_YOUR_DEPARTMENT)" })
  respond(@Param() p: NoticeParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: RespondToNoticeRequest) {
    return this.notices.respond(p.centreCode, p.id, staff, body, new Date());
  }

  @Post('notices/:id/close')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Supervisor: close a 督办 notice' })
  close(@Param() p: NoticeParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: CloseNoticeRequest) {
    return this.notices.close(p.centreCode, p.id, staff, body, new Date());
  }

  @Get('rules')
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: "Province rules, this centre's own, the effective set, and ignored loosenings" })
  ruleSet(@Param() p: CentreParams) {
    return this.rules.view(p.centreCode);
  }

  @Put('rules/:ruleId')
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Create or replace a rule of this centre; overriding a province rule may only tighten it (400 RULE_LOOSENS_PROVINCE_RULE)' })
  putRule(@Param() p: RuleParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: PutRuleRequest) {
    return this.rules.put(p.centreCode, p.ruleId, body, staff, new Date());
  }

  @Delete('rules/:ruleId')
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: "Remove this centre's rule (an override falls back to the province rule)" })
  removeRule(@Param() p: RuleParams) {
    return this.rules.remove(p.centreCode, p.ruleId);
  }

  @Get('rules/drift')
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Drift report: each centre under this one (hosted here) and its deviations from the province rules' })
  drift(@Param() p: CentreParams) {
    return this.rules.drift(p.centreCode);
  }

  @Get('statistics')
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Statistics for a period (from, to inclusive) per centre, department, item or staff member, from incrementally kept counters' })
  statisticsOf(@Param() p: CentreParams, @Query() query: StatisticsQuery) {
    return this.statistics.period(p.centreCode, query);
  }
}
