import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AUTH_CONFIG } from './auth.config';
import { guestOnly, requireLogin } from './auth.guards';
import { AuthStore } from './auth.store';
import { applicantTokenResponse } from './auth.testing';

@Component({ template: '' })
class Page {}

describe('auth guards', () => {
  let router: Router;
  let store: AuthStore;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        { provide: AUTH_CONFIG, useValue: { kind: 'applicant', loginPath: '/login', homePath: '/me' } },
        provideRouter([
          { path: 'login', component: Page, canActivate: [guestOnly] },
          { path: 'me', component: Page, canActivate: [requireLogin] },
          { path: 'applications/:id', component: Page, canActivate: [requireLogin] },
        ]),
      ],
    });
    router = TestBed.inject(Router);
    store = TestBed.inject(AuthStore);
  });

  it('sends visitors to the login page with the page they wanted', async () => {
    await router.navigateByUrl('/applications/42?tab=materials');
    expect(router.url).toBe('/login?returnUrl=%2Fapplications%2F42%3Ftab%3Dmaterials');
  });

  it('lets signed-in users in', async () => {
    store.startApplicantSession(applicantTokenResponse());
    await router.navigateByUrl('/me');
    expect(router.url).toBe('/me');
  });

  it('moves signed-in users on from the login page to the return URL, never off-site', async () => {
    store.startApplicantSession(applicantTokenResponse());
    await router.navigateByUrl('/login?returnUrl=%2Fapplications%2F7');
    expect(router.url).toBe('/applications/7');
    await router.navigateByUrl('/login?returnUrl=%2F%2Fevil.example');
    expect(router.url).toBe('/me');
  });
});
