import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { type OAuthReturn, readOAuthReturn, withoutOAuthReturn } from './oauth-return';

/**
 * The result the server's OAuth callback put in the address (`?connected=` / `?error=`): kept
 * until dismissed, and taken out of the address so a reload does not show it again.
 */
export function useOAuthReturn(): [OAuthReturn | null, () => void] {
  const { pathname, search, hash } = useLocation();
  const navigate = useNavigate();
  // Read once: the page opens with the result (the callback is a full page load).
  const [result, setResult] = useState<OAuthReturn | null>(() =>
    readOAuthReturn(new URLSearchParams(search)),
  );

  useEffect(() => {
    const params = new URLSearchParams(search);
    if (!readOAuthReturn(params)) return;
    const rest = withoutOAuthReturn(params).toString();
    void navigate({ pathname, search: rest ? `?${rest}` : '', hash }, { replace: true });
  }, [pathname, search, hash, navigate]);

  return [result, () => setResult(null)];
}
