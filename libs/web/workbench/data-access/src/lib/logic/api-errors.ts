import { HttpErrorResponse } from '@angular/common/http';
import type { SlaLintErrorView } from '@zhengwu/shared/contracts';
import { errorBodyOf } from '@zhengwu/web/shared/auth';

export const CONCURRENT_MODIFICATION = 'CONCURRENT_MODIFICATION';

/**
 * Someone else changed the record since this page loaded (optimistic concurrency: every action
 * carries the version seen). The page must show the newest state before anyone acts again.
 */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 409 && errorBodyOf(error.error)?.code === CONCURRENT_MODIFICATION;
}

/** The lint errors of a refused publish (`409 PROCEDURE_SLA_VIOLATION`) or of invalid steps. */
export function slaLintErrorsOf(error: unknown): SlaLintErrorView[] | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body = errorBodyOf(error.error);
  if (body?.code !== 'PROCEDURE_SLA_VIOLATION' && body?.code !== 'PROCEDURE_STEPS_INVALID') return null;
  if (!Array.isArray(body.details)) return [];
  return (body.details as unknown[]).filter(
    (e): e is SlaLintErrorView =>
      e !== null && typeof e === 'object' && typeof (e as SlaLintErrorView).code === 'string' && typeof (e as SlaLintErrorView).message?.zh === 'string',
  );
}

/** Lint errors grouped by the step they name; errors about the whole procedure under `null`. */
export function lintErrorsByStep(errors: readonly SlaLintErrorView[]): Map<string | null, SlaLintErrorView[]> {
  const grouped = new Map<string | null, SlaLintErrorView[]>();
  for (const error of errors) {
    const key = error.stepCode ?? null;
    grouped.set(key, [...(grouped.get(key) ?? []), error]);
  }
  return grouped;
}
