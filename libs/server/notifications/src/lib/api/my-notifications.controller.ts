import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { Principal } from '@zhengwu/server/core/tenancy';
import { ListMyNotificationsQuery, NotificationIdParams, Permission } from '@zhengwu/shared/contracts';
import { ListMyNotificationsService } from './list-my-notifications.service';
import { MarkNotificationReadService } from './mark-notification-read.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class MyNotificationsController {
  constructor(
    private readonly listing: ListMyNotificationsService,
    private readonly marking: MarkNotificationReadService,
  ) {}

  @Get()
  @RequirePermission(Permission.ApplicationApply)
  @ApiOperation({ summary: "The signed-in applicant's notifications from every centre, newest first" })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListMyNotificationsQuery) {
    return this.listing.list(principal, query);
  }

  @Get('unread-count')
  @RequirePermission(Permission.ApplicationApply)
  @ApiOperation({ summary: 'How many of them are unread' })
  unreadCount(@CurrentPrincipal() principal: Principal) {
    return this.listing.unreadCount(principal);
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequirePermission(Permission.ApplicationApply)
  @ApiOperation({ summary: 'Mark one read (idempotent)' })
  markRead(@CurrentPrincipal() principal: Principal, @Param() params: NotificationIdParams) {
    return this.marking.markRead(principal, params.id);
  }
}
