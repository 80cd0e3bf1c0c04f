import { ChangeDetectionStrategy, Component, computed, inject, input, OnDestroy, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ApplicationMaterialView, ApplicationView, DefectView } from '@zhengwu/shared/contracts';
import {
  ApplicationsApi,
  CatalogueApi,
  checkMaterialFile,
  MATERIAL_FILE_ACCEPT,
  MATERIAL_MAX_BYTES,
  MaterialFileProblem,
} from '@zhengwu/web/approval/data-access';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { LocalDatePipe, Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { FileSizePipe, formatFileSize } from '@zhengwu/web/shared/ui';
import { Subscription } from 'rxjs';
import { SampleDocumentViewer } from './sample-document-viewer';

let nextId = 0;

export function uploadProblemMessage(problem: MaterialFileProblem): Translatable {
  switch (problem.kind) {
    case 'tooLarge':
      return { key: 'upload.problem.tooLarge', params: { max: formatFileSize(problem.maxBytes), size: formatFileSize(problem.sizeBytes) } };
    default:
      return { key: `upload.problem.${problem.kind}` };
  }
}

/**
 * One required (or optional) material of an application: what is uploaded, the one-time notice's
 * complaints about it, and a file picker that checks the file before sending it and shows the
 * upload's progress. A replacement becomes a new version on the server.
 */
@Component({
  selector: 'portal-material-upload',
  imports: [MatButtonModule, MatProgressBarModule, TranslocoPipe, TranslatableTextPipe, LocalDatePipe, FileSizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './material-upload.component.html',
})
export class MaterialUploadComponent implements OnDestroy {
  readonly centreCode = input.required<string>();
  readonly applicationId = input.required<string>();
  readonly material = input.required<ApplicationMaterialView>();
  /** Defects of the latest one-time notice on this material. */
  readonly defects = input<readonly DefectView[]>([]);
  readonly disabled = input(false);
  readonly uploaded = output<ApplicationView>();

  private readonly api = inject(ApplicationsApi);
  private readonly catalogue = inject(CatalogueApi);
  private readonly samples = inject(SampleDocumentViewer);
  private upload: Subscription | undefined;

  protected readonly id = `portal-material-${nextId++}`;
  protected readonly accept = MATERIAL_FILE_ACCEPT;
  protected readonly maxSize = formatFileSize(MATERIAL_MAX_BYTES);
  protected readonly phase = signal<'idle' | 'checking' | 'uploading'>('idle');
  protected readonly percent = signal<number | null>(null);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly announcement = signal<Translatable | null>(null);
  protected readonly busy = computed(() => this.phase() !== 'idle');
  protected readonly latest = computed(() => this.material().versions.at(-1) ?? null);

  protected async chosen(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    // Clear it so that choosing the same file again (after fixing it) fires `change` again.
    input.value = '';
    if (!file || this.busy()) return;
    this.error.set(null);
    this.announcement.set(null);
    this.phase.set('checking');
    const check = await checkMaterialFile(file);
    if (!check.ok && check.problem) {
      this.phase.set('idle');
      this.error.set(uploadProblemMessage(check.problem));
      return;
    }
    this.phase.set('uploading');
    this.percent.set(0);
    this.upload = this.api.uploadMaterial(this.centreCode(), this.applicationId(), this.material().code, file).subscribe({
      next: (event) => {
        if (event.kind === 'progress') {
          this.percent.set(event.percent);
        } else {
          this.phase.set('idle');
          this.announcement.set({ key: 'upload.done', params: { name: this.material().name, file: file.name } });
          this.uploaded.emit(event.view);
        }
      },
      error: (error: unknown) => {
        this.phase.set('idle');
        this.error.set(describeHttpError(error).message);
      },
    });
  }

  protected cancel(): void {
    this.upload?.unsubscribe();
    this.phase.set('idle');
    this.announcement.set({ key: 'upload.cancelled', params: { name: this.material().name } });
  }

  protected openSample(sampleDocumentId: string): void {
    this.samples.open({ url: this.catalogue.sampleDocumentUrl(this.centreCode(), sampleDocumentId), title: this.material().name });
  }

  ngOnDestroy(): void {
    this.upload?.unsubscribe();
  }
}
