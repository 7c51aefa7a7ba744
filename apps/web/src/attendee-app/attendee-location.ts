import { useSyncExternalStore } from 'react';

// The attendee's pages are two screens: a path switch on `location` replaces the admin app's
// router (a third of the phone's script).

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** The current path, re-rendering on `navigate` and on the browser's back and forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** To another attendee page without reloading (pages outside these two are plain links). */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

/** The attendee page a path shows: `/join`, `/join/:code`, `/m/:meetingId`; null for any other. */
export type AttendeeRoute = { page: 'join'; code: string } | { page: 'meeting'; meetingId: string };

export function attendeeRoute(pathname: string): AttendeeRoute | null {
  const [first, second, ...rest] = pathname.split('/').filter((part) => part !== '');
  if (rest.length > 0) return null;
  const param = second === undefined ? undefined : safeDecode(second);
  if (first === 'join') return param === null ? null : { page: 'join', code: param ?? '' };
  if (first === 'm' && param) return { page: 'meeting', meetingId: param };
  return null;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
