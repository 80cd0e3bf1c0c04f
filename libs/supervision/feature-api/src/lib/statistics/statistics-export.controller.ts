import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CentreInPath, RequirePermission } from '@zhengwu/server/core/auth';
import { Permission } from '@zhengwu/shared/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { EXPORT_FORMATS, type ExportFormat, statisticsCsv, statisticsHtml } from './statistics-export';
import { SupervisionStatisticsService } from './supervision-statistics.service';

export class StatisticsExportParams {
  @Matches(/^\d{6}$/, { message: 'centreCode must be a 6-digit division code' })
  centreCode!: string;
}

export class StatisticsExportQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional() @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  /** YYYY-MM-DD, inclusive; checked by the service (400 STATISTICS_PERIOD_INVALID). */
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional() @IsString() @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional() @IsString() @MaxLength(10)
  to?: string;
}

/** A period's statistics as a CSV file or a self-contained HTML report, for the centre's supervisors. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('centres/:centreCode/supervision')
@CentreInPath()
export class StatisticsExportController {
  constructor(private readonly statistics: SupervisionStatisticsService) {}

  @Get('statistics/export')
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Export a period’s statistics (every centre, department, item and staff row): CSV (UTF-8 with BOM) or an HTML report with charts' })
  async export(@Param() p: StatisticsExportParams, @Query() query: StatisticsExportQuery, @Res() reply: FastifyReply): Promise<void> {
    const format = query.format ?? 'csv';
    const report = await this.statistics.report(p.centreCode, { from: query.from ?? '', to: query.to ?? '' });
    const body = format === 'csv' ? statisticsCsv(report) : statisticsHtml(report, new Date());
    const fileName = `supervision-statistics-${report.centreCode}-${report.from}_${report.to}.${format}`;
    await reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'private, no-store')
      .send(body);
  }
}
