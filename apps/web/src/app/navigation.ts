/** Only same-app paths: `/x` yes, `//evil.example` and `https://…` no (no open redirect). */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

export function loginPath(next?: string): string {
  const safe = safeNextPath(next);
  return safe && safe !== '/' ? `/login?next=${encodeURIComponent(safe)}` : '/login';
}

export const workspacePath = (workspaceId: string, section = ''): string =>
  `/w/${encodeURIComponent(workspaceId)}${section ? `/${section}` : ''}`;

export const DASHBOARD_SECTIONS = [
  'meetings',
  'chat',
  'viewers',
  'bots',
  'points',
  'rewards',
  'rehearsal',
  'reports',
  'webhooks',
  'api-tokens',
  'connections',
  'flags',
  'members',
  'overlays',
  'settings',
] as const;

/** The section of a dashboard path (`/w/<id>/members` → `members`), '' for the overview. */
export function sectionOf(pathname: string): string {
  const section = pathname.split('/')[3] ?? '';
  return (DASHBOARD_SECTIONS as readonly string[]).includes(section) ? section : '';
}
