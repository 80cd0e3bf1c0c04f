import { DatePipe, DecimalPipe, NgTemplateOutlet, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, linkedSignal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RollupNodeView, RollupTotalsView, SupervisionRollupView } from '@zhengwu/shared/contracts';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';

type FigureFormat = 'count' | 'rate' | 'days';
type FigureGroup = 'openWork' | 'statistics' | 'catalogue';

export interface RollupFigure {
  group: FigureGroup;
  field: string;
  label: string;
  format: FigureFormat;
  /** Open work coloured like the board's counts when there is any. */
  tone?: 'yellow' | 'red';
}

/**
 * The columns of the tree: the board's open-work counts, then the main statistics indicators and
 * catalogue shares every snapshot carries. Labels are the board's and the statistics page's, so a
 * figure reads the same on every supervision page.
 */
export const ROLLUP_FIGURES: readonly RollupFigure[] = [
  { group: 'openWork', field: 'open', label: 'supervision.board.open', format: 'count' },
  { group: 'openWork', field: 'yellow', label: 'supervision.board.yellow', format: 'count', tone: 'yellow' },
  { group: 'openWork', field: 'red', label: 'supervision.board.red', format: 'count', tone: 'red' },
  { group: 'statistics', field: 'received', label: 'supervision.stats.col.received', format: 'count' },
  { group: 'statistics', field: 'completed', label: 'supervision.stats.col.completed', format: 'count' },
  { group: 'statistics', field: 'onTimeRate', label: 'supervision.stats.col.onTimeRate', format: 'rate' },
  { group: 'statistics', field: 'averageHandlingWorkingDays', label: 'supervision.stats.col.averageHandlingWorkingDays', format: 'days' },
  { group: 'statistics', field: 'immediateShare', label: 'supervision.stats.col.immediateShare', format: 'rate' },
  { group: 'statistics', field: 'ratingRate', label: 'supervision.stats.col.ratingRate', format: 'rate' },
  { group: 'statistics', field: 'satisfactionRate', label: 'supervision.stats.col.satisfactionRate', format: 'rate' },
  { group: 'statistics', field: 'badReviews', label: 'supervision.stats.col.badReviews', format: 'count' },
  { group: 'statistics', field: 'rectificationRate', label: 'supervision.stats.col.rectificationRate', format: 'rate' },
  { group: 'catalogue', field: 'items', label: 'supervision.stats.col.catalogue_items', format: 'count' },
  { group: 'catalogue', field: 'fullyOnlineShare', label: 'supervision.stats.col.catalogue_fullyOnlineShare', format: 'rate' },
];

/** A centre's own figure (null: it has never sent a snapshot, or the rate has nothing to divide by). */
export function ownFigure(node: RollupNodeView, figure: RollupFigure): number | null {
  const group = node[figure.group] as Record<string, number | null> | null;
  return group?.[figure.field] ?? null;
}

/** The figure summed over the centre and every centre beneath it (rates as the server recomputed them). */
export function subtreeFigure(totals: RollupTotalsView, figure: RollupFigure): number | null {
  return (totals[figure.group] as unknown as Record<string, number | null>)[figure.field] ?? null;
}

/** How old a snapshot is, in the largest whole unit that reads naturally (minutes, hours, days). */
export function snapshotAge(ageMs: number): Translatable {
  const minutes = Math.floor(ageMs / 60_000);
  if (minutes < 60) return { key: 'supervision.rollup.age.minutes', params: { n: Math.max(minutes, 1) } };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { key: 'supervision.rollup.age.hours', params: { n: hours } };
  return { key: 'supervision.rollup.age.days', params: { n: Math.floor(hours / 24) } };
}

export interface RollupRow {
  node: RollupNodeView;
  depth: number;
  isRoot: boolean;
  expanded: boolean;
  /** Centres flagged missing beneath this one (itself not counted). */
  missingBelow: number;
}

/** The rows on screen: the tree depth first, descending only into expanded centres. */
export function visibleRows(root: RollupNodeView, expanded: ReadonlySet<string>): RollupRow[] {
  const rows: RollupRow[] = [];
  const visit = (node: RollupNodeView, depth: number) => {
    const open = node.children.length > 0 && expanded.has(node.code);
    rows.push({ node, depth, isRoot: depth === 0, expanded: open, missingBelow: node.subtree.missing - (node.missing ? 1 : 0) });
    if (open) for (const child of node.children) visit(child, depth + 1);
  };
  visit(root, 0);
  return rows;
}

function codesWithChildren(node: RollupNodeView): string[] {
  return node.children.length ? [node.code, ...node.children.flatMap(codesWithChildren)] : [];
}

/**
 * The roll-up tree as a table: one row per centre, indented by depth, the centres that have
 * centres beneath them opened and closed with a disclosure button (Tab reaches it; Enter or Space
 * toggles it, Right opens and Left closes). Each figure shows the centre's own value and, for a
 * centre with centres beneath it, the sum over the whole subtree. Centres that stopped reporting
 * carry a 未上报 flag with how old their last snapshot is.
 */
@Component({
  selector: 'wb-rollup-tree',
  imports: [DatePipe, DecimalPipe, NgTemplateOutlet, PercentPipe, MatButtonModule, TranslocoPipe, TranslatableTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="wb-button-row">
      <button mat-button type="button" data-testid="expand-all" (click)="expandAll()">{{ 'supervision.rollup.expandAll' | transloco }}</button>
      <button mat-button type="button" data-testid="collapse-all" (click)="collapseAll()">{{ 'supervision.rollup.collapseAll' | transloco }}</button>
    </div>
    <div class="wb-rollup-scroll">
      <table class="wb-table" data-testid="rollup-tree" [attr.aria-labelledby]="labelledBy()">
        <thead>
          <tr>
            <th scope="col">{{ 'supervision.rollup.col.centre' | transloco }}</th>
            <th scope="col">{{ 'supervision.rollup.col.level' | transloco }}</th>
            <th scope="col">{{ 'supervision.rollup.col.report' | transloco }}</th>
            @for (figure of figures; track figure.group + figure.field) {
              <th scope="col" class="wb-figure">{{ figure.label | transloco }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.node.code) {
            <tr [attr.data-code]="row.node.code" [class.wb-rollup-missing]="row.node.missing">
              <th scope="row" class="wb-rollup-name" [style.padding-inline-start.rem]="0.5 + row.depth * 1.5">
                @if (row.node.children.length) {
                  <button
                    type="button"
                    class="wb-rollup-toggle"
                    [attr.aria-expanded]="row.expanded"
                    (click)="onClick(row.node.code)"
                    (keydown)="onKeydown($event, row)"
                    (keyup)="onKeyup()"
                  >
                    <span aria-hidden="true" class="wb-rollup-caret">{{ row.expanded ? '▾' : '▸' }}</span>{{ row.node.name }}
                  </button>
                } @else {
                  <span class="wb-rollup-leaf">{{ row.node.name }}</span>
                }
                <div class="wb-muted">{{ row.node.code }}</div>
              </th>
              <td>{{ 'supervision.rollup.level.' + row.node.level | transloco }}</td>
              <td data-testid="report">
                @if (row.node.missing) {
                  <strong class="wb-rollup-flag" data-testid="missing-flag">{{ 'supervision.rollup.missing' | transloco }}</strong>
                  <div class="wb-muted" data-testid="missing-age">
                    @if (row.node.ageMs !== null) {
                      {{ 'supervision.rollup.missingFor' | transloco: { age: (age(row.node.ageMs) | zwText) } }}
                    } @else {
                      {{ 'supervision.rollup.neverReported' | transloco }}
                    }
                  </div>
                } @else if (row.isRoot) {
                  {{ 'supervision.rollup.live' | transloco }}
                }
                @if (row.node.snapshotAt && !row.isRoot) {
                  <div data-testid="last-report">
                    {{ row.node.snapshotAt | date: instantFormat : offset }}
                    @if (!row.node.missing && row.node.ageMs !== null) {
                      <span class="wb-muted">{{ 'supervision.rollup.ago' | transloco: { age: (age(row.node.ageMs) | zwText) } }}</span>
                    }
                  </div>
                }
                @if (row.node.children.length) {
                  <div class="wb-muted" data-testid="subtree-centres">{{ 'supervision.rollup.centres' | transloco: { count: row.node.subtree.centres } }}</div>
                }
                @if (row.missingBelow > 0) {
                  <div class="wb-rollup-flag-below" data-testid="missing-below">{{ 'supervision.rollup.missingBelow' | transloco: { count: row.missingBelow } }}</div>
                }
              </td>
              @for (figure of figures; track figure.group + figure.field) {
                @let own = ownFigure(row.node, figure);
                @let sum = subtreeFigure(row.node.subtree, figure);
                <td
                  class="wb-figure"
                  [attr.data-field]="figure.group + '.' + figure.field"
                  [class.wb-tone-yellow]="tone(figure, sum) === 'yellow'"
                  [class.wb-tone-red]="tone(figure, sum) === 'red'"
                >
                  <span data-testid="own"><ng-container *ngTemplateOutlet="value; context: { $implicit: own, format: figure.format }" /></span>
                  @if (row.node.children.length) {
                    <div class="wb-muted" data-testid="sum">
                      {{ 'supervision.rollup.sum' | transloco }}
                      <ng-container *ngTemplateOutlet="value; context: { $implicit: sum, format: figure.format }" />
                    </div>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>

    <ng-template #value let-value let-format="format">
      @if (value === null) {
        —
      } @else {
        @switch (format) {
          @case ('rate') {
            {{ value | percent: '1.0-1' }}
          }
          @case ('days') {
            {{ value | number: '1.0-2' }}
          }
          @default {
            {{ value | number }}
          }
        }
      }
    </ng-template>
  `,
  styles: `
    .wb-rollup-scroll {
      overflow-x: auto;
    }
    .wb-figure {
      text-align: end !important;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .wb-rollup-name {
      min-width: 12rem;
    }
    .wb-rollup-toggle {
      display: inline-flex;
      gap: 4px;
      padding: 2px 4px;
      border: 0;
      background: none;
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
    .wb-rollup-toggle:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .wb-rollup-leaf {
      padding-inline-start: 1.5em;
    }
    .wb-rollup-caret {
      width: 1em;
    }
    tr.wb-rollup-missing {
      background: var(--mat-sys-surface-container);
    }
    .wb-rollup-flag,
    .wb-rollup-flag-below {
      color: var(--mat-sys-error);
    }
    .wb-tone-yellow {
      background: #fff8d6;
    }
    .wb-tone-red {
      background: #ffe9e6;
    }
  `,
})
export class RollupTreeComponent {
  readonly view = input.required<SupervisionRollupView>();
  readonly labelledBy = input<string | null>(null);

  protected readonly figures = ROLLUP_FIGURES;
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly ownFigure = ownFigure;
  protected readonly subtreeFigure = subtreeFigure;
  protected readonly age = snapshotAge;

  /**
   * Which centres are open: at first the root (a city sees its counties, the province its cities);
   * a reload keeps what the supervisor opened.
   */
  readonly expanded = linkedSignal<SupervisionRollupView, ReadonlySet<string>>({
    source: this.view,
    computation: (view, previous) => previous?.value ?? new Set([view.root.code]),
  });
  protected readonly rows = computed(() => visibleRows(this.view().root, this.expanded()));

  /** The code toggled by the last Enter/Space, so the click the browser may still derive from that key does not undo it. */
  private keyToggled: string | null = null;

  protected toggle(code: string): void {
    this.setExpanded(code, !this.expanded().has(code));
  }

  protected expandAll(): void {
    this.expanded.set(new Set(codesWithChildren(this.view().root)));
  }

  protected collapseAll(): void {
    this.expanded.set(new Set());
  }

  protected onClick(code: string): void {
    if (this.keyToggled === code) {
      this.keyToggled = null;
      return;
    }
    this.toggle(code);
  }

  /*
   * Enter and Space are handled here rather than left to the button's own click: browsers differ on
   * whether a cancelled Space still clicks on keyup, and a held key would otherwise flicker.
   */
  protected onKeydown(event: KeyboardEvent, row: RollupRow): void {
    const code = row.node.code;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (event.repeat) return;
      this.keyToggled = code;
      this.toggle(code);
    } else if (event.key === 'ArrowRight' && !row.expanded) {
      event.preventDefault();
      this.setExpanded(code, true);
    } else if (event.key === 'ArrowLeft' && row.expanded) {
      event.preventDefault();
      this.setExpanded(code, false);
    }
  }

  /** A click derived from the key comes, if at all, right after keyup; later clicks are the pointer's. */
  protected onKeyup(): void {
    if (this.keyToggled !== null) setTimeout(() => (this.keyToggled = null));
  }

  /** The colour of an open-work cell: yellow or red when the subtree has any such case. */
  protected tone(figure: RollupFigure, sum: number | null): 'yellow' | 'red' | null {
    return figure.tone && sum !== null && sum > 0 ? figure.tone : null;
  }

  private setExpanded(code: string, open: boolean): void {
    const next = new Set(this.expanded());
    if (open) next.add(code);
    else next.delete(code);
    this.expanded.set(next);
  }
}
