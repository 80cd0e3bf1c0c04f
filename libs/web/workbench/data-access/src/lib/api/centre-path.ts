import { API_V1 } from '@zhengwu/web/shared/auth';

/** `/api/v1/centres/<code>`: every staff resource lives under the staff member's own centre. */
export function centrePath(centreCode: string): string {
  return `${API_V1}/centres/${encodeURIComponent(centreCode)}`;
}

/** Query parameters without the unset ones (HttpClient would send `undefined` as text). */
export function queryOf(values: Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params[key] = value.join(',');
    } else {
      params[key] = String(value);
    }
  }
  return params;
}
