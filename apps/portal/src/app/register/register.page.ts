import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ApplicantTokenResponse } from '@zhengwu/shared/contracts';
import { AuthStore, safeReturnUrl } from '@zhengwu/web/shared/auth';
import { LegalPersonFormComponent } from './legal-person-form.component';
import { NaturalPersonFormComponent } from './natural-person-form.component';

const TYPES = ['natural-person', 'legal-person'] as const;

@Component({
  selector: 'portal-register-page',
  imports: [MatTabsModule, RouterLink, TranslocoPipe, NaturalPersonFormComponent, LegalPersonFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './register.page.html',
})
export class RegisterPage {
  readonly returnUrl = input<string>();
  /** `?type=legal-person` opens the organisation tab (links from item pages can preselect it). */
  readonly type = input<string>();

  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  protected readonly tabIndex = computed(() => Math.max(0, TYPES.indexOf(this.type() as (typeof TYPES)[number])));

  protected selectTab(index: number): void {
    void this.router.navigate([], { queryParams: { type: TYPES[index] }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected registered(response: ApplicantTokenResponse): void {
    this.store.startApplicantSession(response);
    void this.router.navigateByUrl(safeReturnUrl(this.returnUrl(), '/me'));
  }
}
