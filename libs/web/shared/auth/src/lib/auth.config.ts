import { InjectionToken } from '@angular/core';

export type SessionKind = 'applicant' | 'staff';

export interface AuthConfig {
  /** Which kind of account this app signs in: the portal serves applicants, the workbench staff. */
  kind: SessionKind;
  /** Router path of the login page, where guards send visitors without a session. */
  loginPath: string;
  /** Where to go after login when no (safe) return URL was given. */
  homePath: string;
}

export const AUTH_CONFIG = new InjectionToken<AuthConfig>('AUTH_CONFIG');
