import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import type { TimelineEntry } from '@zhengwu/shared/contracts';
import { LocalDatePipe } from '@zhengwu/web/shared/i18n';

/** Where a step stands, for its marker and its words (colour is never the only signal). */
export type StepState = 'done' | 'current' | 'ended';

export function stepState(entry: TimelineEntry): StepState {
  if (!entry.finishedAt) return 'current';
  return entry.outcome === 'withdrawn' || entry.outcome === 'terminated' ? 'ended' : 'done';
}

/**
 * 办理过程: every step the case went through, oldest first: its name and post, who handled it
 * (masked for the applicant: 李**), when it started, when it is due (a provisional date is marked:
 * the next year's official holidays are not published yet), when it finished and how. Finished
 * steps can be rated once.
 */
@Component({
  selector: 'portal-case-timeline',
  imports: [MatButtonModule, TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (entries().length === 0) {
      <p class="portal-muted portal-timeline-empty">{{ 'case.noSteps' | transloco }}</p>
    } @else {
      <ol class="portal-timeline">
        @for (entry of entries(); track entry.seq) {
          <li class="portal-timeline-step" [class]="'portal-timeline-' + entry.state" [attr.data-step-seq]="entry.step.seq">
            <div class="portal-timeline-head">
              <h3 class="portal-timeline-name">{{ entry.step.name }}</h3>
              <span class="portal-tag" [class.portal-tag-strong]="entry.state === 'current'">{{ 'case.stepState.' + entry.state | transloco }}</span>
              @if (entry.step.outcome) {
                <span class="portal-tag portal-timeline-outcome">{{ 'outcome.' + entry.step.outcome | transloco }}</span>
              }
            </div>
            <dl class="portal-facts portal-facts-compact">
              <dt>{{ 'case.post' | transloco }}</dt>
              <dd>{{ 'post.' + entry.step.post | transloco }}</dd>
              <dt>{{ 'case.handler' | transloco }}</dt>
              <dd class="portal-timeline-handler">{{ entry.step.handler ?? ('case.handlerUnassigned' | transloco) }}</dd>
              <dt>{{ 'case.started' | transloco }}</dt>
              <dd>{{ entry.step.startedAt | zwDate }}</dd>
              <dt>{{ 'case.due' | transloco }}</dt>
              <dd class="portal-timeline-due">
                @if (entry.step.due) {
                  {{ entry.step.due | zwDate: 'date' }}
                  @if (entry.step.dueProvisional) {
                    <span class="portal-provisional" [attr.title]="'case.provisionalExplained' | transloco">{{ 'case.provisional' | transloco }}</span>
                  }
                } @else {
                  {{ 'case.noDue' | transloco }}
                }
              </dd>
              <dt>{{ 'case.finished' | transloco }}</dt>
              <dd>{{ entry.step.finishedAt ? (entry.step.finishedAt | zwDate) : ('case.notFinished' | transloco) }}</dd>
              @if (entry.step.comment) {
                <dt>{{ 'case.comment' | transloco }}</dt>
                <dd class="portal-prose">{{ entry.step.comment }}</dd>
              }
            </dl>
            @if (entry.step.finishedAt) {
              @if (entry.step.rated) {
                <p class="portal-muted">{{ 'rating.stepRated' | transloco }}</p>
              } @else if (rateable()) {
                <button
                  mat-stroked-button
                  type="button"
                  (click)="rate.emit(entry.step)"
                  [attr.aria-label]="'rating.rateStepLabel' | transloco: { step: entry.step.name }"
                >
                  {{ 'rating.rateStep' | transloco }}
                </button>
              }
            }
          </li>
        }
      </ol>
    }
  `,
})
export class CaseTimelineComponent {
  readonly timeline = input.required<readonly TimelineEntry[]>();
  /** False where the page offers no rating (the public lookup). */
  readonly rateable = input(true);
  readonly rate = output<TimelineEntry>();

  protected readonly entries = computed(() =>
    [...this.timeline()].sort((a, b) => a.seq - b.seq).map((step) => ({ seq: step.seq, step, state: stepState(step) })),
  );
}
