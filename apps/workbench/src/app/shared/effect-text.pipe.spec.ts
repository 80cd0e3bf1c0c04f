import type { DeadlineEffect } from '@zhengwu/web/workbench/data-access';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh-CN.json';
import { effectMessage } from './effect-text.pipe';

function text(translations: Record<string, unknown>, key: string): string | undefined {
  let node: unknown = translations;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

/** Every shape of effect the deadline preview can produce (the keys are built at run time). */
const EFFECTS: DeadlineEffect[] = [
  { kind: 'clock_starts', on: '2026-09-18' },
  { kind: 'clock_stays_stopped' },
  { kind: 'clock_stops', on: '2026-09-18', promisedDue: null, remainingWorkingDays: null, overdue: false },
  { kind: 'clock_stops', on: '2026-09-18', promisedDue: '2026-09-30', remainingWorkingDays: 8, overdue: false },
  { kind: 'clock_stops', on: '2026-10-09', promisedDue: '2026-09-30', remainingWorkingDays: null, overdue: true },
  { kind: 'clock_pauses', on: '2026-09-18', capWorkingDays: 10, resumeBy: '2026-10-09', provisional: false },
  { kind: 'clock_pauses', on: '2026-09-18', capWorkingDays: 0, resumeBy: null, provisional: false },
  { kind: 'clock_resumes', on: '2026-09-25', pausedWorkingDays: 5 },
  { kind: 'decided_on_the_spot' },
  ...(['promised', 'legal'] as const).flatMap((which): DeadlineEffect[] => [
    { kind: 'case_due', which, from: null, to: '2026-10-09', provisional: false },
    { kind: 'case_due', which, from: '2026-10-09', to: '2026-10-23', provisional: false },
    { kind: 'case_due', which, from: '2026-10-09', to: '2026-10-23', provisional: true, ifFullCap: true },
  ]),
  { kind: 'step_closes', stepName: '审查', due: null, remainingWorkingDays: null, overdue: false },
  { kind: 'step_closes', stepName: '审查', due: '2026-09-25', remainingWorkingDays: 3, overdue: false },
  { kind: 'step_closes', stepName: '审查', due: '2026-09-25', remainingWorkingDays: null, overdue: true },
  { kind: 'step_opens', stepName: '决定', post: 'approver', limitWorkingDays: 3, due: '2026-09-23', provisional: false },
  { kind: 'step_due', stepName: '审查', from: '2026-09-25', to: '2026-10-16', provisional: false },
  { kind: 'step_due', stepName: '审查', from: '2026-09-25', to: '2026-10-16', provisional: false, ifFullCap: true },
  { kind: 'originals_check_follows', verificationCentre: '510981' },
  { kind: 'unchanged', promisedDue: '2026-09-30', legalDue: '2026-10-16' },
];

describe('deadline effect sentences', () => {
  it('have a zh-CN and an English text for every effect, using every parameter they are given', () => {
    for (const effect of EFFECTS) {
      const { key, params } = effectMessage(effect);
      for (const translations of [zh, en] as Array<Record<string, unknown>>) {
        const sentence = text(translations, key);
        expect({ key, sentence: sentence ?? null }).toEqual({ key, sentence: expect.any(String) });
        for (const name of (sentence ?? '').match(/\{\{\s*(\w+)\s*\}\}/g) ?? []) {
          expect({ key, placeholder: name, given: name.replace(/[{}\s]/g, '') in params }).toEqual({ key, placeholder: name, given: true });
        }
      }
    }
  });

  it('marks a provisional date and says when a step opens for which post', () => {
    expect(effectMessage({ kind: 'case_due', which: 'promised', from: '2026-12-25', to: '2027-01-08', provisional: true })).toEqual({
      key: 'effects.promisedDueMoves',
      params: { from: '2026-12-25', to: '2027-01-08' },
      provisional: true,
    });
    expect(effectMessage({ kind: 'step_opens', stepName: '决定', post: 'approver', limitWorkingDays: 3, due: null, provisional: false })).toEqual({
      key: 'effects.stepOpens',
      params: { step: '决定', post: 'approver', limit: 3, due: '—' },
      provisional: false,
    });
  });
});
