import { Injectable } from '@nestjs/common';
import { sichuanDivisions } from '@zhengwu/divisions/domain';
import { AppConfig } from '@zhengwu/server/core/config';

/** The centres this deployment serves, from `HOSTED_TENANTS`, resolved once at boot. */
@Injectable()
export class HostedTenants {
  private readonly codes: ReadonlySet<string>;

  constructor(config: AppConfig) {
    this.codes = new Set(sichuanDivisions.selectHosted(config.HOSTED_TENANTS));
  }

  has(code: string): boolean {
    return this.codes.has(code);
  }

  list(): string[] {
    return [...this.codes];
  }
}
