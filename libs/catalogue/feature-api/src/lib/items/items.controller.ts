import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, Public, RequirePermission } from '@zhengwu/server/core/auth';
import { CreateItemRequest, ItemSearchQuery, ItemStatusRequest, Permission, UpdateItemRequest } from '@zhengwu/shared/contracts';
import { CatalogueCentreParams, ItemParams } from '../catalogue.params';
import { ItemGuideService } from './item-guide.service';
import { ManageItemsService } from './manage-items.service';
import { SearchItemsService } from './search-items.service';

const ALL_STATUSES = ['draft', 'published', 'retired'] as const;

@ApiTags('catalogue')
@Controller('centres/:centreCode')
@CentreInPath()
export class ItemsController {
  constructor(
    private readonly searchItems: SearchItemsService,
    private readonly guides: ItemGuideService,
    private readonly manage: ManageItemsService,
  ) {}

  @Get('items')
  @Public('the published catalogue of a centre is public: applicants find the item they need')
  @ApiOperation({ summary: 'Published items of the centre: filter by department, text, service object, case type, online; paged' })
  search(@Param() params: CatalogueCentreParams, @Query() query: ItemSearchQuery) {
    return this.searchItems.search(params.centreCode, query);
  }

  @Get('items/:itemId')
  @Public('the service guide (办事指南) of a published item is public')
  @ApiOperation({ summary: 'Service guide of a published item: materials, samples, windows, procedure and limits' })
  guide(@Param() params: ItemParams) {
    return this.guides.guide(params.centreCode, params.itemId);
  }

  @Get('manage/items')
  @ApiBearerAuth()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Items of the centre in every status (centre admins)' })
  searchAll(@Param() params: CatalogueCentreParams, @Query() query: ItemSearchQuery) {
    return this.searchItems.search(params.centreCode, query, ALL_STATUSES);
  }

  @Get('manage/items/:itemId')
  @ApiBearerAuth()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'An item in any status with all its procedure versions (centre admins)' })
  detail(@Param() params: ItemParams) {
    return this.guides.detail(params.centreCode, params.itemId);
  }

  @Post('items')
  @ApiBearerAuth()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Create an item, as a draft (centre admins)' })
  create(@Param() params: CatalogueCentreParams, @Body() body: CreateItemRequest) {
    return this.manage.create(params.centreCode, body);
  }

  @Put('items/:itemId')
  @ApiBearerAuth()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: "Replace an item's fields; new limits must fit its published procedure (centre admins)" })
  update(@Param() params: ItemParams, @Body() body: UpdateItemRequest) {
    return this.manage.update(params.centreCode, params.itemId, body);
  }

  @Put('items/:itemId/status')
  @ApiBearerAuth()
  @RequirePermission(Permission.CatalogueManage)
  @ApiOperation({ summary: 'Publish (needs a published procedure) or retire an item (centre admins)' })
  setStatus(@Param() params: ItemParams, @Body() body: ItemStatusRequest) {
    return this.manage.setStatus(params.centreCode, params.itemId, body);
  }
}
