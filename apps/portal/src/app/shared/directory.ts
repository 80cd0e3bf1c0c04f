import { computed, inject, Injectable, Pipe, PipeTransform } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { CentreSummary } from '@zhengwu/shared/contracts';
import { CatalogueApi, CatalogueCodeTables } from '@zhengwu/web/approval/data-access';
import { CentresApi } from '@zhengwu/web/shared/auth';
import { UiLanguageService } from '@zhengwu/web/shared/i18n';
import { catchError, of } from 'rxjs';

/**
 * Reference data every page shows labels from: the centre directory and the GB/T 39046 code tables.
 * Each is fetched once (the APIs cache it); until it arrives (or if it fails) codes are shown as they are.
 */
@Injectable({ providedIn: 'root' })
export class ReferenceData {
  private readonly centresList = toSignal(inject(CentresApi).list().pipe(catchError(() => of(null))), { initialValue: null });
  private readonly tables = toSignal(inject(CatalogueApi).codeTables().pipe(catchError(() => of(null))), { initialValue: null });

  readonly centres = computed<readonly CentreSummary[]>(() => this.centresList() ?? []);
  readonly centresByCode = computed(() => new Map(this.centres().map((centre) => [centre.code, centre])));
  readonly codeTables = this.tables;

  centre(code: string | null | undefined): CentreSummary | undefined {
    return code ? this.centresByCode().get(code) : undefined;
  }
}

/** `{{ '510981' | portalCentreName }}` → 射洪市政务服务中心 (the code until the directory is loaded). */
@Pipe({ name: 'portalCentreName', pure: false })
export class CentreNamePipe implements PipeTransform {
  private readonly reference = inject(ReferenceData);

  transform(code: string | null | undefined): string {
    if (!code) return '';
    return this.reference.centre(code)?.name ?? code;
  }
}

/**
 * A GB/T 39046 code in the active language: `{{ item.itemType | portalCode: 'itemTypes' }}`.
 * The labels come from `GET /catalogue/code-tables` (server text in both languages).
 */
@Pipe({ name: 'portalCode', pure: false })
export class CodeLabelPipe implements PipeTransform {
  private readonly reference = inject(ReferenceData);
  private readonly language = inject(UiLanguageService);

  transform(code: string | number | null | undefined, table: keyof CatalogueCodeTables): string {
    if (code === null || code === undefined) return '';
    const entries = this.reference.codeTables()?.[table] as ReadonlyArray<{ code: string | number; zh: string; en: string }> | undefined;
    const entry = entries?.find((candidate) => candidate.code === code);
    if (!entry) return String(code);
    return this.language.current() === 'en' ? entry.en : entry.zh;
  }
}
