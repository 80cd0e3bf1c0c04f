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
import { Permission, type SupervisionNoticeStatus, type SupervisionNoticeView } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { SupervisionApi } from '@zhengwu/web/workbench/data-access';
import { finalize } from 'rxjs';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { staffAccess } from '../shared/staff-access';
import { KNOWN_RULES } from './alert-table.component';
import { SupervisionNavComponent } from './supervision-nav.component';

const NOTICE_PAGE = 50;
const RESPONSE_MIN = 2;
const TEXT_MAX = 2000;

/**
 * 督办 notices: raised with every red alert, addressed to the responsible department, which answers
 * (staff who handle steps); a supervisor reads the answer and closes the notice, with a comment.
 * The same page serves both: `/supervision/notices` for supervisors, `/notices` for the departments.
 */
@Component({
  selector: 'wb-supervision-notices-page',
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
  templateUrl: './supervision-notices.page.html',
  styles: `
    .wb-notice {
      margin: 0 0 16px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .wb-notice-answer {
      white-space: pre-wrap;
    }
    .wb-grow {
      flex: 1 1 320px;
    }
    .wb-notice textarea {
      min-height: 64px;
    }
  `,
})
export class SupervisionNoticesPage {
  private readonly api = inject(SupervisionApi);
  protected readonly access = staffAccess();
  protected readonly canRespond = this.access.can(Permission.StepHandle);
  /** Supervisors read the supervision list and close; the departments (step handlers) read theirs and answer. */
  protected readonly canClose = this.access.can(Permission.Supervise);
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly textMax = TEXT_MAX;
  protected readonly responseMin = RESPONSE_MIN;
  protected readonly pageSize = NOTICE_PAGE;

  protected readonly status = signal<SupervisionNoticeStatus | ''>('');
  protected readonly notices = signal<SupervisionNoticeView[] | null>(null);
  protected readonly total = signal(0);
  protected readonly pageOffset = signal(0);
  protected readonly loading = signal(false);
  protected readonly listError = signal<Translatable | null>(null);

  /** Drafts per notice id, the notice being saved, and the last failure per notice. */
  protected readonly responses = signal<Partial<Record<string, string>>>({});
  protected readonly comments = signal<Partial<Record<string, string>>>({});
  protected readonly saving = signal<string | null>(null);
  protected readonly actionErrors = signal<Partial<Record<string, Translatable>>>({});
  protected readonly done = signal<Record<string, 'responded' | 'closed'>>({});

  constructor() {
    this.load(0);
  }

  protected load(offset: number): void {
    this.loading.set(true);
    this.listError.set(null);
    const query = { status: this.status() || undefined, limit: NOTICE_PAGE, offset };
    const centre = this.access.centreCode();
    (this.canClose ? this.api.notices(centre, query) : this.api.departmentNotices(centre, query))
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (page) => {
          this.notices.set(page.items);
          this.total.set(page.total);
          this.pageOffset.set(offset);
        },
        error: (error: unknown) => this.listError.set(describeHttpError(error).message),
      });
  }

  protected ruleLabel(ruleId: string): string {
    return KNOWN_RULES.has(ruleId) ? `supervision.rule.${ruleId}` : ruleId;
  }

  protected setResponse(id: string, text: string): void {
    this.responses.update((all) => ({ ...all, [id]: text }));
  }

  protected setComment(id: string, text: string): void {
    this.comments.update((all) => ({ ...all, [id]: text }));
  }

  protected respond(notice: SupervisionNoticeView): void {
    const text = (this.responses()[notice.id] ?? '').trim();
    if (text.length < RESPONSE_MIN) {
      this.fail(notice.id, { key: 'supervision.notices.responseTooShort', params: { min: RESPONSE_MIN } });
      return;
    }
    this.act(notice.id, 'responded', this.api.respondToNotice(this.access.centreCode(), notice.id, { response: text }));
  }

  protected close(notice: SupervisionNoticeView): void {
    const comment = (this.comments()[notice.id] ?? '').trim();
    this.act(notice.id, 'closed', this.api.closeNotice(this.access.centreCode(), notice.id, comment ? { comment } : {}));
  }

  private act(id: string, outcome: 'responded' | 'closed', request: ReturnType<SupervisionApi['closeNotice']>): void {
    if (this.saving()) return;
    this.saving.set(id);
    this.fail(id, null);
    request.pipe(finalize(() => this.saving.set(null))).subscribe({
      next: (updated) => {
        this.notices.update((list) => list?.map((n) => (n.id === updated.id ? updated : n)) ?? null);
        this.done.update((all) => ({ ...all, [id]: outcome }));
        this.responses.update((all) => ({ ...all, [id]: '' }));
      },
      error: (error: unknown) => this.fail(id, describeHttpError(error).message),
    });
  }

  private fail(id: string, message: Translatable | null): void {
    this.actionErrors.update((all) => {
      const next = { ...all };
      if (message) next[id] = message;
      else delete next[id];
      return next;
    });
  }
}
