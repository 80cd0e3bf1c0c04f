import { DatePipe } from '@angular/common';
import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApplicationStatus, STATUS_LABELS } from '@zhengwu/approval/domain';
import type { CounterIntakeView, ItemGuide, MaterialCheckResult, MaterialView } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { CatalogueApi, CounterIntakesApi } from '@zhengwu/web/workbench/data-access';
import { catchError, finalize, of } from 'rxjs';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { FileViewerComponent, ViewedFile } from '../shared/file-viewer.component';
import { LabelPipe } from '../shared/label.pipe';
import { staffAccess } from '../shared/staff-access';

/** What the server takes as a scan (its magic-byte check decides; this only spares a failed upload). */
export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'];
export const SCAN_MAX_BYTES = 20 * 1024 * 1024;
const NOTE_MAX = 1000;

/** Per material: the clerk's originals result and note while drafting. */
interface CheckDraft {
  result: MaterialCheckResult | null;
  note: string;
}

/** Whether a forward can go: every scanned material has a result, a mismatch says why, the ID was checked. */
export function forwardProblems(
  materials: ReadonlyArray<{ code: string }>,
  checks: Readonly<Record<string, CheckDraft>>,
  originalsRequired: boolean,
  identityChecked: boolean,
): Array<'no_scans' | 'identity' | { code: string; problem: 'result_required' | 'note_required' }> {
  const problems: Array<'no_scans' | 'identity' | { code: string; problem: 'result_required' | 'note_required' }> = [];
  if (materials.length === 0) problems.push('no_scans');
  if (!identityChecked) problems.push('identity');
  if (originalsRequired) {
    for (const material of materials) {
      const check = checks[material.code];
      if (!check?.result) problems.push({ code: material.code, problem: 'result_required' });
      else if (check.result === 'mismatch' && !check.note.trim()) problems.push({ code: material.code, problem: 'note_required' });
    }
  }
  return problems;
}

/**
 * One counter intake: while drafting, a scan per material of the item's guide (with upload
 * progress), the originals compared on the spot, the ID check, and forwarding to the item's
 * centre; once forwarded, the status and result that centre reports back to this counter. When
 * that centre returns the case with a one-time notice, the same scans and checks send the
 * corrections up (代收补正).
 */
@Component({
  selector: 'wb-counter-intake-page',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslocoPipe,
    TranslatableTextPipe,
    FormErrorComponent,
    FileViewerComponent,
    LabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './counter-intake.page.html',
})
export class CounterIntakePage {
  readonly intakeId = input.required<string>();

  private readonly api = inject(CounterIntakesApi);
  private readonly catalogue = inject(CatalogueApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly access = staffAccess();
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly results: readonly MaterialCheckResult[] = ['match', 'mismatch', 'not_presented'];
  protected readonly noteMax = NOTE_MAX;
  protected readonly accept = SCAN_TYPES.join(',');

  protected readonly intake = signal<CounterIntakeView | null>(null);
  protected readonly guide = signal<ItemGuide | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly guideError = signal<Translatable | null>(null);
  protected readonly actionError = signal<Translatable | null>(null);
  protected readonly announcement = signal<Translatable | null>(null);
  /** Upload progress (0–100) and refusal per material code. */
  protected readonly uploads = signal<Record<string, number>>({});
  protected readonly uploadErrors = signal<Record<string, Translatable>>({});
  protected readonly checks = signal<Record<string, CheckDraft>>({});
  protected readonly identityChecked = signal(false);
  protected readonly problems = signal<ReturnType<typeof forwardProblems>>([]);
  protected readonly forwarding = signal(false);
  protected readonly viewing = signal<string | null>(null);

  protected readonly scanned = computed(() => new Map((this.intake()?.materials ?? []).map((m) => [m.code, m])));
  protected readonly guideMaterials = computed<readonly MaterialView[]>(() => this.guide()?.materials ?? []);
  protected readonly originalsRequired = computed(() => this.guide()?.originalsCheckRequired ?? true);
  protected readonly viewedScan = computed<ViewedFile | null>(() => {
    const intake = this.intake();
    const material = this.viewing() ? this.scanned().get(this.viewing() ?? '') : undefined;
    if (!intake || !material) return null;
    return {
      key: `${intake.id}/${material.code}/${material.version}`,
      fileName: material.fileName,
      mediaType: material.mediaType,
      load: () => this.api.scanFile(this.access.centreCode(), intake.id, material.code, material.version),
    };
  });

  constructor() {
    effect(() => this.load(this.intakeId()));
  }

  protected load(id: string): void {
    this.loading.set(true);
    this.error.set(null);
    this.api
      .view(this.access.centreCode(), id)
      .pipe(finalize(() => this.loading.set(false)), takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (intake) => {
          this.intake.set(intake);
          if (this.guide()?.id !== intake.itemId) this.loadGuide(intake);
        },
        error: (error: unknown) => this.error.set(describeHttpError(error).message),
      });
  }

  /** The item's guide, from its own centre's catalogue: which materials to scan and how many originals. */
  private loadGuide(intake: CounterIntakeView): void {
    this.guideError.set(null);
    this.catalogue
      .guide(intake.itemCentre, intake.itemId)
      .pipe(
        catchError((error: unknown) => {
          this.guideError.set(describeHttpError(error).message);
          return of(null);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((guide) => this.guide.set(guide));
  }

  protected handlingLabel(code: number) {
    return STATUS_LABELS[code as ApplicationStatus] ?? null;
  }

  protected scan(material: MaterialView, input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    const intake = this.intake();
    if (!file || !intake) return;
    this.setUploadError(material.code, null);
    if (file.type && !SCAN_TYPES.includes(file.type)) {
      this.setUploadError(material.code, { key: 'counter.scanType' });
      return;
    }
    if (file.size > SCAN_MAX_BYTES) {
      this.setUploadError(material.code, { key: 'counter.scanSize' });
      return;
    }
    this.uploads.update((all) => ({ ...all, [material.code]: 0 }));
    this.api
      .scan(this.access.centreCode(), intake.id, material.code, file, { name: material.name, originalCount: material.originalCount, copyCount: material.copyCount })
      .pipe(
        finalize(() =>
          this.uploads.update((all) => {
            const rest = { ...all };
            delete rest[material.code];
            return rest;
          }),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress && event.total) {
            this.uploads.update((all) => ({ ...all, [material.code]: Math.round((100 * event.loaded) / (event.total ?? 1)) }));
          } else if (event.type === HttpEventType.Response && event.body) {
            this.intake.set(event.body);
            this.viewing.set(material.code);
          }
        },
        error: (error: unknown) => this.setUploadError(material.code, describeHttpError(error).message),
      });
  }

  protected checkOf(code: string): CheckDraft {
    return this.checks()[code] ?? { result: null, note: '' };
  }

  protected updateCheck(code: string, change: Partial<CheckDraft>): void {
    this.checks.update((all) => ({ ...all, [code]: { ...this.checkOf(code), ...change } }));
  }

  protected problemOf(code: string): 'result_required' | 'note_required' | null {
    for (const problem of this.problems()) if (typeof problem === 'object' && problem.code === code) return problem.problem;
    return null;
  }

  protected hasProblem(problem: 'no_scans' | 'identity'): boolean {
    return this.problems().includes(problem);
  }

  protected forward(): void {
    const intake = this.intake();
    if (!intake || this.forwarding()) return;
    this.actionError.set(null);
    const problems = forwardProblems(intake.materials, this.checks(), this.originalsRequired(), this.identityChecked());
    this.problems.set(problems);
    if (problems.length > 0) {
      this.actionError.set({ key: 'errors.formInvalid' });
      return;
    }
    const originals = this.originalsRequired()
      ? intake.materials.map((material) => {
          const check = this.checkOf(material.code);
          const note = check.note.trim();
          return { code: material.code, version: material.version, result: check.result ?? 'not_presented', ...(note ? { note } : {}) };
        })
      : undefined;
    this.forwarding.set(true);
    const request = { identityChecked: true, ...(originals ? { originals } : {}) };
    // Returned with a one-time notice: the same checks, and the corrections go up (代收补正).
    const correcting = intake.awaitingCorrection;
    const centre = this.access.centreCode();
    (correcting ? this.api.supplement(centre, intake.id, request) : this.api.forward(centre, intake.id, request))
      .pipe(finalize(() => this.forwarding.set(false)), takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (forwarded) => {
          this.intake.set(forwarded);
          this.checks.set({});
          this.identityChecked.set(false);
          this.announcement.set({ key: correcting ? 'counter.supplemented' : 'counter.forwarded' });
        },
        error: (error: unknown) => this.actionError.set(describeHttpError(error).message),
      });
  }

  private setUploadError(code: string, message: Translatable | null): void {
    this.uploadErrors.update((all) => {
      const rest = { ...all };
      if (message) rest[code] = message;
      else delete rest[code];
      return rest;
    });
  }
}
