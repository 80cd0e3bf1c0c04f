import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ALERT_LEVELS,
  type AlertLevel,
  RECIPIENTS,
  type Recipient,
  type RuleDriftReportView,
  type RuleScope,
  type RuleTrigger,
  type SupervisionRule,
  type SupervisionRulesView,
} from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { SupervisionApi } from '@zhengwu/web/workbench/data-access';
import { finalize } from 'rxjs';
import { LabelPipe } from '../shared/label.pipe';
import { staffAccess } from '../shared/staff-access';
import { SupervisionNavComponent } from './supervision-nav.component';

export type RuleSource = 'province' | 'override' | 'local';

/** A rule of the effective set and where it comes from. */
export function ruleSource(rule: SupervisionRule, view: SupervisionRulesView): RuleSource {
  if (!view.local.some((local) => local.id === rule.id)) return 'province';
  return view.province.some((province) => province.id === rule.id) ? 'override' : 'local';
}

/** A translation key and its parameters describing a scope or trigger. */
export function scopeText(scope: RuleScope): { key: string; params: Record<string, unknown> } {
  switch (scope.kind) {
    case 'all':
      return { key: 'supervision.rules.scope.all', params: {} };
    case 'department':
      return { key: 'supervision.rules.scope.department', params: { code: scope.departmentCode } };
    case 'item':
      return { key: 'supervision.rules.scope.item', params: { code: scope.itemCode } };
  }
}

/** The working-day threshold of a trigger, if it has one. */
export function thresholdOf(trigger: RuleTrigger): number | null {
  switch (trigger.kind) {
    case 'due_soon':
      return trigger.withinWorkingDays;
    case 'refused_without_reasons':
      return null;
    default:
      return trigger.afterWorkingDays;
  }
}

/** The trigger with another threshold. */
export function withThreshold(trigger: RuleTrigger, days: number): RuleTrigger {
  switch (trigger.kind) {
    case 'due_soon':
      return { ...trigger, withinWorkingDays: days };
    case 'refused_without_reasons':
      return trigger;
    default:
      return { ...trigger, afterWorkingDays: days };
  }
}

export interface RuleDraft {
  threshold: number | null;
  level: AlertLevel;
  notify: Recipient[];
  enabled: boolean;
}

export function triggerText(trigger: RuleTrigger): { key: string; params: Record<string, unknown> } {
  switch (trigger.kind) {
    case 'due_soon':
      return { key: `supervision.rules.trigger.due_soon_${trigger.target}`, params: { days: trigger.withinWorkingDays } };
    case 'refused_without_reasons':
      return { key: 'supervision.rules.trigger.refused_without_reasons', params: {} };
    default:
      return { key: `supervision.rules.trigger.${trigger.kind}`, params: { days: trigger.afterWorkingDays } };
  }
}

/**
 * The rules the sweep runs at this centre: the province's, tightened or added to by the centre;
 * overrides that would loosen a province rule (ignored); and, for a city or the province, the drift
 * of the centres under it from the province rules. A rule can be edited here (the server refuses
 * a change that loosens a province rule and says which field) and an override removed.
 */
@Component({
  selector: 'wb-supervision-rules-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    FormErrorComponent,
    LabelPipe,
    SupervisionNavComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './supervision-rules.page.html',
  styles: `
    .wb-rule-editor {
      margin: 16px 0;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
  `,
})
export class SupervisionRulesPage {
  private readonly api = inject(SupervisionApi);
  private readonly access = staffAccess();
  protected readonly rules = signal<SupervisionRulesView | null>(null);
  protected readonly drift = signal<RuleDriftReportView | null>(null);
  protected readonly loading = signal(0);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly driftError = signal<Translatable | null>(null);
  protected readonly effective = computed(() => {
    const view = this.rules();
    if (!view) return [];
    return view.effective.map((rule) => ({ rule, source: ruleSource(rule, view), scope: scopeText(rule.scope), trigger: triggerText(rule.trigger) }));
  });

  protected readonly levels = ALERT_LEVELS;
  protected readonly recipients = RECIPIENTS;
  protected readonly editing = signal<SupervisionRule | null>(null);
  protected readonly draft = signal<RuleDraft | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<Translatable | null>(null);
  protected readonly saved = signal<string | null>(null);

  constructor() {
    const centre = this.access.centreCode();
    this.loading.set(2);
    this.api
      .rules(centre)
      .pipe(finalize(() => this.loading.update((n) => n - 1)))
      .subscribe({
        next: (view) => this.rules.set(view),
        error: (error: unknown) => this.error.set(describeHttpError(error).message),
      });
    this.api
      .drift(centre)
      .pipe(finalize(() => this.loading.update((n) => n - 1)))
      .subscribe({
        next: (view) => this.drift.set(view),
        error: (error: unknown) => this.driftError.set(describeHttpError(error).message),
      });
  }

  protected edit(rule: SupervisionRule): void {
    this.editing.set(rule);
    this.draft.set({ threshold: thresholdOf(rule.trigger), level: rule.level, notify: [...rule.notify], enabled: rule.enabled });
    this.saveError.set(null);
    this.saved.set(null);
  }

  protected cancel(): void {
    this.editing.set(null);
    this.draft.set(null);
    this.saveError.set(null);
  }

  protected change(change: Partial<RuleDraft>): void {
    this.draft.update((draft) => (draft ? { ...draft, ...change } : draft));
  }

  protected toggleRecipient(recipient: Recipient, on: boolean): void {
    this.draft.update((draft) =>
      draft ? { ...draft, notify: this.recipients.filter((r) => (r === recipient ? on : draft.notify.includes(r))) } : draft,
    );
  }

  protected save(): void {
    const rule = this.editing();
    const draft = this.draft();
    if (!rule || !draft || this.saving()) return;
    if (draft.notify.length === 0) {
      this.saveError.set({ key: 'supervision.rules.edit.notifyRequired' });
      return;
    }
    const trigger = draft.threshold === null ? rule.trigger : withThreshold(rule.trigger, Number(draft.threshold));
    this.saving.set(true);
    this.saveError.set(null);
    this.api
      .putRule(this.access.centreCode(), rule.id, { name: rule.name, scope: rule.scope, trigger, level: draft.level, notify: draft.notify, enabled: draft.enabled })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (view) => {
          this.rules.set(view);
          this.saved.set(rule.id);
          this.cancel();
        },
        error: (error: unknown) => this.saveError.set(describeHttpError(error).message),
      });
  }

  protected remove(rule: SupervisionRule): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.saveError.set(null);
    this.api
      .removeRule(this.access.centreCode(), rule.id)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (view) => {
          this.rules.set(view);
          this.saved.set(rule.id);
          this.cancel();
        },
        error: (error: unknown) => this.saveError.set(describeHttpError(error).message),
      });
  }

  protected entryLocal(id: string): boolean {
    return this.rules()?.local.some((rule) => rule.id === id) ?? false;
  }

  protected entryProvince(id: string): boolean {
    return this.rules()?.province.some((rule) => rule.id === id) ?? false;
  }

  protected show(value: unknown): string {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  }
}
