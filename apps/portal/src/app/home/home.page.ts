import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CentreSummary } from '@zhengwu/shared/contracts';
import { AuthStore, buildCentreTree, CentreMatch, CentresApi, describeHttpError, searchCentres } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { debounceTime, map } from 'rxjs';
import { ItemSearchComponent } from './item-search.component';

const RESULT_LIMIT = 50;

@Component({
  selector: 'portal-home-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    FormErrorComponent,
    ItemSearchComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home.page.html',
  styleUrl: './home.page.scss',
})
export class HomePage {
  private readonly centresApi = inject(CentresApi);
  protected readonly store = inject(AuthStore);
  protected readonly resultLimit = RESULT_LIMIT;

  protected readonly centres = signal<readonly CentreSummary[] | null>(null);
  protected readonly loadError = signal<Translatable | null>(null);
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly query = toSignal(this.search.valueChanges.pipe(debounceTime(150), map((value) => value.trim())), {
    initialValue: '',
  });

  protected readonly tree = computed(() => buildCentreTree(this.centres() ?? []));
  private readonly allMatches = computed(() => searchCentres(this.centres() ?? [], this.query()));
  protected readonly matches = computed(() => this.allMatches().slice(0, RESULT_LIMIT));
  protected readonly truncated = computed(() => this.allMatches().length > RESULT_LIMIT);

  private readonly destroyRef = inject(DestroyRef);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadError.set(null);
    this.centresApi
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (centres) => this.centres.set(centres),
        error: (error: unknown) => this.loadError.set(describeHttpError(error).message),
      });
  }

  protected pathOf(match: CentreMatch): string {
    return match.ancestors.map((ancestor) => ancestor.name).join(' › ');
  }
}
