import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@zhengwu/server/core/auth';
import { DivisionCodeParams } from './division-code.params';
import { ListCentresService } from './list-centres.service';
import { ResolveDivisionService } from './resolve-division.service';

@ApiTags('centres')
@Controller()
export class CentresController {
  constructor(
    private readonly listCentres: ListCentresService,
    private readonly resolveDivision: ResolveDivisionService,
  ) {}

  @Get('centres')
  @Public('the list of centres is the public directory applicants choose from')
  @ApiOperation({ summary: 'Every centre, whichever deployment hosts it (GET /directory says which)' })
  list() {
    return this.listCentres.list();
  }

  @Get('divisions/:code')
  @Public('division codes are public reference data')
  @ApiOperation({ summary: 'A division code, resolved to its successor when it was replaced' })
  division(@Param() params: DivisionCodeParams) {
    return this.resolveDivision.resolve(params.code);
  }
}
