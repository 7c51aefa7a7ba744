import { API_SCOPES, type ApiScope, type CreateApiTokenRequest } from '@podium/contracts';

/** Expiry choices offered by the form; `custom` takes a date. */
export const EXPIRY_CHOICES = ['never', '30', '90', '365', 'custom'] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

export interface ApiTokenFormValues {
  name: string;
  scopes: ReadonlySet<ApiScope>;
  expiry: ExpiryChoice;
  /** `YYYY-MM-DD`, used when expiry is `custom`. */
  customDate: string;
}

export const emptyApiTokenForm = (): ApiTokenFormValues => ({
  name: '',
  scopes: new Set<ApiScope>(),
  expiry: '90',
  customDate: '',
});

export function toggleScope(values: ApiTokenFormValues, scope: ApiScope, on: boolean): ApiTokenFormValues {
  const scopes = new Set(values.scopes);
  if (on) scopes.add(scope);
  else scopes.delete(scope);
  return { ...values, scopes };
}

/** The scopes grouped by area (`points:read`, `points:write` → `points`), in the contract's order. */
export function scopeGroups(): { area: string; scopes: ApiScope[] }[] {
  const groups: { area: string; scopes: ApiScope[] }[] = [];
  for (const scope of API_SCOPES) {
    const area = scope.split(':')[0] ?? scope;
    const group = groups.find((candidate) => candidate.area === area);
    if (group) group.scopes.push(scope);
    else groups.push({ area, scopes: [scope] });
  }
  return groups;
}

/** The expiry as an ISO date-time: n days from `now`, the end of a custom day (local time), or null. */
export function expiryOf(values: ApiTokenFormValues, now: Date = new Date()): string | null {
  switch (values.expiry) {
    case 'never':
      return null;
    case '30':
    case '90':
    case '365':
      return new Date(now.getTime() + Number(values.expiry) * 24 * 60 * 60 * 1000).toISOString();
    case 'custom': {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.customDate);
      if (!match) return null;
      const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
      return end.toISOString();
    }
  }
}

/** The request the form sends; scopes in the contract's order. */
export function toCreateRequest(values: ApiTokenFormValues, now: Date = new Date()): CreateApiTokenRequest {
  return {
    name: values.name.trim(),
    scopes: API_SCOPES.filter((scope) => values.scopes.has(scope)),
    expiresAt: expiryOf(values, now),
  };
}
