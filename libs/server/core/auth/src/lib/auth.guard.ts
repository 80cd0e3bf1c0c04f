import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APPLICANT_PERMISSIONS, Permission, permissionsOfRoles } from '@zhengwu/shared/contracts';
import { HostedTenants, isTenantId, Principal, RequestContext } from '@zhengwu/server/core/tenancy';
import type { FastifyRequest } from 'fastify';
import { AccessTokenService } from './access-token.service';
import { AuthError } from './auth-errors';
import { CENTRE_PARAM_KEY, PERMISSION_KEY, PUBLIC_KEY } from './permissions.decorator';

/**
 * Global guard: every route is closed unless it declares `@Public()` or a permission. Establishes the
 * principal (and for staff, the tenant) from a verified token only.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly context: RequestContext,
    private readonly hosted: HostedTenants,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const targets = [execution.getHandler(), execution.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    const centreParam = this.reflector.getAllAndOverride<string | undefined>(CENTRE_PARAM_KEY, targets);
    const request = execution.switchToHttp().getRequest<FastifyRequest>();

    if (!isPublic && !permission) {
      // The routes-have-permissions test keeps this unreachable; fail closed if it ever is not.
      this.logger.error(`Route ${request.method} ${request.routeOptions.url ?? request.url} declares no permission`);
      throw AuthError.AUTH_FORBIDDEN();
    }

    const centreCode = centreParam ? this.addressedCentre(request, centreParam) : undefined;
    if (isPublic) {
      if (centreCode) {
        this.context.setTenant(centreCode);
      }
      return true;
    }

    const principal = await this.authenticate(request);
    if (!permission || !principal.permissions.includes(permission)) {
      throw AuthError.AUTH_FORBIDDEN();
    }
    if (centreCode && principal.kind === 'staff' && principal.tenantId !== centreCode) {
      throw AuthError.AUTH_WRONG_CENTRE();
    }
    this.context.setPrincipal(principal);
    Object.assign(request, { principal });
    if (centreCode && principal.kind === 'applicant') {
      this.context.setTenant(centreCode);
    }
    return true;
  }

  private addressedCentre(request: FastifyRequest, param: string): string {
    const code = (request.params as Record<string, unknown> | undefined)?.[param];
    if (!isTenantId(code) || !this.hosted.has(code)) {
      throw AuthError.CENTRE_NOT_HOSTED();
    }
    return code;
  }

  private async authenticate(request: FastifyRequest): Promise<Principal> {
    const header = request.headers.authorization;
    if (!header) {
      throw AuthError.AUTH_REQUIRED();
    }
    const match = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+)$/.exec(header);
    if (!match?.[1]) {
      throw AuthError.AUTH_INVALID_TOKEN();
    }
    const verified = await this.tokens.verify(match[1]);
    const { claims } = verified;
    if (claims.kind === 'applicant') {
      return {
        kind: 'applicant',
        id: verified.subject,
        name: claims.name,
        applicantKind: claims.ak,
        identityMasked: claims.idm,
        permissions: APPLICANT_PERMISSIONS,
      };
    }
    if (!this.hosted.has(claims.tid)) {
      throw AuthError.AUTH_WRONG_CENTRE();
    }
    return {
      kind: 'staff',
      id: verified.subject,
      name: claims.name,
      tenantId: claims.tid,
      roles: claims.roles,
      permissions: permissionsOfRoles(claims.roles),
    };
  }
}
