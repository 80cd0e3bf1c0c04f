import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DomSanitizer, SafeUrl } from '@angular/platform-browser';
import { TranslocoPipe } from '@jsverse/transloco';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { catchError, EMPTY, Observable, switchMap, tap } from 'rxjs';

/** What to show: a loader of the file's bytes and how to present them. */
export interface ViewedFile {
  /** Changes identity when another file is meant (used to reload). */
  key: string;
  fileName: string;
  mediaType: string;
  load: () => Observable<Blob>;
}

/**
 * Shows an uploaded file in the page: images inline; PDFs (and OFD) can be opened in a new tab or
 * saved, because the platform's Content Security Policy (`frame-src`/`object-src`) forbids
 * embedding them. The bytes are fetched with the bearer token and shown from a `blob:` URL, which
 * is revoked when the file changes or the viewer goes away.
 */
@Component({
  selector: 'wb-file-viewer',
  imports: [MatButtonModule, MatProgressBarModule, TranslocoPipe, FormErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (file(); as f) {
      <figure class="wb-viewer" [attr.aria-busy]="loading()">
        <figcaption class="wb-viewer-caption">{{ f.fileName }}</figcaption>
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'viewer.loading' | transloco" />
        }
        <zw-form-error [message]="error()" />
        @if (url()) {
          @if (isImage()) {
            <img class="wb-viewer-image" [src]="safeUrl()" [alt]="'viewer.imageAlt' | transloco: { name: f.fileName }" />
          } @else {
            <p class="wb-viewer-note">{{ 'viewer.notEmbeddable' | transloco }}</p>
          }
          <p class="wb-viewer-actions">
            <a mat-stroked-button [href]="safeUrl()" target="_blank" rel="noopener">{{ 'viewer.openInTab' | transloco }}</a>
            <a mat-button [href]="safeUrl()" [attr.download]="f.fileName">{{ 'viewer.download' | transloco }}</a>
          </p>
        }
      </figure>
    } @else {
      <p class="wb-viewer-note">{{ 'viewer.nothing' | transloco }}</p>
    }
  `,
  styles: `
    .wb-viewer {
      margin: 0;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface);
    }
    .wb-viewer-caption {
      font: var(--mat-sys-title-small);
      margin-bottom: 8px;
      word-break: break-all;
    }
    .wb-viewer-image {
      display: block;
      max-width: 100%;
      max-height: 70vh;
      object-fit: contain;
      background: var(--mat-sys-surface-container);
    }
    .wb-viewer-note {
      color: var(--mat-sys-on-surface-variant);
    }
    .wb-viewer-actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
})
export class FileViewerComponent {
  readonly file = input<ViewedFile | null>(null);

  private readonly sanitizer = inject(DomSanitizer);
  protected readonly url = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly isImage = computed(() => this.file()?.mediaType.startsWith('image/') ?? false);
  protected readonly safeUrl = computed<SafeUrl | null>(() => {
    const url = this.url();
    // A blob: URL we created ourselves from bytes the API served for this file.
    return url ? this.sanitizer.bypassSecurityTrustUrl(url) : null;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.revoke());
    toObservable(this.file)
      .pipe(
        tap(() => {
          this.revoke();
          this.error.set(null);
        }),
        switchMap((file) => {
          if (!file) return EMPTY;
          this.loading.set(true);
          return file.load().pipe(
            catchError((error: unknown) => {
              this.loading.set(false);
              this.error.set(describeHttpError(error).message);
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((blob) => {
        this.loading.set(false);
        const type = this.file()?.mediaType ?? blob.type;
        this.url.set(URL.createObjectURL(blob.type === type ? blob : new Blob([blob], { type })));
      });
  }

  private revoke(): void {
    const url = this.url();
    if (url) URL.revokeObjectURL(url);
    this.url.set(null);
  }
}
