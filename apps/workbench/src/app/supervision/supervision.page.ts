import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AlertLevel, ChainVerificationView, SupervisionAlertView, SupervisionBoardView } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { SupervisionApi } from '@zhengwu/web/workbench/data-access';
import { finalize } from 'rxjs';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { staffAccess } from '../shared/staff-access';
import { AlertTableComponent } from './alert-table.component';
import { AtRiskTableComponent } from './at-risk-table.component';
import { SupervisionNavComponent } from './supervision-nav.component';

const ALERT_PAGE = 50;

/**
 * The supervision board (电子监察) of the supervisor's centre: open cases by level, the overdue
 * list (red alerts) and the due-soon list (yellow), each case linked to its page and timeline; the
 * alert history with filters; and a check of the centre's event hash chain. Everything comes from
 * the sweep's alerts, centre-wide, whatever posts the supervisor holds.
 */
@Component({
  selector: 'wb-supervision-page',
  imports: [
    DatePipe,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    FormErrorComponent,
    AlertTableComponent,
    AtRiskTableComponent,
    SupervisionNavComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './supervision.page.html',
  styles: `
    .wb-supervision-counts {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 8px 0 16px;
    }
    .wb-supervision-counts > div {
      min-width: 120px;
      padding: 8px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .wb-supervision-counts dt {
      font: var(--mat-sys-label-large);
    }
    .wb-supervision-counts dd {
      margin: 0;
      font: var(--mat-sys-headline-medium);
    }
    .wb-count-yellow {
      background: #fff8d6;
    }
    .wb-count-red {
      background: #ffe9e6;
    }
  `,
})
export class SupervisionPage {
  private readonly api = inject(SupervisionApi);
  protected readonly access = staffAccess();
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;

  protected readonly board = signal<SupervisionBoardView | null>(null);
  protected readonly boardError = signal<Translatable | null>(null);
  protected readonly loadingBoard = signal(false);

  protected readonly alertLevel = signal<AlertLevel | ''>('');
  protected readonly alertState = signal<'open' | 'resolved' | 'all'>('all');
  protected readonly alerts = signal<SupervisionAlertView[] | null>(null);
  protected readonly alertsTotal = signal(0);
  protected readonly alertsOffset = signal(0);
  protected readonly alertsError = signal<Translatable | null>(null);
  protected readonly loadingAlerts = signal(false);
  protected readonly alertPage = ALERT_PAGE;

  protected readonly chain = signal<ChainVerificationView | null>(null);
  protected readonly chainError = signal<Translatable | null>(null);
  protected readonly verifying = signal(false);

  constructor() {
    this.loadBoard();
    this.loadAlerts(0);
  }

  protected loadBoard(): void {
    if (this.loadingBoard()) return;
    this.loadingBoard.set(true);
    this.boardError.set(null);
    this.api
      .board(this.access.centreCode())
      .pipe(finalize(() => this.loadingBoard.set(false)))
      .subscribe({
        next: (board) => this.board.set(board),
        error: (error: unknown) => this.boardError.set(describeHttpError(error).message),
      });
  }

  protected loadAlerts(offset: number): void {
    this.loadingAlerts.set(true);
    this.alertsError.set(null);
    this.api
      .alerts(this.access.centreCode(), { level: this.alertLevel() || undefined, state: this.alertState(), limit: ALERT_PAGE, offset })
      .pipe(finalize(() => this.loadingAlerts.set(false)))
      .subscribe({
        next: (page) => {
          this.alerts.set(page.items);
          this.alertsTotal.set(page.total);
          this.alertsOffset.set(offset);
        },
        error: (error: unknown) => this.alertsError.set(describeHttpError(error).message),
      });
  }

  protected verifyChain(): void {
    if (this.verifying()) return;
    this.verifying.set(true);
    this.chainError.set(null);
    this.api
      .verifyEventChain(this.access.centreCode())
      .pipe(finalize(() => this.verifying.set(false)))
      .subscribe({
        next: (result) => this.chain.set(result),
        error: (error: unknown) => this.chainError.set(describeHttpError(error).message),
      });
  }
}
