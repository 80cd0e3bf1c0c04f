import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RuleDriftReportView, RuleScope, RuleTrigger, SupervisionRule, SupervisionRulesView } from '@zhengwu/shared/contracts';
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
 * of the centres under it from the province rules. Read-only here; the API takes edits.
 */
@Component({
  selector: 'wb-supervision-rules-page',
  imports: [MatProgressBarModule, TranslocoPipe, FormErrorComponent, LabelPipe, SupervisionNavComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './supervision-rules.page.html',
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

  protected show(value: unknown): string {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  }
}
