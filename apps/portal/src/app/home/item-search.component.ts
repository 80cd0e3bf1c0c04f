import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CentreSummary, ItemPage } from '@zhengwu/shared/contracts';
import { CatalogueApi, centreChain, homeDivisionOf } from '@zhengwu/web/approval/data-access';
import { AuthStore, describeHttpError, searchCentres } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { catchError, combineLatest, debounceTime, distinctUntilChanged, filter, forkJoin, map, Observable, of, startWith, switchMap } from 'rxjs';
import { ReferenceData } from '../shared/directory';
import { ItemSummaryComponent } from '../shared/item-summary.component';

/** Items shown per centre on the home page; the centre page lists the rest. */
export const HOME_RESULTS_PER_CENTRE = 5;

export interface CentreResults {
  centre: CentreSummary;
  page: ItemPage | null;
  error: Translatable | null;
}

function isCentre(value: unknown): value is CentreSummary {
  return value !== null && typeof value === 'object' && typeof (value as CentreSummary).code === 'string';
}

/**
 * 事项搜索 across centres: the chosen area's centre and every centre above it (county, city,
 * province each publish their own items), searched in parallel. The default area is the signed-in
 * applicant's home county, else the province.
 */
@Component({
  selector: 'portal-item-search',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    FormErrorComponent,
    ItemSummaryComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './item-search.component.html',
})
export class ItemSearchComponent {
  private readonly catalogue = inject(CatalogueApi);
  private readonly reference = inject(ReferenceData);
  private readonly store = inject(AuthStore);

  protected readonly perCentre = HOME_RESULTS_PER_CENTRE;
  protected readonly query = new FormControl('', { nonNullable: true });
  protected readonly area = new FormControl<CentreSummary | string>('', { nonNullable: true });
  private readonly typedArea = toSignal(this.area.valueChanges, { initialValue: this.area.value });
  protected readonly areaOptions = computed(() => {
    const typed = this.typedArea();
    return typeof typed === 'string' ? searchCentres(this.reference.centres(), typed, 20).map((match) => match.centre) : [];
  });
  protected readonly chain = signal<CentreSummary[]>([]);
  protected readonly results = signal<CentreResults[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly searched = signal('');
  protected readonly displayCentre = (value: CentreSummary | string | null): string => (isCentre(value) ? value.name : (value ?? ''));

  constructor() {
    // Pick the default area once the directory is there, unless the applicant already chose one.
    effect(() => {
      const centres = this.reference.centres();
      if (centres.length === 0 || isCentre(this.area.value)) return;
      const profile = this.store.applicantProfile();
      const home = profile ? homeDivisionOf(profile.identityNumberMasked, profile.kind) : null;
      const homeCentre = home ? centres.find((centre) => centre.code === home) : undefined;
      this.area.setValue(homeCentre ?? centres.find((centre) => centre.parentCode === null) ?? centres[0]);
    });

    const query$ = this.query.valueChanges.pipe(
      startWith(this.query.value),
      debounceTime(300),
      map((value) => value.trim().slice(0, 100)),
      distinctUntilChanged(),
    );
    const area$ = this.area.valueChanges.pipe(
      startWith(this.area.value),
      filter(isCentre),
      distinctUntilChanged((a, b) => a.code === b.code),
    );
    combineLatest([query$, area$])
      .pipe(
        switchMap(([query, area]) => {
          const chain = centreChain(this.reference.centres(), area.code);
          this.chain.set(chain);
          this.searched.set(query);
          if (!query) return of(null);
          this.loading.set(true);
          return this.searchChain(chain, query);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((results) => {
        this.loading.set(false);
        this.results.set(results);
      });
  }

  protected total(results: readonly CentreResults[]): number {
    return results.reduce((sum, result) => sum + (result.page?.total ?? 0), 0);
  }

  private searchChain(chain: readonly CentreSummary[], q: string): Observable<CentreResults[]> {
    if (chain.length === 0) return of([]);
    return forkJoin(
      chain.map((centre) =>
        this.catalogue.searchItems(centre.code, { q, pageSize: HOME_RESULTS_PER_CENTRE }).pipe(
          map((page): CentreResults => ({ centre, page, error: null })),
          catchError((error: unknown) => of<CentreResults>({ centre, page: null, error: describeHttpError(error).message })),
        ),
      ),
    );
  }
}
