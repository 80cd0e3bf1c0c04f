import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { loadConfig } from '@zhengwu/server/core/config';
import { DomainError } from '@zhengwu/server/core/errors';
import { HostedTenants, RequestContext } from '@zhengwu/server/core/tenancy';
import { Permission, StaffRole } from '@zhengwu/shared/contracts';
import { generateKeyPairSync } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import { ClsService } from 'nestjs-cls';
import { AccessTokenService } from './access-token.service';
import { AuthGuard } from './auth.guard';
import { CentreInPath, Public, RequirePermission } from './permissions.decorator';

class Routes {
  @RequirePermission(Permission.StaffManage)
  manage(): string {
    return 'manage';
  }
  @Public('test')
  open(): string {
    return 'open';
  }
  undeclared(): string {
    return 'undeclared';
  }
  @RequirePermission(Permission.StaffRead)
  @CentreInPath()
  centreStaff(): string {
    return 'centreStaff';
  }
}

describe('AuthGuard', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://x@localhost/x',
    DEPLOYMENT_ID: 'unit',
    AUTH_SIGNING_KEY_PATH: '/unused',
    PII_KEY_PATH: '/unused',
    HOSTED_TENANTS: 'under:510900',
  });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const tokens = new AccessTokenService({ privateKey, publicKey }, config);
  const cls = new ClsService(new AsyncLocalStorage());
  const guard = new AuthGuard(new Reflector(), tokens, new RequestContext(cls), new HostedTenants(config));

  function call(handler: keyof Routes, headers: Record<string, string> = {}, params: Record<string, string> = {}) {
    const request = { method: 'GET', url: '/x', routeOptions: { url: '/x' }, headers, params };
    const context = {
      getHandler: () => Routes.prototype[handler],
      getClass: () => Routes,
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
    return cls.run(() => guard.canActivate(context));
  }

  async function codeOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
      return 'allowed';
    } catch (error) {
      return error instanceof DomainError ? error.code : String(error);
    }
  }

  async function staffToken(tid: string, roles: StaffRole[]): Promise<string> {
    return (await tokens.issue('0190f3a2-7b1c-7d4e-8f00-123456789abc', { kind: 'staff', name: 'n', tid, roles })).token;
  }

  it('fails closed on a handler that declares neither a permission nor @Public', async () => {
    expect(await codeOf(call('undeclared', { authorization: `Bearer ${await staffToken('510900', [StaffRole.CentreAdmin])}` }))).toBe('AUTH_FORBIDDEN');
  });

  it('lets anyone through a @Public handler', async () => {
    expect(await call('open')).toBe(true);
  });

  it('requires a token, and the role that carries the permission', async () => {
    expect(await codeOf(call('manage'))).toBe('AUTH_REQUIRED');
    expect(await codeOf(call('manage', { authorization: 'Bearer not.a.jwt' }))).toBe('AUTH_INVALID_TOKEN');
    expect(await codeOf(call('manage', { authorization: `Bearer ${await staffToken('510900', [StaffRole.Reviewer])}` }))).toBe('AUTH_FORBIDDEN');
    expect(await codeOf(call('manage', { authorization: `Bearer ${await staffToken('510900', [StaffRole.CentreAdmin])}` }))).toBe('allowed');
  });

  it('refuses staff of a centre this deployment does not host, and a path addressing another centre', async () => {
    expect(await codeOf(call('manage', { authorization: `Bearer ${await staffToken('510000', [StaffRole.CentreAdmin])}` }))).toBe('AUTH_WRONG_CENTRE');
    const suining = `Bearer ${await staffToken('510900', [StaffRole.Supervisor])}`;
    expect(await codeOf(call('centreStaff', { authorization: suining }, { centreCode: '510981' }))).toBe('AUTH_WRONG_CENTRE');
    expect(await codeOf(call('centreStaff', { authorization: suining }, { centreCode: '510100' }))).toBe('CENTRE_NOT_HOSTED');
    expect(await codeOf(call('centreStaff', { authorization: suining }, { centreCode: '510900' }))).toBe('allowed');
  });
});
