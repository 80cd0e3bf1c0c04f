import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ItemGuide, MaterialView } from '@zhengwu/shared/contracts';
import { CatalogueApi, centreChain } from '@zhengwu/web/approval/data-access';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { LocalDatePipe, Translatable, UiLanguageService } from '@zhengwu/web/shared/i18n';
import { FileSizePipe, FormErrorComponent } from '@zhengwu/web/shared/ui';
import { catchError, combineLatest, of, switchMap, tap } from 'rxjs';
import { CodeLabelPipe, ReferenceData } from '../shared/directory';
import { SampleDocumentViewer } from '../shared/sample-document-viewer';

/** ¥ with two decimals from fen, in the active language's notation. */
export function formatFee(amountFen: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(amountFen / 100);
}

/** 办事指南: everything an applicant must know before applying, and the way in. */
@Component({
  selector: 'portal-item-guide-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TranslocoPipe, FormErrorComponent, CodeLabelPipe, LocalDatePipe, FileSizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './item-guide.page.html',
})
export class ItemGuidePage {
  readonly centreCode = input.required<string>();
  readonly itemId = input.required<string>();

  private readonly catalogue = inject(CatalogueApi);
  private readonly samples = inject(SampleDocumentViewer);
  private readonly language = inject(UiLanguageService);
  private readonly reference = inject(ReferenceData);

  protected readonly guide = signal<ItemGuide | null>(null);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly loading = signal(true);
  protected readonly centre = computed(() => this.reference.centre(this.centreCode()));
  protected readonly ancestors = computed(() => centreChain(this.reference.centres(), this.centreCode()).slice(1).reverse());
  protected readonly fee = computed(() => {
    const guide = this.guide();
    return guide && guide.fee.amountFen > 0 ? formatFee(guide.fee.amountFen, this.language.current()) : null;
  });

  constructor() {
    combineLatest([toObservable(this.centreCode), toObservable(this.itemId)])
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap(([centreCode, itemId]) =>
          this.catalogue.guide(centreCode, itemId).pipe(
            catchError((error: unknown) => {
              this.error.set(describeHttpError(error).message);
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((guide) => {
        this.loading.set(false);
        this.guide.set(guide);
      });
  }

  protected viewSample(material: MaterialView): void {
    const sample = material.sampleDocument;
    if (!sample) return;
    this.samples.open({ url: sample.url, title: material.name, fileName: sample.fileName, mediaType: sample.mediaType });
  }
}
