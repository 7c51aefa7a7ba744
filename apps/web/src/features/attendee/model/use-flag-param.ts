import { useEffect } from 'react';
import { browserStorage } from './attendee-session';
import { FLAG_PARAM, readFlagParam, rememberPendingFlag, withoutFlagParam } from './flag-param';

/**
 * Keeps a `?flag=CODE` from a flag's QR code until the attendee is in the meeting (the meeting page
 * sends it), and takes it out of the address so a reload or a shared link does not send it again.
 * Reads and rewrites `window.location` itself: the attendee's pages have no router.
 */
export function useRememberFlagParam(): void {
  useEffect(() => {
    const { pathname, search, hash } = window.location;
    if (!new URLSearchParams(search).has(FLAG_PARAM)) return;
    const code = readFlagParam(search);
    if (code) rememberPendingFlag(browserStorage(), code, Date.now());
    window.history.replaceState(window.history.state, '', `${pathname}${withoutFlagParam(search)}${hash}`);
  }, []);
}
