import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from '@zhengwu/server/core/tenancy';

/** The principal the guard established; handlers behind a permission always have one. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) {
    throw new Error('CurrentPrincipal used on a route without an authenticated principal');
  }
  return request.principal;
});
