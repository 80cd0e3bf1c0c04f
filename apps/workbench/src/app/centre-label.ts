import { computed, inject, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { CentreSummary } from '@zhengwu/shared/contracts';
import { CentresApi } from '@zhengwu/web/shared/auth';
import { catchError, of } from 'rxjs';

/**
 * The centre with this code from the (cached) centre list, as `{ name, code }` for the
 * `centre.codeAndName` translation; just the code while the list loads or if it fails.
 * Call in an injection context.
 */
export function centreLabel(code: Signal<string | null | undefined>): Signal<{ name: string; code: string } | null> {
  const centres = toSignal(inject(CentresApi).list().pipe(catchError(() => of([] as readonly CentreSummary[]))), {
    initialValue: [] as readonly CentreSummary[],
  });
  return computed(() => {
    const wanted = code();
    if (!wanted) return null;
    const centre = centres().find((candidate) => candidate.code === wanted);
    return { name: centre?.name ?? wanted, code: wanted };
  });
}
