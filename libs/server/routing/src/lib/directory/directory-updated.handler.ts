import type { DirectoryUpdatedV1, Envelope } from '@zhengwu/shared/contracts';
import { RouteHandler, RouteMessageHandler } from '../receiver/route-handler.decorator';
import { RoutingError } from '../routing-errors';
import { CentreDirectory } from './centre-directory';

/**
 * `directory.updated.v1` (only the province may send it: route policy): adopts the signed directory
 * when it verifies against the pinned root key and is newer. Every centre of a deployment may
 * receive a copy; the first adopts it, the others find it is not newer and change nothing. One that
 * does not verify is refused for good (failed in the inbox, alerted by the receiver).
 */
@RouteHandler('directory.updated.v1')
export class DirectoryUpdatedHandler implements RouteMessageHandler<'directory.updated.v1'> {
  constructor(private readonly directory: CentreDirectory) {}

  async handle(envelope: Envelope<DirectoryUpdatedV1>): Promise<void> {
    const { outcome, problem } = await this.directory.adopt(envelope.payload, envelope.id);
    if (outcome === 'invalid') {
      throw RoutingError.DIRECTORY_REFUSED({ problem });
    }
  }
}
