import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RollupNodeView, SupervisionRollupView } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { finalize } from 'rxjs';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { staffAccess } from '../shared/staff-access';
import { RollupTreeComponent, snapshotAge } from './rollup-tree.component';
import { SupervisionNavComponent } from './supervision-nav.component';
import { SupervisionRollupApi } from './supervision-rollup.api';

/** The centres flagged missing, in tree order, with their names (the view lists codes only). */
export function missingCentres(view: SupervisionRollupView): RollupNodeView[] {
  const flagged = new Set(view.missing);
  const found: RollupNodeView[] = [];
  const visit = (node: RollupNodeView) => {
    if (flagged.has(node.code)) found.push(node);
    node.children.forEach(visit);
  };
  visit(view.root);
  return found;
}

/**
 * The roll-up across levels (汇总): a city sees its counties, the province its cities and their
 * counties, each with the latest figures it reported upward and the sums over its subtree; the
 * centres whose snapshots stopped arriving are flagged 未上报.
 */
@Component({
  selector: 'wb-supervision-rollup-page',
  imports: [DatePipe, MatButtonModule, MatProgressBarModule, TranslocoPipe, TranslatableTextPipe, FormErrorComponent, RollupTreeComponent, SupervisionNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="zw-page-title">{{ 'supervision.rollup.heading' | transloco }}</h1>
    <wb-supervision-nav />
    <p>{{ 'supervision.rollup.intro' | transloco }}</p>
    <div class="wb-button-row">
      <button mat-stroked-button type="button" data-testid="rollup-refresh" (click)="load()" [disabled]="loading()">{{ 'supervision.refresh' | transloco }}</button>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" data-testid="rollup-loading" />
    }
    @if (error(); as message) {
      <div data-testid="rollup-error">
        <zw-form-error [message]="message" />
        <button mat-stroked-button type="button" data-testid="rollup-retry" (click)="load()" [disabled]="loading()">{{ 'common.retry' | transloco }}</button>
      </div>
    }
    @if (view(); as v) {
      <h2 id="rollup-heading" class="wb-section-title">{{ v.root.name }}</h2>
      <p class="wb-muted" data-testid="rollup-as-of">
        {{ 'supervision.rollup.asOf' | transloco: { at: (v.asOf | date: instantFormat : offset) } }} ·
        {{ 'supervision.rollup.missingAfter' | transloco: { age: (missingAfter() | zwText) } }}
      </p>
      @if (missing().length) {
        <div class="zw-notice" data-testid="rollup-missing-summary">
          {{ 'supervision.rollup.missingSummary' | transloco: { count: missing().length } }}
          <ul>
            @for (centre of missing(); track centre.code) {
              <li>{{ centre.name }} · {{ centre.code }}</li>
            }
          </ul>
        </div>
      } @else if (v.root.children.length) {
        <p class="wb-muted" data-testid="rollup-all-reporting">{{ 'supervision.rollup.allReporting' | transloco }}</p>
      } @else {
        <p class="zw-notice">{{ 'supervision.rollup.noneBelow' | transloco }}</p>
      }
      <p class="wb-muted">{{ 'supervision.rollup.legend' | transloco }}</p>
      <wb-rollup-tree [view]="v" labelledBy="rollup-heading" />
    }
  `,
})
export class SupervisionRollupPage {
  private readonly api = inject(SupervisionRollupApi);
  private readonly access = staffAccess();
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;

  protected readonly view = signal<SupervisionRollupView | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly missing = computed(() => {
    const view = this.view();
    return view ? missingCentres(view) : [];
  });
  /** The receiver's own threshold (a sender with a longer interval is judged by its own, longer one). */
  protected readonly missingAfter = computed(() => {
    const view = this.view();
    return view ? snapshotAge(view.intervalMs * view.graceFactor) : null;
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    if (this.loading()) return;
    this.loading.set(true);
    this.error.set(null);
    this.api
      .rollup(this.access.centreCode())
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (view) => this.view.set(view),
        error: (error: unknown) => this.error.set(describeHttpError(error).message),
      });
  }
}
