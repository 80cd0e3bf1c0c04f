import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@zhengwu/server/core/auth';
import { AppConfig } from '@zhengwu/server/core/config';
import type { PublicDirectoryView } from '@zhengwu/shared/contracts';
import { CentreDirectory } from './centre-directory';

/**
 * Where each centre is served: the web apps call the deployment that hosts the centre they work
 * with, and applicants sign in at the identity issuer. Public keys and signatures are left out.
 */
@ApiTags('routing')
@Controller('directory')
export class PublicDirectoryController {
  constructor(
    private readonly directory: CentreDirectory,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public('which deployment serves which centre is public, like the centres themselves')
  @ApiOperation({ summary: 'Deployments, the centres each hosts, and the identity issuer' })
  view(): PublicDirectoryView {
    const current = this.directory.current();
    return {
      version: current.version,
      self: this.config.DEPLOYMENT_ID,
      identityIssuer: current.identityIssuer.deploymentId,
      deployments: current.deployments.map((deployment) => ({ id: deployment.id, apiBaseUrl: deployment.apiBaseUrl })),
      centres: current.centres.map((centre) => ({ code: centre.code, deploymentId: centre.deploymentId })),
    };
  }
}
