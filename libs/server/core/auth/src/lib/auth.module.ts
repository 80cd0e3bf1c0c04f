import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenService } from './access-token.service';
import { AuthGuard } from './auth.guard';
import { PasswordHasher } from './password-hasher';

@Global()
@Module({
  providers: [AccessTokenService, PasswordHasher, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccessTokenService, PasswordHasher],
})
export class AuthModule {}
