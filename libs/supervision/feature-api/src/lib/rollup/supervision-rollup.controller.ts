import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, RequirePermission } from '@zhengwu/server/core/auth';
import { Permission } from '@zhengwu/shared/contracts';
import type { RollupView } from '@zhengwu/supervision/domain';
import { Matches } from 'class-validator';
import { SupervisionRollupService } from './supervision-rollup.service';

export class RollupParams {
  @Matches(/^\d{6}$/, { message: 'centreCode must be a 6-digit division code' })
  centreCode!: string;
}

/** The roll-up across levels, for a centre's supervisors: the centres beneath it and their latest snapshots. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('centres/:centreCode/supervision')
@CentreInPath()
export class SupervisionRollupController {
  constructor(private readonly rollup: SupervisionRollupService) {}

  @Get('rollup')
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Roll-up tree: this centre and every centre beneath it, with their latest snapshots; `missing` where none arrived in time' })
  tree(@Param() p: RollupParams): Promise<RollupView> {
    return this.rollup.rollup(p.centreCode, new Date());
  }
}
