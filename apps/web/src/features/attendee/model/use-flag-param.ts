import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { browserStorage } from './attendee-session';
import { FLAG_PARAM, readFlagParam, rememberPendingFlag, withoutFlagParam } from './flag-param';

/**
 * Keeps a `?flag=CODE` from a flag's QR code until the attendee is in the meeting (the meeting page
 * sends it), and takes it out of the address so a reload or a shared link does not send it again.
 */
export function useRememberFlagParam(): void {
  const { pathname, search, hash } = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (!new URLSearchParams(search).has(FLAG_PARAM)) return;
    const code = readFlagParam(search);
    if (code) rememberPendingFlag(browserStorage(), code, Date.now());
    void navigate({ pathname, search: withoutFlagParam(search), hash }, { replace: true });
  }, [pathname, search, hash, navigate]);
}
