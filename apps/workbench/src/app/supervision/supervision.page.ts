import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type ChainVerificationView, type RectificationView, StaffRole } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { SupervisionApi } from '@zhengwu/web/workbench/data-access';
import { finalize } from 'rxjs';
import { InboxComponent } from '../inbox/inbox.component';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { staffAccess } from '../shared/staff-access';

/** Working days ahead that count as "due soon" in the supervision list. */
export const DUE_SOON_WORKING_DAYS = 2;

/**
 * Basic supervision (电子监察): overdue and due-soon cases, open rectifications opened by bad
 * ratings, and a check of the centre's event hash chain. The API lists cases by the caller's step
 * posts only, so a supervisor who holds none sees an explanation instead of a centre-wide list.
 */
@Component({
  selector: 'wb-supervision-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatProgressBarModule, TranslocoPipe, FormErrorComponent, InboxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './supervision.page.html',
})
export class SupervisionPage {
  private readonly api = inject(SupervisionApi);
  protected readonly access = staffAccess();
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly dueSoon = DUE_SOON_WORKING_DAYS;
  protected readonly holdsStepPost = computed(() =>
    [StaffRole.WindowClerk, StaffRole.Reviewer, StaffRole.Approver].some((role) => this.access.holds(role)),
  );
  protected readonly rectifications = signal<RectificationView[] | null>(null);
  protected readonly rectificationsError = signal<Translatable | null>(null);
  protected readonly chain = signal<ChainVerificationView | null>(null);
  protected readonly chainError = signal<Translatable | null>(null);
  protected readonly verifying = signal(false);

  constructor() {
    this.api
      .rectifications(this.access.centreCode())
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => this.rectifications.set(list),
        error: (error: unknown) => this.rectificationsError.set(describeHttpError(error).message),
      });
  }

  protected verifyChain(): void {
    if (this.verifying()) return;
    this.verifying.set(true);
    this.chainError.set(null);
    this.api
      .verifyEventChain(this.access.centreCode())
      .pipe(finalize(() => this.verifying.set(false)))
      .subscribe({
        next: (result) => this.chain.set(result),
        error: (error: unknown) => this.chainError.set(describeHttpError(error).message),
      });
  }
}
