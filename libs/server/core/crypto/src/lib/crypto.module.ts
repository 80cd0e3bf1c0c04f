import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { loadEd25519Key, loadSecret32, Ed25519KeyPair } from './key-files';
import { PersonalDataProtector } from './personal-data-protector';

/** Injection token of the deployment's access-token signing key pair. */
export const AUTH_SIGNING_KEY = Symbol('AUTH_SIGNING_KEY');
export type AuthSigningKey = Ed25519KeyPair;

@Global()
@Module({
  providers: [
    {
      provide: AUTH_SIGNING_KEY,
      inject: [AppConfig],
      useFactory: (config: AppConfig): AuthSigningKey =>
        loadEd25519Key(config.AUTH_SIGNING_KEY_PATH, config.GENERATE_MISSING_KEYS),
    },
    {
      provide: PersonalDataProtector,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new PersonalDataProtector(loadSecret32(config.PII_KEY_PATH, config.GENERATE_MISSING_KEYS)),
    },
  ],
  exports: [AUTH_SIGNING_KEY, PersonalDataProtector],
})
export class CryptoModule {}
