import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CATALOGUE_CODE_TABLES } from '@zhengwu/catalogue/domain';
import { Public } from '@zhengwu/server/core/auth';

@ApiTags('catalogue')
@Controller('catalogue')
export class CodeTablesController {
  @Get('code-tables')
  @Public('the GB/T 39046 code tables are public reference data')
  @Header('cache-control', 'public, max-age=3600')
  @ApiOperation({ summary: 'GB/T 39046 code tables of the catalogue, with Chinese and English labels' })
  codeTables() {
    return CATALOGUE_CODE_TABLES;
  }
}
