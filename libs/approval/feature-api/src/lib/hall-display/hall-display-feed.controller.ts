import { Controller, Get, Headers, Logger, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CentreInPath, Public } from '@zhengwu/server/core/auth';
import type { FastifyReply } from 'fastify';
import { auditTime, concatMap, endWith, from, ignoreElements, interval, merge, takeUntil } from 'rxjs';
import { CentreCodeParams } from '../application.params';
import { ApplicationChangeFeed } from '../live/application-change-feed';
import { HallDisplayService } from './hall-display.service';
import { displayTokenOf } from './hall-display.logic';

/** A comment line every 15 s keeps proxies (and the screen's own watchdog) from closing an idle stream. */
export const HALL_HEARTBEAT_MS = 15_000;
/** Counts depend on the date (today, overdue): refreshed at least this often without any change. */
const REFRESH_MS = 5 * 60_000;
/** Changes arriving together (a busy counter) make one snapshot. */
const COALESCE_MS = 300;

@ApiTags('hall display')
@Controller('centres/:centreCode/hall-display')
@CentreInPath()
export class HallDisplayFeedController {
  private readonly logger = new Logger('HallDisplayFeed');

  constructor(
    private readonly displays: HallDisplayService,
    private readonly feed: ApplicationChangeFeed,
  ) {}

  /**
   * Server-sent events for a screen in the hall: a `snapshot` (today's counts and the latest calls,
   * names masked) at once, then a new one whenever a case of the centre changes, a comment every
   * 15 s. Authenticated by the display token alone; a revoked display gets `revoked` and the end.
   */
  @Get('feed')
  @Public('hall display screens: authenticated by their display token (Authorization: Display <token>), not a login')
  @ApiHeader({ name: 'Authorization', description: 'Display <token>' })
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Public feed of a centre’s hall display (server-sent events)' })
  async stream(@Param() params: CentreCodeParams, @Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const tenantId = params.centreCode;
    const display = await this.displays.authenticate(tenantId, displayTokenOf(authorization));
    const first = await this.displays.snapshot(tenantId);
    await this.feed.ready().catch(() => undefined);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send('snapshot', first);
    const changes = this.feed.changesIn(tenantId);
    const updates = merge(changes, interval(REFRESH_MS))
      .pipe(
        takeUntil(changes.pipe(ignoreElements(), endWith(true))),
        auditTime(COALESCE_MS),
        concatMap(() =>
          from(
            (async () => ((await this.displays.stillValid(tenantId, display.id)) ? await this.displays.snapshot(tenantId) : null))().catch((error: Error) => {
              this.logger.warn(`Hall display snapshot failed: ${error.message}`);
              return undefined;
            }),
          ),
        ),
      )
      .subscribe({
        next: (snapshot) => {
          if (snapshot === null) {
            send('revoked', { id: display.id });
            raw.end();
          } else if (snapshot) {
            send('snapshot', snapshot);
          }
        },
        // The process is shutting down (the change feed completed): end the stream, the screen reconnects.
        complete: () => raw.end(),
      });
    const heartbeat = interval(HALL_HEARTBEAT_MS).subscribe(() => raw.write(': keep-alive\n\n'));
    raw.on('close', () => {
      updates.unsubscribe();
      heartbeat.unsubscribe();
    });
  }
}
