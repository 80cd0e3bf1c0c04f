import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CalendarOverride, CivilDate, nationalCalendar, WorkingDayCalendar } from '@zhengwu/calendar/domain';
import type { CalendarOverrideView } from '@zhengwu/shared/contracts';
import { catchError, map, Observable, shareReplay, throwError } from 'rxjs';
import { centrePath } from './centre-path';

/**
 * The working-day calendar of a centre in the browser: the bundled national schedule with the
 * centre's own closures and service days (`GET …/calendar/overrides`, public) layered on top, the
 * same engine the server counts deadlines with. Cached per centre for the page's life.
 */
@Injectable({ providedIn: 'root' })
export class CentreCalendarService {
  private readonly http = inject(HttpClient);
  private readonly cache = new Map<string, Observable<WorkingDayCalendar>>();

  forCentre(centreCode: string): Observable<WorkingDayCalendar> {
    let cached = this.cache.get(centreCode);
    if (!cached) {
      cached = this.http.get<CalendarOverrideView[]>(`${centrePath(centreCode)}/calendar/overrides`).pipe(
        map((overrides) => calendarWithOverrides(overrides)),
        catchError((error: unknown) => {
          this.cache.delete(centreCode);
          return throwError(() => error);
        }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
      this.cache.set(centreCode, cached);
    }
    return cached;
  }
}

export function calendarWithOverrides(overrides: readonly CalendarOverrideView[]): WorkingDayCalendar {
  return nationalCalendar().withOverrides(
    overrides.map((o): CalendarOverride => ({ date: o.date as CivilDate, kind: o.kind, reason: o.reason })),
  );
}
