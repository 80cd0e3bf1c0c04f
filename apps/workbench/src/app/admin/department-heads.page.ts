import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { DepartmentHeadsView, StaffProfile } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { LocalDatePipe, Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { StaffAccountsApi, SupervisionApi } from '@zhengwu/web/workbench/data-access';
import { finalize, forkJoin } from 'rxjs';
import { staffAccess } from '../shared/staff-access';

type Department = DepartmentHeadsView['departments'][number];

/** A person the admin may pick as a head: an active staff member of the centre. */
export interface HeadCandidate {
  staffId: string;
  name: string;
  username: string;
}

/**
 * Who may be picked: the centre's active staff, by name. A deactivated head is listed in the heads
 * column but not offered (the server refuses inactive staff as heads); saving the row drops them.
 */
export function headCandidates(staff: readonly StaffProfile[]): HeadCandidate[] {
  return staff
    .filter((person) => person.active)
    .map((person) => ({ staffId: person.id, name: person.name, username: person.username }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.staffId.localeCompare(b.staffId));
}

/** The department's heads who are still active: what the select starts from. */
export function activeHeadIds(department: Department): string[] {
  return department.heads.filter((head) => head.active).map((head) => head.staffId);
}

/** Whether two choices of heads are the same people, in whatever order. */
export function sameHeads(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/**
 * The centre admin's department heads (部门负责人): a head hears of the red alerts on the
 * department's work and answers the 督办 notices addressed to it; a department without a head has
 * its notices answered by any step handler.
 */
@Component({
  selector: 'wb-department-heads-page',
  imports: [MatButtonModule, MatFormFieldModule, MatProgressBarModule, MatSelectModule, TranslocoPipe, TranslatableTextPipe, LocalDatePipe, FormErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .wb-heads-select { min-width: 260px; }
    .wb-heads-row-actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  `,
  template: `
    <h1 class="zw-page-title" id="heads-heading">{{ 'departmentHeads.heading' | transloco }}</h1>
    <p>{{ 'departmentHeads.intro' | transloco }}</p>
    <zw-form-error [message]="loadError()" />
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.working' | transloco" />
    }
    @if (departments(); as list) {
      @if (list.length) {
        <table class="wb-table" aria-labelledby="heads-heading">
          <thead>
            <tr>
              <th scope="col">{{ 'departmentHeads.col.department' | transloco }}</th>
              <th scope="col">{{ 'departmentHeads.col.heads' | transloco }}</th>
              <th scope="col">{{ 'departmentHeads.col.change' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (department of list; track department.departmentId) {
              <tr [attr.data-department]="department.departmentId">
                <th scope="row">{{ department.departmentName }} <span class="wb-muted">({{ department.departmentCode }})</span></th>
                <td data-testid="department-heads">
                  @for (head of department.heads; track head.staffId; let last = $last) {
                    <span>{{ head.staffName }}</span>
                    <span class="cdk-visually-hidden">（{{ 'departmentHeads.since' | transloco }} {{ head.assignedAt | zwDate }}）</span>
                    @if (!head.active) {
                      <span class="wb-muted">（{{ 'staff.inactive' | transloco }}）</span>
                    }
                    {{ last ? '' : '、' }}
                  } @empty {
                    <span class="wb-muted">{{ 'departmentHeads.none' | transloco }}</span>
                  }
                </td>
                <td>
                  <div class="wb-heads-row-actions">
                    <mat-form-field appearance="outline" class="wb-heads-select" subscriptSizing="dynamic">
                      <mat-label>{{ 'departmentHeads.choose' | transloco }}</mat-label>
                      <mat-select
                        multiple
                        [value]="chosen()[department.departmentId]"
                        (valueChange)="choose(department, $event)"
                        [aria-label]="'departmentHeads.chooseFor' | transloco: { department: department.departmentName }"
                      >
                        @for (candidate of candidates(); track candidate.staffId) {
                          <mat-option [value]="candidate.staffId">
                            {{ candidate.name }} <span class="wb-muted">（{{ candidate.username }}）</span>
                          </mat-option>
                        }
                      </mat-select>
                    </mat-form-field>
                    <button
                      mat-flat-button
                      type="button"
                      [disabled]="busy() || !changed()[department.departmentId]"
                      (click)="save(department)"
                      [attr.aria-label]="'departmentHeads.saveFor' | transloco: { department: department.departmentName }"
                    >
                      {{ 'departmentHeads.save' | transloco }}
                    </button>
                    @if (drafts()[department.departmentId]) {
                      <button mat-button type="button" [disabled]="busy()" (click)="undo(department)">{{ 'common.cancel' | transloco }}</button>
                    }
                    @if (saved() === department.departmentId) {
                      <span role="status" class="wb-muted">{{ 'departmentHeads.saved' | transloco }}</span>
                    }
                  </div>
                  @if (rowError()?.departmentId === department.departmentId) {
                    <p class="wb-field-error" role="alert">{{ rowError()?.message | zwText }}</p>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p class="zw-notice">{{ 'departmentHeads.noDepartments' | transloco }}</p>
      }
    } @else if (!loadError()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
  `,
})
export class DepartmentHeadsPage {
  private readonly supervision = inject(SupervisionApi);
  private readonly staffAccounts = inject(StaffAccountsApi);
  private readonly access = staffAccess();

  protected readonly view = signal<DepartmentHeadsView | null>(null);
  protected readonly departments = computed(() => this.view()?.departments ?? null);
  private readonly staff = signal<StaffProfile[]>([]);
  /** The admin's unsaved choice per department. */
  protected readonly drafts = signal<Record<string, string[]>>({});
  protected readonly candidates = computed(() => headCandidates(this.staff()));
  /** Each department's selection: the draft, else its active heads (one array per change, for mat-select). */
  protected readonly chosen = computed(() =>
    Object.fromEntries((this.departments() ?? []).map((d) => [d.departmentId, this.drafts()[d.departmentId] ?? activeHeadIds(d)])),
  );
  /** Whether saving would change anything: a different choice, or a deactivated head to drop. */
  protected readonly changed = computed(() =>
    Object.fromEntries(
      (this.departments() ?? []).map((d) => [d.departmentId, !sameHeads(this.chosen()[d.departmentId] ?? [], activeHeadIds(d)) || d.heads.some((head) => !head.active)]),
    ),
  );
  protected readonly busy = signal(false);
  protected readonly saved = signal<string | null>(null);
  protected readonly loadError = signal<Translatable | null>(null);
  protected readonly rowError = signal<{ departmentId: string; message: Translatable } | null>(null);

  constructor() {
    const centre = this.access.centreCode();
    forkJoin({ heads: this.supervision.departmentHeads(centre), staff: this.staffAccounts.list(centre) }).subscribe({
      next: ({ heads, staff }) => {
        this.staff.set(staff);
        this.view.set(heads);
      },
      error: (error: unknown) => this.loadError.set(describeHttpError(error).message),
    });
  }

  protected choose(department: Department, staffIds: string[]): void {
    this.saved.set(null);
    this.drafts.update((drafts) => ({ ...drafts, [department.departmentId]: staffIds }));
  }

  protected undo(department: Department): void {
    this.drafts.update(({ [department.departmentId]: _dropped, ...rest }) => rest);
  }

  protected save(department: Department): void {
    const staffIds = this.chosen()[department.departmentId] ?? activeHeadIds(department);
    this.busy.set(true);
    this.rowError.set(null);
    this.saved.set(null);
    this.supervision
      .putDepartmentHeads(this.access.centreCode(), department.departmentId, { staffIds })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (view) => {
          this.view.set(view);
          this.undo(department);
          this.saved.set(department.departmentId);
        },
        error: (error: unknown) => this.rowError.set({ departmentId: department.departmentId, message: describeHttpError(error).message }),
      });
  }
}
