import { inject, Pipe, PipeTransform } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { DeadlineEffect } from '@zhengwu/web/workbench/data-access';
import { UiLanguageService } from '@zhengwu/web/shared/i18n';

/** The key and parameters of the sentence that tells a staff member one deadline effect. */
export function effectMessage(effect: DeadlineEffect): { key: string; params: Record<string, unknown>; provisional: boolean } {
  const none = '—';
  switch (effect.kind) {
    case 'clock_starts':
      return { key: 'effects.clockStarts', params: { on: effect.on }, provisional: false };
    case 'clock_stays_stopped':
      return { key: 'effects.clockStaysStopped', params: {}, provisional: false };
    case 'clock_stops':
      if (!effect.promisedDue) return { key: 'effects.clockStops', params: { on: effect.on }, provisional: false };
      return {
        key: effect.overdue ? 'effects.clockStopsOverdue' : 'effects.clockStopsInTime',
        params: { on: effect.on, due: effect.promisedDue, days: effect.remainingWorkingDays ?? 0 },
        provisional: false,
      };
    case 'clock_pauses':
      return { key: effect.resumeBy ? 'effects.clockPauses' : 'effects.clockPausesNoCap', params: { on: effect.on, cap: effect.capWorkingDays, resumeBy: effect.resumeBy ?? none }, provisional: effect.provisional };
    case 'clock_resumes':
      return { key: 'effects.clockResumes', params: { on: effect.on, days: effect.pausedWorkingDays }, provisional: false };
    case 'decided_on_the_spot':
      return { key: 'effects.decidedOnTheSpot', params: {}, provisional: false };
    case 'case_due':
      return {
        key: `effects.${effect.which}${effect.from ? (effect.ifFullCap ? 'DueIfFullCap' : 'DueMoves') : 'DueSet'}`,
        params: { from: effect.from ?? none, to: effect.to ?? none },
        provisional: effect.provisional,
      };
    case 'step_closes':
      if (!effect.due) return { key: 'effects.stepClosesNoDue', params: { step: effect.stepName }, provisional: false };
      return {
        key: effect.overdue ? 'effects.stepClosesOverdue' : 'effects.stepClosesInTime',
        params: { step: effect.stepName, due: effect.due, days: effect.remainingWorkingDays ?? 0 },
        provisional: false,
      };
    case 'step_opens':
      return {
        key: 'effects.stepOpens',
        params: { step: effect.stepName, post: effect.post, limit: effect.limitWorkingDays, due: effect.due ?? none },
        provisional: effect.provisional,
      };
    case 'step_due':
      return {
        key: effect.ifFullCap ? 'effects.stepDueIfFullCap' : 'effects.stepDueMoves',
        params: { step: effect.stepName, from: effect.from ?? none, to: effect.to ?? none },
        provisional: effect.provisional,
      };
    case 'originals_check_follows':
      return { key: 'effects.originalsCheckFollows', params: { centre: effect.verificationCentre ?? none }, provisional: false };
    case 'unchanged':
      return { key: 'effects.unchanged', params: { promised: effect.promisedDue ?? none, legal: effect.legalDue ?? none }, provisional: false };
  }
}

/** One deadline effect as a sentence in the active language (posts named by their translation). */
@Pipe({ name: 'wbEffect', pure: false })
export class EffectTextPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(UiLanguageService);

  transform(effect: DeadlineEffect): string {
    const language = this.language.current();
    const { key, params, provisional } = effectMessage(effect);
    const resolved = 'post' in params ? { ...params, post: this.transloco.translate(`roles.${String(params['post'])}`, {}, language) } : params;
    const text = this.transloco.translate(key, resolved, language);
    return provisional ? `${text}${this.transloco.translate('effects.provisional', {}, language)}` : text;
  }
}
