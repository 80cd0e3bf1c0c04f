import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { SupervisionRollupView } from '@zhengwu/shared/contracts';
import { centrePath } from '@zhengwu/web/workbench/data-access';
import { Observable } from 'rxjs';

/**
 * The roll-up across levels (`…/supervision/rollup`): the supervisor's centre and every centre
 * beneath it, with the latest snapshot each sent upward. Built like `SupervisionApi`'s calls; kept
 * beside the page until it moves into that shared client.
 */
@Injectable({ providedIn: 'root' })
export class SupervisionRollupApi {
  private readonly http = inject(HttpClient);

  rollup(centreCode: string): Observable<SupervisionRollupView> {
    return this.http.get<SupervisionRollupView>(`${centrePath(centreCode)}/supervision/rollup`);
  }
}
