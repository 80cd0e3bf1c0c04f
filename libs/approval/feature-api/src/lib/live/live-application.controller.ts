import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CentreInPath, CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { Principal } from '@zhengwu/server/core/tenancy';
import { Permission } from '@zhengwu/shared/contracts';
import type { FastifyReply } from 'fastify';
import { interval } from 'rxjs';
import { ApplicationParams } from '../application.params';
import { ApplicationQueriesService } from '../views/application-queries.service';
import { ApplicationChangeFeed } from './application-change-feed';

/** Keeps proxies from closing an idle stream; a comment line, ignored by clients. */
const HEARTBEAT_MS = 25_000;

@ApiTags('applications')
@ApiBearerAuth()
@Controller('centres/:centreCode/applications')
@CentreInPath()
export class LiveApplicationController {
  constructor(
    private readonly queries: ApplicationQueriesService,
    private readonly feed: ApplicationChangeFeed,
  ) {}

  /**
   * Server-sent events for one application: `ready` once, then `changed` (with the event sequence)
   * each time a transition commits; the client reloads the view. Access is checked exactly as for
   * reading the application, before the stream opens.
   */
  @Get(':id/live')
  @RequirePermission(Permission.ApplicationView)
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Live progress of an application (server-sent events)' })
  async live(@Param() params: ApplicationParams, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.queries.view(params.centreCode, principal, params.id);
    await this.feed.ready();
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send('ready', { id: view.id, version: view.version, status: view.status });
    const changes = this.feed.changesOf(params.centreCode, params.id).subscribe((change) => send('changed', { id: change.applicationId, seq: change.seq }));
    const heartbeat = interval(HEARTBEAT_MS).subscribe(() => raw.write(': keep-alive\n\n'));
    raw.on('close', () => {
      changes.unsubscribe();
      heartbeat.unsubscribe();
    });
  }
}
