import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@zhengwu/server/core/auth';
import { PublicLookupQuery } from '@zhengwu/shared/contracts';
import { CaseNumberParams } from '../application.params';
import { ApplicationQueriesService } from '../views/application-queries.service';

@ApiTags('public')
@Controller('public/cases')
export class PublicCasesController {
  constructor(private readonly queries: ApplicationQueriesService) {}

  @Get(':caseNumber')
  @Public('public progress lookup by case number and query code; shows no personal data')
  @ApiOperation({ summary: 'Progress of a case by its number and query code (no personal data)' })
  lookup(@Param() params: CaseNumberParams, @Query() query: PublicLookupQuery) {
    return this.queries.publicLookup(params.caseNumber, query.queryCode);
  }
}
