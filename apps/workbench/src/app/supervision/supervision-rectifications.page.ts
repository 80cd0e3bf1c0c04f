import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RectificationAction, RectificationCaseView, RectificationStatus } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { SupervisionApi } from '@zhengwu/web/workbench/data-access';
import { finalize } from 'rxjs';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { staffAccess } from '../shared/staff-access';
import { SupervisionNavComponent } from './supervision-nav.component';

export type RectificationFilter = 'inHand' | 'finished' | 'all';
export const RECTIFICATION_FILTERS: Readonly<Record<RectificationFilter, readonly RectificationStatus[]>> = {
  inHand: ['open', 'valid', 'appealed', 'rectifying'],
  finished: ['invalid', 'done', 'cannot_fix'],
  all: [],
};
/** Actions that must carry a note (the server says so too: RECTIFICATION_NOTE_REQUIRED). */
const NOTE_OPTIONAL: ReadonlySet<RectificationAction> = new Set(['confirm_valid', 'start']);
const DEFAULT_EXTENSION_WORKING_DAYS = 5;
const MAX_EXTENSION_WORKING_DAYS = 30;
const NOTE_MAX = 2000;

interface Draft {
  action: RectificationAction | '';
  note: string;
  workingDays: number;
}

/**
 * 差评整改: the rectification cases bad ratings open, and their handling by the supervisors: the
 * review confirmed valid or appealed (the appeal upheld or rejected), rectification with one
 * extension, done or cannot be fixed, and the follow-up call to the applicant.
 */
@Component({
  selector: 'wb-supervision-rectifications-page',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
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
  templateUrl: './supervision-rectifications.page.html',
  styles: `
    .wb-rectification {
      margin: 0 0 16px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .wb-grow {
      flex: 1 1 320px;
    }
    .wb-pre {
      white-space: pre-wrap;
    }
  `,
})
export class SupervisionRectificationsPage {
  private readonly api = inject(SupervisionApi);
  private readonly access = staffAccess();
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly filters = Object.keys(RECTIFICATION_FILTERS) as RectificationFilter[];
  protected readonly noteMax = NOTE_MAX;
  protected readonly maxExtension = MAX_EXTENSION_WORKING_DAYS;

  protected readonly filter = signal<RectificationFilter>('inHand');
  protected readonly cases = signal<RectificationCaseView[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly drafts = signal<Partial<Record<string, Draft>>>({});
  protected readonly saving = signal<string | null>(null);
  protected readonly actionErrors = signal<Partial<Record<string, Translatable>>>({});
  protected readonly done = signal<Partial<Record<string, RectificationAction>>>({});

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api
      .rectificationCases(this.access.centreCode(), RECTIFICATION_FILTERS[this.filter()])
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (list) => this.cases.set(list),
        error: (error: unknown) => this.error.set(describeHttpError(error).message),
      });
  }

  protected draftOf(item: RectificationCaseView): Draft {
    return this.drafts()[item.id] ?? { action: item.actions[0] ?? '', note: '', workingDays: DEFAULT_EXTENSION_WORKING_DAYS };
  }

  protected update(item: RectificationCaseView, change: Partial<Draft>): void {
    this.drafts.update((all) => ({ ...all, [item.id]: { ...this.draftOf(item), ...change } }));
  }

  protected noteRequired(action: RectificationAction | ''): boolean {
    return action !== '' && !NOTE_OPTIONAL.has(action);
  }

  protected submit(item: RectificationCaseView): void {
    if (this.saving()) return;
    const draft = this.draftOf(item);
    if (!draft.action) return;
    const note = draft.note.trim();
    if (this.noteRequired(draft.action) && !note) {
      this.setError(item.id, { key: 'supervision.rectification.noteRequired' });
      return;
    }
    this.saving.set(item.id);
    this.setError(item.id, null);
    this.api
      .actOnRectification(this.access.centreCode(), item.id, {
        action: draft.action,
        ...(note ? { note } : {}),
        ...(draft.action === 'extend' ? { workingDays: draft.workingDays } : {}),
      })
      .pipe(finalize(() => this.saving.set(null)))
      .subscribe({
        next: (updated) => {
          this.cases.update((list) => list?.map((c) => (c.id === updated.id ? updated : c)) ?? null);
          this.done.update((all) => ({ ...all, [item.id]: draft.action || undefined }));
          this.drafts.update((all) => ({ ...all, [item.id]: undefined }));
        },
        error: (error: unknown) => this.setError(item.id, describeHttpError(error).message),
      });
  }

  private setError(id: string, message: Translatable | null): void {
    this.actionErrors.update((all) => ({ ...all, [id]: message ?? undefined }));
  }
}
