import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ItemPage } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { CatalogueApi } from '@zhengwu/web/workbench/data-access';
import { catchError, debounceTime, map, merge, of, startWith, Subject, switchMap } from 'rxjs';
import { staffAccess } from '../shared/staff-access';
import { TranslatedPaginatorIntl } from '../shared/translated-paginator-intl';

/** The centre's items in every status, searchable, for the centre admin. */
@Component({
  selector: 'wb-items-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatPaginatorModule, MatProgressBarModule, TranslocoPipe, FormErrorComponent],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="zw-page-title" id="items-heading">{{ 'items.heading' | transloco }}</h1>
    <div class="wb-filters">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'items.search' | transloco }}</mat-label>
        <input matInput type="search" [formControl]="query" />
        <mat-hint>{{ 'items.searchHint' | transloco }}</mat-hint>
      </mat-form-field>
      <a mat-flat-button routerLink="/admin/items/new">{{ 'items.new' | transloco }}</a>
      <a mat-stroked-button routerLink="/admin/displays">{{ 'display.admin.link' | transloco }}</a>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    <zw-form-error [message]="error()" />
    @if (result(); as page) {
      @if (page.items.length) {
        <table class="wb-table" aria-labelledby="items-heading">
          <thead>
            <tr>
              <th scope="col">{{ 'items.col.name' | transloco }}</th>
              <th scope="col">{{ 'items.col.department' | transloco }}</th>
              <th scope="col">{{ 'items.col.status' | transloco }}</th>
              <th scope="col">{{ 'items.col.limits' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (item of page.items; track item.id) {
              <tr>
                <td><a [routerLink]="['/admin/items', item.id]">{{ item.name }}</a><br /><span class="wb-muted">{{ item.implementationCode }}</span></td>
                <td>{{ item.department.name }}</td>
                <td>{{ 'catalogueStatus.' + item.status | transloco }}</td>
                <td>
                  {{ 'items.limits' | transloco: { promised: item.promisedLimit.value, promisedUnit: ('units.' + item.promisedLimit.unit | transloco), legal: item.legalLimit.value, legalUnit: ('units.' + item.legalLimit.unit | transloco) } }}
                </td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p class="zw-notice">{{ 'items.empty' | transloco }}</p>
      }
      <mat-paginator [length]="page.total" [pageIndex]="page.page - 1" [pageSize]="page.pageSize" [pageSizeOptions]="[20, 50, 100]" (page)="changePage($event)" />
    }
  `,
})
export class ItemsPage {
  private readonly api = inject(CatalogueApi);
  private readonly access = staffAccess();
  protected readonly query = new FormControl('', { nonNullable: true });
  protected readonly page = signal({ page: 1, pageSize: 20 });
  protected readonly result = signal<ItemPage | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  private readonly pageChanges = new Subject<void>();

  constructor() {
    merge(this.query.valueChanges.pipe(debounceTime(300), map(() => this.page.update((p) => ({ ...p, page: 1 })))), this.pageChanges)
      .pipe(
        startWith(undefined),
        switchMap(() => {
          this.loading.set(true);
          this.error.set(null);
          return this.api.items(this.access.centreCode(), { q: this.query.value || undefined, ...this.page() }).pipe(
            catchError((error: unknown) => {
              this.error.set(describeHttpError(error).message);
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if (result) this.result.set(result);
      });
  }

  protected changePage(event: PageEvent): void {
    this.page.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
    this.pageChanges.next();
  }
}
