import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, RequirePermission } from '@zhengwu/server/core/auth';
import { CreateMaterialRequest, Permission, UpdateMaterialRequest } from '@zhengwu/shared/contracts';
import { ItemParams, MaterialParams } from '../catalogue.params';
import { ManageMaterialsService } from './manage-materials.service';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('centres/:centreCode/items/:itemId/materials')
@CentreInPath()
export class MaterialsController {
  constructor(private readonly manage: ManageMaterialsService) {}

  @Post()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Add a material requirement to an item (centre admins)' })
  create(@Param() params: ItemParams, @Body() body: CreateMaterialRequest) {
    return this.manage.create(params.centreCode, params.itemId, body);
  }

  @Put(':materialId')
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Change a material requirement; its code stays (centre admins)' })
  update(@Param() params: MaterialParams, @Body() body: UpdateMaterialRequest) {
    return this.manage.update(params.centreCode, params.itemId, params.materialId, body);
  }
}
