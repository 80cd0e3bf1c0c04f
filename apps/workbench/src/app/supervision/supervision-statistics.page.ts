import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { STAT_DIMENSIONS, type StatDimension, type StatisticsView } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { SupervisionApi } from '@zhengwu/web/workbench/data-access';
import { finalize } from 'rxjs';
import { staffAccess } from '../shared/staff-access';
import { chinaToday, PERIOD_PRESETS, type PeriodPreset, periodProblem, presetPeriod } from './statistics-period';
import { SupervisionNavComponent } from './supervision-nav.component';

type ColumnFormat = 'count' | 'rate' | 'days';

/**
 * The indicators the workbench names, in order, shown when the rows carry them; any other figure
 * the API adds (top level, or in the nested `catalogue` figures) is shown too, under its field name.
 */
const KNOWN_COLUMNS: ReadonlyArray<{ field: string; format: ColumnFormat }> = [
  { field: 'received', format: 'count' },
  { field: 'accepted', format: 'count' },
  { field: 'completed', format: 'count' },
  { field: 'completedOnTime', format: 'count' },
  { field: 'onTimeRate', format: 'rate' },
  { field: 'overdueCompleted', format: 'count' },
  { field: 'averageHandlingWorkingDays', format: 'days' },
  { field: 'immediateReceived', format: 'count' },
  { field: 'immediateShare', format: 'rate' },
  { field: 'staffActions', format: 'count' },
  { field: 'ratings', format: 'count' },
  { field: 'caseRatings', format: 'count' },
  { field: 'ratingRate', format: 'rate' },
  { field: 'satisfiedRatings', format: 'count' },
  { field: 'satisfactionRate', format: 'rate' },
  { field: 'badReviews', format: 'count' },
  { field: 'badReviewsInvalid', format: 'count' },
  { field: 'badReviewsRectified', format: 'count' },
  { field: 'rectificationRate', format: 'rate' },
  { field: 'catalogue.items', format: 'count' },
  { field: 'catalogue.onlineApplicableShare', format: 'rate' },
  { field: 'catalogue.fullyOnlineShare', format: 'rate' },
  { field: 'catalogue.immediateItemShare', format: 'rate' },
  { field: 'catalogue.limitCompression', format: 'rate' },
];
/** Not figures, or sums kept only to derive a shown rate. */
const NOT_SHOWN = new Set([
  'dimension',
  'key',
  'label',
  'handlingWorkingDays',
  'catalogue.onlineApplicableItems',
  'catalogue.fullyOnlineItems',
  'catalogue.immediateItems',
  'catalogue.limitComparableItems',
  'catalogue.limitCompressionSum',
]);

export interface StatColumn {
  /** A field of the row, or `group.field` for a nested figure. */
  field: string;
  /** A translation key, or null for a figure the workbench has no name for yet. */
  labelKey: string | null;
  format: ColumnFormat;
}

/** The numeric (or null) figures of a row, nested groups flattened to `group.field`. */
function figuresOf(row: object): Map<string, number | null> {
  const figures = new Map<string, number | null>();
  for (const [field, value] of Object.entries(row)) {
    if (typeof value === 'number' || value === null) figures.set(field, value);
    else if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value as object)) {
        if (typeof innerValue === 'number' || innerValue === null) figures.set(`${field}.${inner}`, innerValue);
      }
    }
  }
  return figures;
}

/** A figure of a row by its column field (`group.field` for a nested one); null when absent. */
export function figureOf(row: object, field: string): number | null {
  return figuresOf(row).get(field) ?? null;
}

/** Columns for the rows: the known indicators the rows carry, then any other figure the server sends. */
export function statColumns(rows: ReadonlyArray<object>): StatColumn[] {
  const present = new Set<string>();
  for (const row of rows) for (const field of figuresOf(row).keys()) present.add(field);
  const known = new Set(KNOWN_COLUMNS.map((column) => column.field));
  const columns: StatColumn[] = KNOWN_COLUMNS.filter(({ field }) => present.has(field)).map(({ field, format }) => ({
    field,
    labelKey: `supervision.stats.col.${field.replace('.', '_')}`,
    format,
  }));
  for (const field of [...present].filter((f) => !known.has(f) && !NOT_SHOWN.has(f)).sort()) {
    columns.push({ field, labelKey: null, format: /(Rate|Share|Ratio|Compression)$/.test(field) ? 'rate' : 'count' });
  }
  return columns;
}

/** Statistics of the centre for a period, per centre, department, item or staff member. */
@Component({
  selector: 'wb-supervision-statistics-page',
  imports: [
    DecimalPipe,
    PercentPipe,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    FormErrorComponent,
    SupervisionNavComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './supervision-statistics.page.html',
  styles: `
    .wb-stats-scroll {
      overflow-x: auto;
    }
    .wb-stats-scroll td.wb-figure,
    .wb-stats-scroll th.wb-figure {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class SupervisionStatisticsPage {
  private readonly api = inject(SupervisionApi);
  private readonly access = staffAccess();
  protected readonly dimensions = STAT_DIMENSIONS;
  protected readonly presets = PERIOD_PRESETS;

  protected readonly from = signal(presetPeriod('thisMonth', chinaToday()).from);
  protected readonly to = signal(chinaToday());
  protected readonly dimension = signal<StatDimension>('centre');
  protected readonly view = signal<StatisticsView | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly columns = computed(() => statColumns(this.view()?.rows ?? []));
  /** The whole centre's catalogue figures (whatever the dimension), when the server sends them. */
  protected readonly centreCatalogue = computed(() => {
    const view = this.view();
    return view ? statColumns([view]).filter((column) => column.field.startsWith('catalogue.')) : [];
  });

  constructor() {
    this.load();
  }

  protected usePreset(preset: PeriodPreset): void {
    const period = presetPeriod(preset, chinaToday());
    this.from.set(period.from);
    this.to.set(period.to);
    this.load();
  }

  protected load(): void {
    const period = { from: this.from(), to: this.to() };
    const problem = periodProblem(period);
    if (problem) {
      this.error.set({ key: problem });
      return;
    }
    this.loading.set(true);
    this.error.set(null);
    this.api
      .statistics(this.access.centreCode(), { ...period, dimension: this.dimension() })
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (view) => this.view.set(view),
        error: (error: unknown) => this.error.set(describeHttpError(error).message),
      });
  }

  protected figure(row: object, field: string): number | null {
    return figureOf(row, field);
  }
}
