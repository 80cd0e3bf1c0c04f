import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { HALL_DISPLAY_NAME_MAX_LENGTH, HallDisplayView } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { LocalDatePipe, Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { displayUrl, HallDisplayApi } from '../display/hall-display.api';
import { staffAccess } from '../shared/staff-access';

/**
 * The centre admin's hall displays (大厅屏): register a screen and get its link once (the token
 * is in the link's fragment and stored only as a hash), see when each screen last connected, revoke.
 */
@Component({
  selector: 'wb-hall-displays-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslocoPipe, LocalDatePipe, FormErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .wb-display-link { word-break: break-all; font-family: monospace; padding: 8px; background: #f5f5f5; border: 1px solid #ccc; }
    .wb-created { border-left: 4px solid #2e7d32; padding: 8px 16px; margin: 16px 0; }
  `,
  template: `
    <h1 class="zw-page-title" id="displays-heading">{{ 'display.admin.heading' | transloco }}</h1>
    <p>{{ 'display.admin.intro' | transloco }}</p>
    <form class="wb-filters" [formGroup]="form" (ngSubmit)="create()">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'display.admin.name' | transloco }}</mat-label>
        <input matInput formControlName="name" [maxlength]="nameMax" required data-testid="display-name" />
        <mat-hint>{{ 'display.admin.nameHint' | transloco }}</mat-hint>
        @if (name.touched && name.invalid) {
          <mat-error>{{ 'display.admin.nameRequired' | transloco }}</mat-error>
        }
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()">{{ 'display.admin.create' | transloco }}</button>
    </form>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.working' | transloco" />
    }
    <zw-form-error [message]="error()" />

    @if (created(); as link) {
      <section class="wb-created" role="status" aria-live="polite">
        <h2>{{ 'display.admin.createdHeading' | transloco: { name: link.name } }}</h2>
        <p>{{ 'display.admin.createdOnce' | transloco }}</p>
        <p class="wb-display-link" data-testid="display-url">{{ link.url }}</p>
        <button mat-stroked-button type="button" (click)="copy(link.url)">{{ (copied() ? 'display.admin.copied' : 'display.admin.copy') | transloco }}</button>
        <button mat-button type="button" (click)="created.set(null)">{{ 'common.close' | transloco }}</button>
      </section>
    }

    @if (displays(); as list) {
      @if (list.length) {
        <table class="wb-table" aria-labelledby="displays-heading">
          <thead>
            <tr>
              <th scope="col">{{ 'display.admin.col.name' | transloco }}</th>
              <th scope="col">{{ 'display.admin.col.token' | transloco }}</th>
              <th scope="col">{{ 'display.admin.col.created' | transloco }}</th>
              <th scope="col">{{ 'display.admin.col.lastSeen' | transloco }}</th>
              <th scope="col">{{ 'display.admin.col.status' | transloco }}</th>
              <th scope="col"><span class="cdk-visually-hidden">{{ 'display.admin.col.actions' | transloco }}</span></th>
            </tr>
          </thead>
          <tbody>
            @for (display of list; track display.id) {
              <tr>
                <td>{{ display.name }}</td>
                <td>…{{ display.tokenHint }}</td>
                <td>{{ display.createdAt | zwDate }} · {{ display.createdByName }}</td>
                <td>{{ display.lastSeenAt ? (display.lastSeenAt | zwDate) : ('display.admin.neverSeen' | transloco) }}</td>
                <td>{{ (display.revokedAt ? 'display.admin.revoked' : 'display.admin.active') | transloco }}</td>
                <td>
                  @if (!display.revokedAt) {
                    @if (confirming() === display.id) {
                      <button mat-flat-button color="warn" type="button" (click)="revoke(display)">{{ 'display.admin.confirmRevoke' | transloco }}</button>
                      <button mat-button type="button" (click)="confirming.set(null)">{{ 'common.cancel' | transloco }}</button>
                    } @else {
                      <button mat-stroked-button type="button" (click)="confirming.set(display.id)" [attr.aria-label]="'display.admin.revokeNamed' | transloco: { name: display.name }">
                        {{ 'display.admin.revoke' | transloco }}
                      </button>
                    }
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p class="zw-notice">{{ 'display.admin.empty' | transloco }}</p>
      }
    } @else if (!error()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
  `,
})
export class HallDisplaysPage {
  private readonly api = inject(HallDisplayApi);
  private readonly access = staffAccess();
  private readonly document = inject(DOCUMENT);
  protected readonly nameMax = HALL_DISPLAY_NAME_MAX_LENGTH;
  protected readonly name = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(HALL_DISPLAY_NAME_MAX_LENGTH)] });
  protected readonly form = new FormGroup({ name: this.name });
  protected readonly displays = signal<HallDisplayView[] | null>(null);
  protected readonly created = signal<{ name: string; url: string } | null>(null);
  protected readonly busy = signal(false);
  protected readonly copied = signal(false);
  protected readonly confirming = signal<string | null>(null);
  protected readonly error = signal<Translatable | null>(null);

  constructor() {
    this.load();
  }

  protected create(): void {
    this.name.markAsTouched();
    const name = this.name.value.trim();
    if (this.name.invalid || !name) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.create(this.access.centreCode(), { name }).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.copied.set(false);
        const view = this.document.defaultView;
        const base = this.document.querySelector('base')?.getAttribute('href') ?? '/';
        this.created.set({ name: result.display.name, url: displayUrl(view?.location.origin ?? '', base, result.display.centreCode, result.token) });
        this.name.reset('');
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(describeHttpError(error).message);
      },
    });
  }

  protected revoke(display: HallDisplayView): void {
    this.confirming.set(null);
    this.busy.set(true);
    this.api.revoke(this.access.centreCode(), display.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(describeHttpError(error).message);
      },
    });
  }

  protected copy(url: string): void {
    void this.document.defaultView?.navigator.clipboard?.writeText(url).then(
      () => this.copied.set(true),
      () => undefined,
    );
  }

  private load(): void {
    this.api.list(this.access.centreCode()).subscribe({
      next: (list) => this.displays.set(list),
      error: (error: unknown) => this.error.set(describeHttpError(error).message),
    });
  }
}
