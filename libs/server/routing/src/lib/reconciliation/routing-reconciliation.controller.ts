import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, RequirePermission } from '@zhengwu/server/core/auth';
import { Permission, RequestRoutingReconciliationBody, RoutingReconciliationQuery } from '@zhengwu/shared/contracts';
import { RoutingCentreParams } from './routing-centre.params';
import { RoutingReconciliation } from './routing-reconciliation';

@ApiTags('routing')
@ApiBearerAuth()
@Controller('centres/:centreCode/routing/reconciliation')
@CentreInPath()
export class RoutingReconciliationController {
  constructor(private readonly reconciliation: RoutingReconciliation) {}

  @Get()
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Per peer centre: sent, published, confirmed applied, received, applied; and messages stuck in between' })
  view(@Param() params: RoutingCentreParams, @Query() query: RoutingReconciliationQuery) {
    return this.reconciliation.view(params.centreCode, query);
  }

  @Post('requests')
  @HttpCode(202)
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Ask peer centres (reconcile.request.v1) which of the messages sent to them they applied' })
  request(@Param() params: RoutingCentreParams, @Body() body: RequestRoutingReconciliationBody) {
    return this.reconciliation.request(params.centreCode, body);
  }
}
