import { Global, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClsModule } from 'nestjs-cls';
import { HostedTenants } from './hosted-tenants';
import { RequestContext } from './request-context';

const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

@Global()
@Module({
  imports: [
    ClsModule.forRoot({
      global: true,
      middleware: {
        mount: true,
        generateId: true,
        // Keep a caller's correlation id when it is well-formed so logs line up across hops.
        idGenerator: (req: { headers: Record<string, string | string[] | undefined> }) => {
          const given = req.headers[REQUEST_ID_HEADER];
          return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
        },
      },
    }),
  ],
  providers: [RequestContext, HostedTenants],
  exports: [RequestContext, HostedTenants],
})
export class TenancyModule {}
