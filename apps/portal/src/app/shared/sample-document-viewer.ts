import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';
import { TranslocoPipe } from '@jsverse/transloco';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';

export interface SampleDocumentRef {
  /** `/api/v1/centres/:c/sample-documents/:id` (public). */
  url: string;
  /** What the document shows, for the dialog title (e.g. the material's name). */
  title: string;
  fileName?: string;
  /** Known from the item guide; learnt from the response when opened from an application. */
  mediaType?: string;
}

/** Only our own public sample-document paths are ever put into an iframe. */
const SAMPLE_PATH = /^\/api\/v1\/centres\/\d{6}\/sample-documents\/[A-Za-z0-9-]+$/;

type Shown = { kind: 'pdf'; url: SafeResourceUrl } | { kind: 'image'; url: string } | { kind: 'other' };

/**
 * A sample document (示范文本) in the page: a PDF in an iframe, an image inline, and always a
 * download link and a link to open it in a new tab.
 */
@Component({
  selector: 'portal-sample-document-viewer',
  imports: [MatDialogModule, MatButtonModule, MatProgressBarModule, TranslocoPipe, FormErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'sample.viewerTitle' | transloco: { title: data.title } }}</h2>
    <mat-dialog-content class="portal-sample-content">
      @if (error(); as message) {
        <zw-form-error [message]="message" />
      } @else {
        @switch (shown()?.kind) {
          @case ('pdf') {
            <iframe class="portal-sample-frame" [src]="pdfUrl()" [title]="'sample.frameTitle' | transloco: { title: data.title }"></iframe>
          }
          @case ('image') {
            <img class="portal-sample-image" [src]="imageUrl()" [alt]="'sample.imageAlt' | transloco: { title: data.title }" />
          }
          @case ('other') {
            <p>{{ 'sample.noPreview' | transloco }}</p>
          }
          @default {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
          }
        }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <a mat-button [href]="data.url" target="_blank" rel="noopener">{{ 'sample.openNewTab' | transloco }}</a>
      <a mat-stroked-button [href]="data.url" [attr.download]="data.fileName ?? ''">{{ 'common.download' | transloco }}</a>
      <button mat-flat-button type="button" mat-dialog-close>{{ 'common.close' | transloco }}</button>
    </mat-dialog-actions>
  `,
})
export class SampleDocumentViewerComponent {
  protected readonly data = inject<SampleDocumentRef>(MAT_DIALOG_DATA);
  private readonly sanitizer = inject(DomSanitizer);
  protected readonly shown = signal<Shown | null>(null);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly pdfUrl = computed(() => {
    const shown = this.shown();
    return shown?.kind === 'pdf' ? shown.url : null;
  });
  protected readonly imageUrl = computed(() => {
    const shown = this.shown();
    return shown?.kind === 'image' ? shown.url : '';
  });

  constructor() {
    if (!SAMPLE_PATH.test(this.data.url)) {
      this.shown.set({ kind: 'other' });
      return;
    }
    if (this.data.mediaType) {
      this.show(this.data.mediaType);
      return;
    }
    // Opened from an application, where only the id is known: ask what it is.
    inject(HttpClient)
      .head(this.data.url, { observe: 'response' })
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe({
        next: (response) => this.show(response.headers.get('content-type') ?? ''),
        error: (error: unknown) => this.error.set(describeHttpError(error).message),
      });
  }

  private show(mediaType: string): void {
    if (mediaType.startsWith('application/pdf')) {
      // Safe: SAMPLE_PATH admits only our own same-origin sample-document paths.
      this.shown.set({ kind: 'pdf', url: this.sanitizer.bypassSecurityTrustResourceUrl(this.data.url) });
    } else if (mediaType.startsWith('image/')) {
      this.shown.set({ kind: 'image', url: this.data.url });
    } else {
      this.shown.set({ kind: 'other' });
    }
  }
}

@Injectable({ providedIn: 'root' })
export class SampleDocumentViewer {
  private readonly dialog = inject(MatDialog);

  open(document: SampleDocumentRef): void {
    this.dialog.open(SampleDocumentViewerComponent, {
      data: document,
      width: '960px',
      maxWidth: '96vw',
      autoFocus: 'first-heading',
      restoreFocus: true,
    });
  }
}
