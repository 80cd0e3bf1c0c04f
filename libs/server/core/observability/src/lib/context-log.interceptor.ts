import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { RequestContext } from '@zhengwu/server/core/tenancy';
import { PinoLogger } from 'nestjs-pino';
import type { Observable } from 'rxjs';

/** Adds the tenant and principal (once the guard has established them) to the request's log lines. */
@Injectable()
export class ContextLogInterceptor implements NestInterceptor {
  constructor(
    private readonly logger: PinoLogger,
    private readonly context: RequestContext,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() === 'http') {
      const principal = this.context.principal;
      const fields: Record<string, string> = {};
      if (this.context.tenantId) fields['tenant'] = this.context.tenantId;
      if (principal) fields['principal'] = `${principal.kind}:${principal.id}`;
      if (Object.keys(fields).length > 0) this.logger.assign(fields);
    }
    return next.handle();
  }
}
